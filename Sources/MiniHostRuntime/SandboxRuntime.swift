import MiniHostProtocol

/// A sandbox is what the host drives for an app isolated in-process.
extension Sandbox: AppRuntime {}
