#ifndef MINIHOST_WORKER_SUPPORT_H
#define MINIHOST_WORKER_SUPPORT_H

#include <sys/types.h>

/// Starts `path` as a worker: `fd` becomes its descriptor 3, 0-2 are /dev/null, every other
/// descriptor is closed in the child, and `envp` is its whole environment (NULL-terminated). Returns the pid, or -errno.
pid_t mh_spawn_worker(const char *path, int fd, char *const argv[], char *const envp[]);

/// Worker hardening done at start-up: closes every descriptor above 3, forbids core dumps and
/// ptrace attach (not dumpable), sets PR_SET_NO_NEW_PRIVS and PR_SET_PDEATHSIG (die with the
/// host), and caps open files and processes. Returns 0, or -errno of the first step that failed.
int mh_harden_worker(void);

/// Installs the worker's seccomp filter (libseccomp): opening files (open, openat, openat2,
/// creat), making sockets (socket, socketpair), connecting, binding, listening, and executing
/// (execve, execveat) fail with EPERM; everything else is allowed. Returns 0, or -errno.
int mh_install_seccomp(void);

/// The resident set size of `pid` in KiB read through an open `/proc/<pid>/statm` descriptor
/// (pread at 0), or -1.
long mh_statm_rss_kb(int statm_fd);

/// A non-blocking eventfd (close-on-exec) the worker uses to wake its own main thread out of
/// poll; -errno on failure.
int mh_wake_fd(void);

#endif
