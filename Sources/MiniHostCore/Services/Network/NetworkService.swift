import Foundation
import MiniHostProtocol

/// `request`, `downloadFile` and `uploadFile` (docs/api.md): only to the origins the package
/// declares (any other fails with 1003 and names the origin; no prompt, as in WeChat), answered
/// by the world's `network.routes` or, with `--network live`, by the real network. Every call is
/// audited with its origin. The runtime wraps these in WeChat's task objects (`JS/20-network.js`).
public struct NetworkService: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// The host event that carries socket events and task progress to the runtime.
    public static let events = ["NetworkTaskEvent"]

    public var apis: [HostAPI] {
        // The options are checked as the work starts (an invalid call is audited as such then).
        var request = HostAPI(name: "request") { _ throws(BridgeError) in .empty }
        request.performLater = { call, reply in self.request(call, reply) }
        var download = HostAPI(name: "downloadFile") { _ throws(BridgeError) in .empty }
        download.performLater = { call, reply in self.downloadFile(call, reply) }
        var upload = HostAPI(name: "uploadFile", validate: { args throws(BridgeError) in
            _ = try UploadForm.read(args)
        }) { _ throws(BridgeError) in .empty }
        upload.performLater = { call, reply in self.uploadFile(call, reply) }
        return [request, download, upload, HostAPI(name: "abortNetworkTask") { call throws(BridgeError) in
            let id = try call.arguments.string("taskId", maxLength: 64)!
            call.session.component(NetworkTasks.self) { NetworkTasks() }.cancel(id)
            return .empty
        }]
    }

    // MARK: Confinement

    /// Refuses (1003, audited) a request to an origin the package does not declare.
    func confine(_ origin: NetworkOrigin, _ call: APICall) throws(BridgeError) {
        let gate = CapabilityGate(services: services)
        guard call.app.manifest.network.allows(origin) else {
            gate.record(call.app, call.api, nil, "deny", "origin \(origin) is not declared")
            throw BridgeError(.authDenied, "url not in domain list: \(origin) (declare it in the manifest's network_domains, or minihost.domains in project.config.json)")
        }
        gate.record(call.app, call.api, nil, "allow", "origin \(origin) (\(services.networkMode.rawValue))")
    }

    // MARK: Exchanges

    /// Sends `request` to the world or the network; the reply comes through `done` once. A task
    /// id (`taskId`) lets `abortNetworkTask` end it early.
    func exchange(_ request: NetworkRequest, _ call: APICall, done: @escaping @Sendable (Result<NetworkResponse, BridgeError>) -> Void) {
        let tasks = call.session.component(NetworkTasks.self) { NetworkTasks() }
        let taskId = call.arguments["taskId"]?.stringValue
        guard let once = tasks.begin(taskId, done) else {
            return done(.failure(BridgeError(.limitExceeded, "at most \(NetworkTasks.maxInFlight) requests, downloads and uploads may be in flight at once")))
        }
        switch services.networkMode {
        case .world:
            switch WorldHTTP.answer(request, network: services.world.network) {
            case let .failure(error): once(.failure(error))
            case let .success((response, delayMs)):
                if delayMs == 0 { return once(.success(response)) }
                let late = delayMs > request.timeoutMs
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(min(delayMs, request.timeoutMs))) {
                    once(late ? .failure(BridgeError(.serviceUnavailable, "timeout")) : .success(response))
                }
            }
        case .live:
            let declaration = call.app.manifest.network
            let cancel = LiveHTTP.shared.send(request, allows: { declaration.allows($0) }, completion: once)
            tasks.onCancel(taskId, cancel)
        }
    }

    /// The request a call describes, confined to the declared origins.
    func confinedRequest(_ call: APICall, kind: String) throws(BridgeError) -> NetworkRequest {
        let request = try NetworkRequest.read(call.arguments, kind: kind, declaration: call.app.manifest.network)
        try confine(request.origin, call)
        return request
    }

    func request(_ call: APICall, _ reply: @escaping @Sendable (Result<BridgeValue, BridgeError>) -> Void) {
        let request: NetworkRequest, dataType: String, responseType: String
        do {
            dataType = try call.arguments.string("dataType", required: false, nonEmpty: false, maxLength: 64) ?? "json"
            responseType = try call.arguments.oneOf("responseType", ["text", "arraybuffer"], default: "text")
            request = try confinedRequest(call, kind: "request")
        } catch {
            return reply(.failure(error))
        }
        let results = services.component(WorldHTTP.Results.self) { WorldHTTP.Results() }
        exchange(request, call) { result in
            reply(result.map { results.text($0, dataType: dataType, responseType: responseType) })
        }
    }

    func downloadFile(_ call: APICall, _ reply: @escaping @Sendable (Result<BridgeValue, BridgeError>) -> Void) {
        var request: NetworkRequest
        let fileSystem = FileSystemService(services: services)
        var target: (path: String, url: URL)?
        do throws(BridgeError) {
            if call.arguments.has("filePath") {
                let path = try fileSystem.path(call, "filePath")
                target = (path, try fileSystem.userURL(call, path, op: "open"))
            }
            request = try confinedRequest(call, kind: "downloadFile")
        } catch {
            return reply(.failure(error))
        }
        request.method = "GET"
        request.body = nil
        let files = call.session.component(NetworkFiles.self) { NetworkFiles(session: call.session) }
        let url = request.url
        let destination = target
        exchange(request, call) { result in
            reply(result.flatMap { response in
                if let target = destination {
                    // `filePath` given: the body goes to the app's user files, within its quota.
                    do throws(BridgeError) {
                        try fileSystem.writeNew(call, response.body, to: target.url, path: target.path, op: "open")
                    } catch {
                        return .failure(error)
                    }
                    return .success(.value(.object([
                        "filePath": .string(target.path), "statusCode": .number(Double(response.status)),
                        "header": response.headerObject, "dataLength": .number(Double(response.body.count)),
                    ])))
                }
                let saved = files.save(response.body, named: url)
                return saved.map { path in
                    .value(.object([
                        "tempFilePath": .string(path), "statusCode": .number(Double(response.status)),
                        "header": response.headerObject, "dataLength": .number(Double(response.body.count)),
                    ]))
                }
            })
        }
    }

    func uploadFile(_ call: APICall, _ reply: @escaping @Sendable (Result<BridgeValue, BridgeError>) -> Void) {
        var request: NetworkRequest
        do {
            request = try confinedRequest(call, kind: "uploadFile")
            let form = try UploadForm.read(call.arguments)
            let bytes = try FileSystemService(services: services).readable(call, form.filePath, op: "open")
            request.method = "POST"
            request.headers.removeAll { $0.name.lowercased() == "content-type" }
            request.headers.append(("content-type", "multipart/form-data; boundary=\(UploadForm.boundary)"))
            request.body = form.multipart(file: bytes)
        } catch {
            return reply(.failure(error))
        }
        let size = request.body?.count ?? 0
        exchange(request, call) { result in
            reply(result.map { response in
                .value(.object([
                    "data": .string(String(decoding: response.body, as: UTF8.self)), "statusCode": .number(Double(response.status)),
                    "header": response.headerObject, "dataLength": .number(Double(size)),
                ]))
            })
        }
    }
}

