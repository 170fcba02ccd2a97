import CInterrupts
import Foundation
import Synchronization

/// What a command does when it is interrupted: Ctrl-C (SIGINT), SIGTERM or SIGHUP. The actions
/// registered run in order, on a thread of their own; then the process ends by that signal, as
/// it would have without them (the shell sees 128 + its number). A signal the process was
/// started ignoring (`nohup`) stays ignored; a second one while the first is handled ends the
/// process at once.
///
/// Plain handlers, not dispatch signal sources: those need the signal blocked in every thread,
/// and JavaScriptCore's threads do not block it, so a Ctrl-C ended an in-process run at once.
public enum Interrupts {
    private static let actions = Mutex<[@Sendable (Int32) -> Void]>([])
    private static let installed = Mutex<Bool>(false)

    /// Adds `action` (given the signal's number) to what an interrupt does.
    public static func onInterrupt(_ action: @escaping @Sendable (Int32) -> Void) {
        actions.withLock { $0.append(action) }
        installed.withLock { installed in
            guard !installed else { return }
            installed = true
            let fd = mh_interrupts_install()
            guard fd >= 0 else { return }  // no pipe: signals keep their default action
            let thread = Thread {
                var byte: UInt8 = 0
                while true {
                    let n = read(fd, &byte, 1)
                    if n == 1 { interrupted(by: Int32(byte)) }
                    if n == 0 || (n < 0 && errno != EINTR) { return }
                }
            }
            thread.name = "minihost.interrupts"
            thread.start()
        }
    }

    /// The signal's name: `SIGINT`, `SIGTERM`, `SIGHUP`.
    public static func name(_ sig: Int32) -> String {
        switch sig {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(sig)"
        }
    }

    private static func interrupted(by sig: Int32) {
        let todo = actions.withLock { actions in defer { actions = [] }; return actions }
        for action in todo { action(sig) }
        signal(sig, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        _exit(128 + sig)  // not reached
    }
}
