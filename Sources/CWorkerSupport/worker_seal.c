#define _GNU_SOURCE
#include "worker_support.h"

#include <errno.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <sched.h>
#include <seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/// The worker's privileges when it sealed itself (see mh_privileges_at_seal).
static mh_privileges sealed_with = {.no_new_privs = -1};

static mh_privileges read_privileges(void) {
    mh_privileges p = {0};
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {0};
    if (syscall(SYS_capget, &header, data) == 0) {
        p.effective = data[0].effective | (unsigned long long)data[1].effective << 32;
        p.permitted = data[0].permitted | (unsigned long long)data[1].permitted << 32;
        p.inheritable = data[0].inheritable | (unsigned long long)data[1].inheritable << 32;
    }
    for (int cap = 0; cap < 64; cap++) {
        int bound = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
        if (bound < 0) break;  // EINVAL past the last capability the kernel knows
        if (bound == 1) p.bounding |= 1ULL << cap;
        if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0) == 1) p.ambient |= 1ULL << cap;
    }
    p.no_new_privs = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    return p;
}

int mh_drop_capabilities(void) {
    // Root's privileges never come back: not through execve as uid 0, not by a uid change.
    // Needs CAP_SETPCAP, which only a worker started with privileges has; without it there is
    // nothing to lock.
    int locked = SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED
        | SECBIT_KEEP_CAPS_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;
    if (prctl(PR_SET_SECUREBITS, locked, 0, 0, 0) != 0 && errno != EPERM) return -errno;
    // The bounding set also needs CAP_SETPCAP. A worker without it has no capabilities, and its
    // bounding set would only limit an execve, which the seal refuses.
    int may_bound = read_privileges().effective >> CAP_SETPCAP & 1;
    for (int cap = 0; may_bound && cap < 64; cap++) {
        if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) < 0) break;
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) return -errno;
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) return -errno;
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3] = {0};
    if (syscall(SYS_capset, &header, none) != 0) return -errno;
    return 0;
}

mh_privileges mh_privileges_at_seal(void) { return sealed_with; }

/// System calls the sealed worker makes with any arguments: its socket and event descriptors,
/// memory, threads' waiting and signals (JavaScriptCore stops threads with signals), clocks.
static const int allowed[] = {
    SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(pread64), SCMP_SYS(close),
    SCMP_SYS(poll), SCMP_SYS(epoll_ctl), SCMP_SYS(epoll_wait),
    SCMP_SYS(eventfd2), SCMP_SYS(timerfd_create), SCMP_SYS(timerfd_settime),
    SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mprotect), SCMP_SYS(madvise), SCMP_SYS(mremap), SCMP_SYS(brk),
    SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(rseq), SCMP_SYS(sched_yield), SCMP_SYS(sched_getaffinity),
    SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigsuspend),
    SCMP_SYS(sigaltstack), SCMP_SYS(restart_syscall),
    SCMP_SYS(clock_gettime), SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep),
    SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(getrandom), SCMP_SYS(exit), SCMP_SYS(exit_group),
};

/// Adds `rule`s to the filter, stopping at the first that fails.
#define ADD(...) do { rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, __VA_ARGS__); if (rc != 0) goto done; } while (0)

int mh_install_seccomp(void) {
    sealed_with = read_privileges();
    // What is not allowed fails with EPERM, and so does any other architecture's system call:
    // i386's (int $0x80) and x32's (the 0x40000000 bit), which libseccomp sends the same way.
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (ctx == NULL) return -ENOMEM;
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ERRNO(EPERM));
    // Every thread, those JavaScriptCore and Dispatch started before the seal included.
    if (rc == 0) rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
    if (rc != 0) goto done;
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) ADD(allowed[i], 0);
    // Frames go through the host's socket only.
    ADD(SCMP_SYS(sendto), 1, SCMP_A0(SCMP_CMP_EQ, 3));
    ADD(SCMP_SYS(recvfrom), 1, SCMP_A0(SCMP_CMP_EQ, 3));
    // Threads, never processes: clone3 hides its flags from the filter, so glibc is told it
    // does not exist and falls back to clone, whose flags must make a thread of this process.
    const unsigned long thread = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
    const unsigned long namespaces = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER
        | CLONE_NEWPID | CLONE_NEWNET;
    ADD(SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, thread | namespaces | CLONE_VFORK, thread));
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (rc != 0) goto done;
    // Signals to this process's own threads only (JSC suspends its threads, abort raises).
    ADD(SCMP_SYS(tgkill), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
    // Thread names, set by Dispatch and WTF from inside each thread.
    ADD(SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME));
    ADD(SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_GET_NAME));
    // Thread priorities: Dispatch sets the calling thread's nice value; pthread_create with an
    // explicit policy (JSC's threads) sets the new thread's, here only the ordinary one.
    ADD(SCMP_SYS(setpriority), 2, SCMP_A0(SCMP_CMP_EQ, PRIO_PROCESS), SCMP_A1(SCMP_CMP_EQ, 0));
    ADD(SCMP_SYS(sched_setscheduler), 1, SCMP_A1(SCMP_CMP_EQ, SCHED_OTHER | SCHED_RESET_ON_FORK));
    ADD(SCMP_SYS(sched_setscheduler), 1, SCMP_A1(SCMP_CMP_EQ, SCHED_OTHER));
    rc = seccomp_load(ctx);
done:
    seccomp_release(ctx);
    return rc;
}
