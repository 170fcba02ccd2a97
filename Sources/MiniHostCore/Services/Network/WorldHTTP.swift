import Foundation
import MiniHostProtocol

/// Where an app's network traffic goes: the world's answers (the default) or the real network
/// (`--network live`), in both cases only to the domains the package declares.
public enum NetworkMode: String, Sendable, CaseIterable {
    case world, live
}

/// HTTP as the world answers it: the first route of `network.routes` that matches.
enum WorldHTTP {
    /// The world's response to `request` and how long it takes, or why there is none. A request
    /// no route matches fails (1007) rather than getting a made-up 404: a 404 would look like an
    /// answer from the server, so a missing route would pass unnoticed down the app's success path.
    static func answer(_ request: NetworkRequest, network: WorldNetwork) -> Result<(NetworkResponse, delayMs: Int), BridgeError> {
        guard let index = network.routeIndex(request.method, request.url) else {
            return .failure(BridgeError(.notFound, "no route in the world for \(request.method) \(PromptText.quoted(request.url, maxLength: 300)) (add one to the world file's network.routes, or run with --network live)"))
        }
        let route = network.routes[index]
        var headers = route.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let body: Data
        var json: JSONValue?
        if let file = route.file {
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: file)
                if let size = attributes[.size] as? Int, size > NetworkRequestRules.maxBodyBytes {
                    return .failure(BridgeError(.limitExceeded, "the response is \(size) bytes; at most \(NetworkRequestRules.maxBodyBytes) (10 MB) are accepted"))
                }
                body = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                return .failure(BridgeError(.notFound, "the world's route for \(request.url) names a file that cannot be read"))
            }
        } else if case let .string(text)? = route.body {
            body = Data(text.utf8)
            addDefault(&headers, "text/plain; charset=utf-8")
        } else if let value = route.body {
            body = Data()
            json = value
            addDefault(&headers, "application/json")
        } else {
            body = Data()
        }
        var response = NetworkResponse(status: route.status, headers: headers, body: request.method == "HEAD" ? Data() : body, json: request.method == "HEAD" ? nil : json)
        if route.file == nil && request.method != "HEAD" { response.routeIndex = index }
        return .success((response, route.delayMs))
    }

    /// `request` results of the world's routes, as JSON text made once per route and reading:
    /// the same text for every call, which the sandbox then reads only once.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String: String] = [:]

        func text(_ response: NetworkResponse, dataType: String, responseType: String) -> BridgeValue {
            guard let index = response.routeIndex else { return .value(response.requestResult(dataType: dataType, responseType: responseType)) }
            let key = "\(index) \(responseType) \(dataType)"
            if let text = lock.withLock({ texts[key] }) { return .jsonText(text) }
            let text = response.requestResult(dataType: dataType, responseType: responseType).jsonText
            lock.withLock { if texts.count < 1024 { texts[key] = text } }
            return .jsonText(text)
        }
    }

    private static func addDefault(_ headers: inout [(name: String, value: String)], _ contentType: String) {
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) { headers.append(("Content-Type", contentType)) }
    }
}
