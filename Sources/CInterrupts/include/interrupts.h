#ifndef MINIHOST_INTERRUPTS_H
#define MINIHOST_INTERRUPTS_H

/// Catches SIGINT, SIGTERM and SIGHUP, those not ignored when the process started, and unblocks
/// them in the calling thread (call it from the main one): each one caught writes its number, as
/// one byte, to a pipe. Returns the pipe's read end (a blocking descriptor), or -1 with errno
/// set. Call once.
int mh_interrupts_install(void);

#endif
