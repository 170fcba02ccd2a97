import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// What the preview server serves over HTTP: the page, its client (the `Web/` files; the
/// `client-*.js` joined in name order as one script), and assets of the app's package — from the
/// package's own files only, and only kinds a page displays (never its code or configuration).
struct PreviewAssets: Sendable {
    let session: PreviewSession

    /// The client's scripts, in order.
    static let clientScripts: [(name: String, bytes: [UInt8])] = [
        ("client-00-core.js", PackageResources.client_00_core_js),
        ("client-10-connection.js", PackageResources.client_10_connection_js),
        ("client-20-scope.js", PackageResources.client_20_scope_js),
        ("client-30-tree.js", PackageResources.client_30_tree_js),
        ("client-40-builtins.js", PackageResources.client_40_builtins_js),
        ("client-41-controls.js", PackageResources.client_41_controls_js),
        ("client-42-rich-text.js", PackageResources.client_42_rich_text_js),
        ("client-50-events.js", PackageResources.client_50_events_js),
        ("client-60-frame.js", PackageResources.client_60_frame_js),
        ("client-62-tabbar.js", PackageResources.client_62_tabbar_js),
        ("client-64-page-scroll.js", PackageResources.client_64_page_scroll_js),
        ("client-70-dialogs.js", PackageResources.client_70_dialogs_js),
        ("client-71-toast.js", PackageResources.client_71_toast_js),
        ("client-72-picker.js", PackageResources.client_72_picker_js),
        ("client-80-panels.js", PackageResources.client_80_panels_js),
        ("client-82-world.js", PackageResources.client_82_world_js),
        ("client-85-overlays.js", PackageResources.client_85_overlays_js),
        ("client-90-hooks.js", PackageResources.client_90_hooks_js),
    ]

    static let assetTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "svg": "image/svg+xml", "bmp": "image/bmp", "ico": "image/x-icon", "mp3": "audio/mpeg", "wav": "audio/wav",
        "mp4": "video/mp4", "ttf": "font/ttf", "otf": "font/otf", "woff": "font/woff", "woff2": "font/woff2",
    ]

    /// Scripts only from this server; styles inline (the app's WXSS is inserted as <style>);
    /// images from the package or the network as an app's `<image src>` may name them.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob: http: https:; media-src 'self' data: http: https:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    static let joinedClient: [UInt8] = clientScripts.flatMap { $0.bytes + Array("\n".utf8) }

    func page() -> Response {
        respond(PackageResources.preview_html, type: "text/html; charset=utf-8")
    }

    func client(_ name: String) -> Response {
        switch name {
        case "preview.js": respond(Self.joinedClient, type: "text/javascript; charset=utf-8")
        case "preview.css": respond(PackageResources.preview_css, type: "text/css; charset=utf-8")
        default: notFound("no such file of the preview: \(name)")
        }
    }

    func packageFile(_ path: String) -> Response {
        let path = path.removingPercentEncoding ?? path
        let ext = (path as NSString).pathExtension.lowercased()
        guard let type = Self.assetTypes[ext] else { return notFound("not an asset the preview serves: \(path)") }
        guard let data = session.lock.withLock({ session.package.files[path] }) else { return notFound("the package has no file \(path)") }
        return respond(Array(data), type: type)
    }

    private func respond(_ bytes: [UInt8], type: String) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func notFound(_ reason: String) -> Response {
        Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: reason + "\n")))
    }
}
