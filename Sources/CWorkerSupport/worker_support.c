#define _GNU_SOURCE
#include "worker_support.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

pid_t mh_spawn_worker(const char *path, int fd, char *const argv[], char *const envp[]) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    int rc = posix_spawn_file_actions_init(&actions);
    if (rc != 0) return -rc;
    rc = posix_spawnattr_init(&attr);
    if (rc != 0) { posix_spawn_file_actions_destroy(&actions); return -rc; }
    // The child gets the socket as descriptor 3, /dev/null as stdin, and nothing else of ours.
    if (fd == 3) {
        // dup2 onto itself would not clear FD_CLOEXEC: go through a spare descriptor.
        int spare = fcntl(fd, F_DUPFD_CLOEXEC, 10);
        if (spare < 0) { rc = errno; goto done; }
        posix_spawn_file_actions_adddup2(&actions, spare, 3);
    } else {
        posix_spawn_file_actions_adddup2(&actions, fd, 3);
    }
    // Standard streams go nowhere: a compromised worker must not write lines the host's own
    // output would seem to contain.
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclosefrom_np(&actions, 4);
    // Signals the host ignores or blocks must not be inherited that way.
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid = 0;
    rc = posix_spawn(&pid, path, &actions, &attr, argv, envp);
done:
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    return rc == 0 ? pid : -rc;
}

int mh_harden_worker(void) {
    // Only 0-3 stay open (stdin is /dev/null; stdout/stderr carry nothing but a last word).
    if (close_range(4, ~0U, 0) != 0) {
        for (int i = 4; i < 65536; i++) close(i);
    }
    struct rlimit zero = {0, 0};
    if (setrlimit(RLIMIT_CORE, &zero) != 0) return -errno;
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return -errno;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -errno;
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) return -errno;
    // A parent that died before PDEATHSIG was set: leave at once.
    if (getppid() == 1) return -ESRCH;
    struct rlimit files = {64, 64};
    if (setrlimit(RLIMIT_NOFILE, &files) != 0) return -errno;
    struct rlimit fsize = {0, 0};
    if (setrlimit(RLIMIT_FSIZE, &fsize) != 0) return -errno;
    return mh_drop_capabilities();
}

long mh_statm_rss_kb(int statm_fd) {
    char buf[128];
    ssize_t n = pread(statm_fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return -1;
    buf[n] = 0;
    char *p = buf;
    strtol(p, &p, 10);           // size
    long resident = strtol(p, &p, 10);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int mh_wake_fd(void) {
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    return fd >= 0 ? fd : -errno;
}
