import Foundation

/// Supervision and driving between a host and its worker process: one `control` frame each,
/// its operation's name and a body. The host sends the first group, the worker the second;
/// each side refuses what only it may send.
public enum ControlMessage: Sendable, Equatable {
    // Host → worker.
    /// Makes the worker's VM with the host's API stubs (a pooled worker gets this ahead of its app).
    case prepare(apis: [APIDescriptor])
    /// Starts the app in the prepared VM, after the worker has sealed itself (`seccomp`).
    case start(StartRequest)
    case launch(LaunchOptions)
    case command(HostCommand)
    /// Asks for `waited` with the same id once the app is idle (no tasks, no timers) or, with
    /// `drained`, once no task is queued.
    case wait(id: Int, drained: Bool)
    /// Answered with `pong` from the app's own queue: a hung app thread never answers.
    case ping(seq: Int)
    /// Holds and releases the app's host events (while the user is asked something).
    case hold
    case release
    case stop
    /// For the hostile corpus: a worker started with faults allowed misbehaves on purpose.
    case fault(WorkerFault)

    // Worker → host.
    case prepared
    case started
    case launched(ok: Bool)
    case waited(id: Int)
    case pong(seq: Int)
    /// What the worker's probe of its seal found: each attempt and its outcome.
    case probed([String: String])
    /// The worker gives up (it exits next); the reason is the worker's, not to be trusted as text.
    case fatal(reason: String?)
    case stopped

    /// What `start` carries: the app, its memory limit, the seal, and the APIs the host answers
    /// at once (the worker asks those synchronously).
    public struct StartRequest: Sendable, Equatable {
        public var config: SandboxConfig
        public var memoryKb: Int
        public var seccomp: Bool
        public var answeredAtOnce: [String]

        public init(config: SandboxConfig, memoryKb: Int, seccomp: Bool = true, answeredAtOnce: [String] = []) {
            self.config = config
            self.memoryKb = memoryKb
            self.seccomp = seccomp
            self.answeredAtOnce = answeredAtOnce
        }
    }

    /// True for the messages a worker sends (the host sends the others).
    public var isFromWorker: Bool {
        switch self {
        case .prepared, .started, .launched, .waited, .pong, .probed, .fatal, .stopped: true
        default: false
        }
    }

    /// The operation's name on the wire.
    public var op: String { Op(self).rawValue }

    /// The body on the wire (`null` when the message carries nothing).
    public var body: JSONValue {
        switch self {
        case let .prepare(apis): .object(["apis": WorkerWire.encode(apis)])
        case let .start(r):
            .object([
                "config": WorkerWire.encode(r.config), "memoryKb": .number(Double(r.memoryKb)), "seccomp": .bool(r.seccomp),
                "atOnce": .array(r.answeredAtOnce.map { .string($0) }),
            ])
        case let .launch(options): WorkerWire.encode(options)
        case let .command(command): WorkerWire.encode(command)
        case let .wait(id, drained): .object(["id": .number(Double(id)), "drained": .bool(drained)])
        case let .ping(seq), let .pong(seq): .object(["seq": .number(Double(seq))])
        case let .fault(fault): .object(["how": .string(fault.rawValue)])
        case let .launched(ok): .object(["ok": .bool(ok)])
        case let .waited(id): .object(["id": .number(Double(id))])
        case let .probed(outcomes): .object(outcomes.mapValues { .string($0) })
        case let .fatal(reason): .object(reason.map { ["reason": .string($0)] } ?? [:])
        case .hold, .release, .stop, .prepared, .started, .stopped: .null
        }
    }

    /// Decodes a control frame's operation and body; an unknown operation, or a body that lacks
    /// or mistypes what the operation needs, is an error naming it.
    public init(op: String, body: JSONValue) throws(FrameError) {
        guard let known = Op(rawValue: op) else {
            throw FrameError("unknown control operation \(JSONText.quote(String(op.prefix(40))))")
        }
        func int(_ key: String) throws(FrameError) -> Int {
            guard let n = body[key]?.intValue else { throw FrameError("control \(op): \(key) must be an integer") }
            return n
        }
        switch known {
        case .prepare: self = .prepare(apis: try WorkerWire.apis(body["apis"] ?? .null))
        case .start:
            self = .start(StartRequest(
                config: try WorkerWire.config(body["config"] ?? .null), memoryKb: try int("memoryKb"),
                seccomp: body["seccomp"]?.boolValue ?? true,
                answeredAtOnce: (body["atOnce"]?.arrayValue ?? []).compactMap(\.stringValue)))
        case .launch: self = .launch(WorkerWire.launchOptions(body))
        case .command: self = .command(try WorkerWire.command(body))
        case .wait: self = .wait(id: try int("id"), drained: body["drained"]?.boolValue ?? false)
        case .ping: self = .ping(seq: try int("seq"))
        case .hold: self = .hold
        case .release: self = .release
        case .stop: self = .stop
        case .crash:
            guard let fault = body["how"]?.stringValue.flatMap(WorkerFault.init(rawValue:)) else {
                throw FrameError("control crash: how must name a fault")
            }
            self = .fault(fault)
        case .prepared: self = .prepared
        case .started: self = .started
        case .launched: self = .launched(ok: body["ok"]?.boolValue ?? false)
        case .waited: self = .waited(id: try int("id"))
        case .pong: self = .pong(seq: try int("seq"))
        case .probed: self = .probed((body.objectValue ?? [:]).compactMapValues(\.stringValue))
        case .fatal: self = .fatal(reason: body["reason"]?.stringValue)
        case .stopped: self = .stopped
        }
    }

    /// The operations' names on the wire.
    private enum Op: String {
        case prepare, start, launch, command, wait, ping, hold, release, stop, crash
        case prepared, started, launched, waited, pong, probed, fatal, stopped

        init(_ message: ControlMessage) {
            switch message {
            case .prepare: self = .prepare
            case .start: self = .start
            case .launch: self = .launch
            case .command: self = .command
            case .wait: self = .wait
            case .ping: self = .ping
            case .hold: self = .hold
            case .release: self = .release
            case .stop: self = .stop
            case .fault: self = .crash
            case .prepared: self = .prepared
            case .started: self = .started
            case .launched: self = .launched
            case .waited: self = .waited
            case .pong: self = .pong
            case .probed: self = .probed
            case .fatal: self = .fatal
            case .stopped: self = .stopped
            }
        }
    }
}

/// How a worker started with faults allowed misbehaves when told to (tests of the supervisor).
public enum WorkerFault: String, Sendable, Equatable, CaseIterable {
    /// Tries to open a file, make sockets and execute a program; answers `probed` with each outcome.
    case probe
    /// Writes bytes that are no frame.
    case garbage
    /// Announces a frame over every limit.
    case huge
    /// Stops reading: the host's writes fill the socket and its pings go unanswered.
    case deaf
    /// Crashes with a segmentation fault.
    case segv
}
