// Interrupts as bytes on a pipe: a signal handler may only do async-signal-safe things, and
// write(2) is one. A thread of the program reads the pipe and does the real work (see
// Interrupts.swift in MiniHostCore).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "interrupts.h"

static int pipe_write_end = -1;
static volatile sig_atomic_t interrupted = 0;

static void on_signal(int sig) {
    if (interrupted) {
        // A second interrupt while the first is handled (an impatient Ctrl-C): end now. The
        // signal is blocked inside its own handler, so it lands, with its default action, on return.
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    interrupted = 1;
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    ssize_t ignored = write(pipe_write_end, &byte, 1);
    (void)ignored;
    errno = saved;
}

int mh_interrupts_install(void) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
    pipe_write_end = fds[1];
    // A full pipe must not block the handler: a signal then is dropped, one is already queued.
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    const int signals[] = { SIGINT, SIGTERM, SIGHUP };
    sigset_t caught;
    sigemptyset(&caught);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction old;
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup, `&` in a script
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(signals[i], &sa, NULL);
        sigaddset(&caught, signals[i]);
    }
    // A process started from a thread that blocks signals (a dispatch worker's Process) inherits
    // that mask: unblocked here, in the calling thread, or the signals would stay pending for good.
    pthread_sigmask(SIG_UNBLOCK, &caught, NULL);
    return fds[0];
}
