#ifndef MINIHOST_WORKER_SUPPORT_H
#define MINIHOST_WORKER_SUPPORT_H

#include <sys/types.h>

/// Starts `path` as a worker: `fd` becomes its descriptor 3, 0-2 are /dev/null, every other
/// descriptor is closed in the child, and `envp` is its whole environment (NULL-terminated). Returns the pid, or -errno.
pid_t mh_spawn_worker(const char *path, int fd, char *const argv[], char *const envp[]);

/// Worker hardening done at start-up: closes every descriptor above 3, forbids core dumps and
/// ptrace attach (not dumpable), sets PR_SET_NO_NEW_PRIVS and PR_SET_PDEATHSIG (die with the
/// host), caps open files and file size, and drops every capability (mh_drop_capabilities).
/// Returns 0, or -errno of the first step that failed.
int mh_harden_worker(void);

/// Drops every capability: effective, permitted and inheritable (capset), the bounding set
/// (PR_CAPBSET_DROP) and the ambient set, and locks the securebits that would give root's back
/// (the last two need CAP_SETPCAP, which only a privileged worker has). Returns 0, or -errno.
int mh_drop_capabilities(void);

/// Seals the worker with its seccomp filter (libseccomp), on every thread: an allowlist of the
/// system calls JavaScriptCore, the Swift runtime and the worker make after start-up (memory,
/// threads, signals to its own threads, clocks, its socket on descriptor 3); anything else, and
/// any other architecture's system call, fails with EPERM. Returns 0, or -errno.
int mh_install_seccomp(void);

/// A process's privileges: capability sets as bit masks, and PR_GET_NO_NEW_PRIVS.
typedef struct {
    unsigned long long effective, permitted, inheritable, bounding, ambient;
    int no_new_privs;
} mh_privileges;

/// The worker's privileges read just before it sealed itself (no_new_privs is -1 before then).
mh_privileges mh_privileges_at_seal(void);

/// One attempt of the seal probe: what was tried, and its errno (0: it succeeded).
typedef struct {
    const char *attempt;
    int error;
} mh_probe_outcome;

/// For tests of the seal: tries what a compromised worker would (open files, io_uring, pidfds,
/// ptrace and signals to `host`, sockets, execve, fork, namespaces, capabilities, the i386 and
/// x32 ABIs), undoing whatever succeeds. Fills up to `capacity` outcomes; returns their count.
int mh_probe_seal(pid_t host, mh_probe_outcome *out, int capacity);

/// The resident set size of `pid` in KiB read through an open `/proc/<pid>/statm` descriptor
/// (pread at 0), or -1.
long mh_statm_rss_kb(int statm_fd);

/// A non-blocking eventfd (close-on-exec) the worker uses to wake its own main thread out of
/// poll; -errno on failure.
int mh_wake_fd(void);

#endif
