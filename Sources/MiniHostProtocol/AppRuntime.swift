/// What the host drives, whichever way the app is isolated: a sandbox on a thread of the host,
/// or a worker process across the wire (the same conversation in both cases).
public protocol AppRuntime: AnyObject, Sendable {
    func launch(_ options: LaunchOptions, done: (@Sendable (Bool) -> Void)?)
    func perform(_ command: HostCommand)
    @discardableResult func whenIdle(_ body: @escaping @Sendable () -> Void) -> Int?
    @discardableResult func whenDrained(_ body: @escaping @Sendable () -> Void) -> Int?
    func cancelWait(_ token: Int)
    func stop(done: (@Sendable () -> Void)?)
}
