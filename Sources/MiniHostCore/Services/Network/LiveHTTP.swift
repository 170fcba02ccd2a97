import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MiniHostProtocol

/// HTTP on the real network (`--network live`), through URLSession: TLS certificates verified
/// (the system's trust store; no override), a deadline per request, responses capped at 10 MB
/// while they arrive, and redirects followed only to origins the package declares.
final class LiveHTTP: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    static let shared = LiveHTTP()

    private struct Pending {
        var request: NetworkRequest
        var allows: @Sendable (NetworkOrigin) -> Bool
        var response: HTTPURLResponse?
        var body = Data()
        var failure: BridgeError?
        var completion: @Sendable (Result<NetworkResponse, BridgeError>) -> Void
    }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private var session: URLSession!

    private override init() {
        super.init()
        let config = URLSessionConfiguration.ephemeral
        config.httpCookieStorage = nil
        config.urlCache = nil
        config.httpShouldSetCookies = false
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: config, delegate: self, delegateQueue: queue)
    }

    /// Sends `request`; `completion` runs once. Returns a function that cancels it.
    func send(_ request: NetworkRequest, allows: @escaping @Sendable (NetworkOrigin) -> Bool,
              completion: @escaping @Sendable (Result<NetworkResponse, BridgeError>) -> Void) -> @Sendable () -> Void {
        guard let url = URL(string: request.url) else {
            completion(.failure(.invalid("invalid url \(PromptText.quoted(request.url, maxLength: 200))")))
            return {}
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: Double(request.timeoutMs) / 1000)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let task = session.dataTask(with: urlRequest)
        let id = task.taskIdentifier
        lock.withLock { pending[id] = Pending(request: request, allows: allows, completion: completion) }
        // The whole exchange, not only each wait for bytes, has the deadline.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(request.timeoutMs)) { [weak self] in
            self?.fail(id, BridgeError(.serviceUnavailable, "timeout"), task)
        }
        task.resume()
        return { [weak self] in self?.fail(id, BridgeError(.cancelled, "abort"), task) }
    }

    private func fail(_ id: Int, _ error: BridgeError, _ task: URLSessionTask) {
        let found = lock.withLock { pending.removeValue(forKey: id) }
        guard let found else { return }
        task.cancel()
        found.completion(.failure(error))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let tooLarge = response.expectedContentLength > Int64(NetworkRequestRules.maxBodyBytes)
        lock.withLock {
            pending[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            if tooLarge { pending[dataTask.taskIdentifier]?.failure = Self.tooLarge }
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            guard var p = pending[dataTask.taskIdentifier] else { return false }
            p.body.append(data)
            let over = p.body.count > NetworkRequestRules.maxBodyBytes
            if over { p.failure = Self.tooLarge; p.body = Data() }
            pending[dataTask.taskIdentifier] = p
            return over
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let allowed = lock.withLock { () -> Bool in
            guard let p = pending[task.taskIdentifier], let url = request.url?.absoluteString,
                  let origin = NetworkOrigin.of(url: url) else { return false }
            return p.allows(origin)
        }
        // A redirect elsewhere is not followed: the app gets the 3xx response itself.
        completionHandler(allowed ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let found = lock.withLock { pending.removeValue(forKey: task.taskIdentifier) }
        guard let found else { return }
        if let failure = found.failure { return found.completion(.failure(failure)) }
        if let error {
            let reason = (error as? URLError)?.code == .timedOut ? "timeout" : error.localizedDescription
            return found.completion(.failure(BridgeError(.serviceUnavailable, reason)))
        }
        guard let http = found.response else {
            return found.completion(.failure(BridgeError(.serviceUnavailable, "no HTTP response from \(found.request.origin)")))
        }
        var headers: [(name: String, value: String)] = []
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers.append((name, value)) }
        }
        headers.sort { $0.name < $1.name }
        found.completion(.success(NetworkResponse(status: http.statusCode, headers: headers, body: found.body)))
    }

    private static let tooLarge = BridgeError(.limitExceeded, "the response is larger than \(NetworkRequestRules.maxBodyBytes) bytes (10 MB)")
}
