#define _GNU_SOURCE
#include "worker_support.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#if defined(__x86_64__)
static sigjmp_buf no_i386_entry;
static void leave_i386_attempt(int sig) {
    (void)sig;
    siglongjmp(no_i386_entry, 1);
}

/// getpid through the i386 system call ABI (`int $0x80`); a kernel without that entry
/// faults instead, which counts as ENOSYS.
static long i386_getpid(void) {
    struct sigaction catch = {.sa_handler = leave_i386_attempt}, before;
    sigaction(SIGSEGV, &catch, &before);
    long rc = -ENOSYS;
    if (sigsetjmp(no_i386_entry, 1) == 0) {
        long nr_and_result = 20;  // __NR_getpid on i386
        __asm__ volatile("int $0x80" : "+a"(nr_and_result) : : "memory", "r8", "r9", "r10", "r11");
        rc = (int)nr_and_result;
    }
    sigaction(SIGSEGV, &before, NULL);
    if (rc < 0) { errno = (int)-rc; return -1; }
    return rc;
}
#endif

/// A child made by an attempt that should have failed leaves at once.
static void leave_if_child(long rc) {
    if (rc == 0) syscall(SYS_exit_group, 0);
}

int mh_probe_seal(pid_t host, mh_probe_outcome *out, int capacity) {
    int n = 0;
    // Records one attempt: its errno, or 0 when it succeeded (then `undo` runs with `rc`).
#define TRY(name, call, undo)                                        \
    do {                                                             \
        errno = 0;                                                   \
        long rc = (long)(call);                                      \
        int error = rc < 0 ? errno : 0;                              \
        if (rc >= 0) { undo; }                                       \
        if (n < capacity) out[n++] = (mh_probe_outcome){name, error}; \
    } while (0)
    static const char created[] = "/tmp/minihost-seal-probe";
    TRY("open", openat(AT_FDCWD, "/etc/hostname", O_RDONLY), close((int)rc));
    TRY("open /etc/passwd", syscall(SYS_open, "/etc/passwd", O_RDONLY), close((int)rc));
    TRY("openat /proc/self/status", openat(AT_FDCWD, "/proc/self/status", O_RDONLY), close((int)rc));
    TRY("openat /", openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY), close((int)rc));
    TRY("openat O_CREAT", openat(AT_FDCWD, created, O_WRONLY | O_CREAT | O_EXCL, 0600), (close((int)rc), unlink(created)));
    TRY("creat", syscall(SYS_creat, created, 0600), (close((int)rc), unlink(created)));
#ifdef SYS_openat2
    struct { unsigned long long flags, mode, resolve; } how = {O_RDONLY, 0, 0};
    TRY("openat2", syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &how, sizeof how), close((int)rc));
#endif
    unsigned char uring_params[120] = {0};
    TRY("io_uring_setup", syscall(SYS_io_uring_setup, 1, uring_params), close((int)rc));
    // Descriptor 3 stands in for an io_uring or a pidfd: without the filter the calls get EBADF
    // or EOPNOTSUPP, not EPERM.
    TRY("io_uring_enter", syscall(SYS_io_uring_enter, 3, 0, 0, 0, NULL, 0), (void)0);
    TRY("io_uring_register", syscall(SYS_io_uring_register, 3, 0, NULL, 0), (void)0);
    TRY("pidfd_open host", syscall(SYS_pidfd_open, host, 0), close((int)rc));
    TRY("pidfd_getfd", syscall(SYS_pidfd_getfd, 3, 0, 0), close((int)rc));
    TRY("pidfd_send_signal", syscall(SYS_pidfd_send_signal, 3, 0, NULL, 0), (void)0);
    TRY("ptrace attach host", ptrace(PTRACE_ATTACH, host, 0, 0), ptrace(PTRACE_DETACH, host, 0, 0));
    char byte = 0;
    struct iovec local = {&byte, 1}, remote = {NULL, 1};
    TRY("process_vm_readv host", process_vm_readv(host, &local, 1, &remote, 1, 0), (void)0);
    TRY("process_vm_writev host", process_vm_writev(host, &local, 1, &remote, 1, 0), (void)0);
    TRY("kill host", kill(host, 0), (void)0);
    TRY("tgkill host", syscall(SYS_tgkill, host, host, 0), (void)0);
    TRY("tkill host", syscall(SYS_tkill, host, 0), (void)0);
    TRY("socket", socket(AF_INET, SOCK_STREAM, 0), close((int)rc));
    TRY("unix_socket", socket(AF_UNIX, SOCK_STREAM, 0), close((int)rc));
    int pair[2];
    TRY("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, pair), (close(pair[0]), close(pair[1])));
    TRY("sendto stdout", sendto(1, "x", 1, 0, NULL, 0), (void)0);
    char *const argv[] = {"/bin/true", NULL}, *const envp[] = {NULL};
    TRY("execve", execve("/bin/true", argv, envp), (void)0);
    TRY("execveat", syscall(SYS_execveat, AT_FDCWD, "/bin/true", argv, envp, 0), (void)0);
    TRY("fork", syscall(SYS_fork), leave_if_child(rc));
    TRY("clone process", syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0), leave_if_child(rc));
    struct { unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls; } args = {
        .exit_signal = SIGCHLD};
    TRY("clone3", syscall(SYS_clone3, &args, sizeof args), leave_if_child(rc));
    TRY("unshare user", unshare(CLONE_NEWUSER), (void)0);
    TRY("memfd_create", syscall(SYS_memfd_create, "probe", 0), close((int)rc));
    TRY("userfaultfd", syscall(SYS_userfaultfd, 0), close((int)rc));
    TRY("bpf", syscall(SYS_bpf, 0, NULL, 0), close((int)rc));
    int pending = 0;
    TRY("ioctl", ioctl(0, FIONREAD, &pending), (void)0);
    TRY("prctl set dumpable", prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), prctl(PR_SET_DUMPABLE, 0, 0, 0, 0));
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct all[_LINUX_CAPABILITY_U32S_3] = {{~0U, ~0U, ~0U}, {~0U, ~0U, ~0U}};
    TRY("capset", syscall(SYS_capset, &header, all), (void)0);
#if defined(__x86_64__)
    TRY("x32 getpid", syscall(0x40000000 | SYS_getpid), (void)0);
    TRY("i386 getpid", i386_getpid(), (void)0);
#endif
#undef TRY
    return n;
}