/// An app's network exchanges in flight, by the runtime's task id, so that `abort` can end one.
final class NetworkTasks: @unchecked Sendable {
    /// WeChat's limit on concurrent `request`, `downloadFile` and `uploadFile` calls of an app.
    static let maxInFlight = 10

    private let lock = NSLock()
    private var inFlight = 0
    private var finishers: [String: @Sendable (Result<NetworkResponse, BridgeError>) -> Void] = [:]
    private var cancels: [String: @Sendable () -> Void] = [:]

    /// `done`, made to run once (the first of the answer, the deadline or an abort wins); nil
    /// when ``maxInFlight`` exchanges are under way.
    func begin(_ id: String?, _ done: @escaping @Sendable (Result<NetworkResponse, BridgeError>) -> Void) -> (@Sendable (Result<NetworkResponse, BridgeError>) -> Void)? {
        let flag = OnceFlag()
        let once: @Sendable (Result<NetworkResponse, BridgeError>) -> Void = { [weak self] result in
            guard flag.take() else { return }
            if let self {
                self.lock.withLock {
                    self.inFlight -= 1
                    if let id { self.finishers[id] = nil; self.cancels[id] = nil }
                }
            }
            done(result)
        }
        let admitted = lock.withLock { () -> Bool in
            guard inFlight < Self.maxInFlight else { return false }
            inFlight += 1
            if let id { finishers[id] = once }
            return true
        }
        return admitted ? once : nil
    }

    func onCancel(_ id: String?, _ cancel: @escaping @Sendable () -> Void) {
        guard let id else { return }
        lock.withLock { if finishers[id] != nil { cancels[id] = cancel } }
    }

    /// Ends task `id` with `abort` (nothing happens once it has finished).
    func cancel(_ id: String) {
        let (finish, cancel) = lock.withLock { (finishers[id], cancels[id]) }
        cancel?()
        finish?(.failure(BridgeError(.cancelled, "abort")))
    }
}

/// True the first time it is taken.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false
    func take() -> Bool { lock.withLock { defer { taken = true }; return !taken } }
}
