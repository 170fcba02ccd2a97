import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostIsolation

/// The WeChat project `minihost-bench render` runs: a page of 1,000 `wx:for` items, the same
/// page's logic without a template, and a small page for the memory figure.
enum RenderProject {
    static let listTemplate = """
        <view class="list">
          <view wx:for="{{items}}" wx:key="id" id="i{{item.id}}" class="item" bindtap="tapItem" data-i="{{index}}">{{item.name}}</view>
        </view>
        <text id="status">{{status}}</text>

        """
    static let listScript = """
        const items = [];
        for (let i = 0; i < 1000; i++) items.push({ id: i, name: 'item ' + i });
        Page({
          data: { items, status: '' },
          rename(a) { this.setData({ ['items[' + a.i + '].name']: a.name }); },
          tapItem(e) { this.setData({ status: 'tapped ' + e.currentTarget.dataset.i }); },
          clear() { this.setData({ status: '' }); },
          noop() {},
        });

        """
    static let smallTemplate = """
        <view class="card">
          <text class="title">{{title}}</text>
          <button id="go" bindtap="go">{{label}}</button>
          <view wx:for="{{tags}}" wx:key="*this" class="tag">{{item}}</view>
        </view>

        """
    static let smallScript = "Page({ data: { title: 'Small', label: 'Go', tags: ['a', 'b', 'c'] }, go() { this.setData({ label: 'Gone' }); } });\n"

    /// A counter: each tap on the button changes its text (the preview bench clicks it).
    static let counterTemplate = "<view class=\"counter\"><button id=\"inc\" class=\"inc\" bindtap=\"inc\">taps: {{n}}</button></view>\n"
    static let counterScript = "Page({ data: { n: 0 }, inc() { this.setData({ n: this.data.n + 1 }); } });\n"
    static let counterStyle = ".counter { padding: 40rpx; } .inc { font-size: 36rpx; }\n"

    /// Writes the project; `entry` is the first page (`list`, `small`, `plain` or `counter`).
    static func write(to root: URL, entry: String) throws -> URL {
        let pages = [entry] + ["list", "plain", "small", "counter"].filter { $0 != entry }
        var files: [String: String] = [
            "project.config.json": #"{"appid": "wx00000000000b3e7c", "compileType": "miniprogram", "projectname": "render-bench"}"#,
            "app.json": #"{"pages": [\#(pages.map { "\"pages/\($0)/\($0)\"" }.joined(separator: ", "))]}"#,
            "app.js": "App({});\n",
            "pages/list/list.js": listScript, "pages/list/list.wxml": listTemplate,
            "pages/plain/plain.js": listScript,
            "pages/small/small.js": smallScript, "pages/small/small.wxml": smallTemplate,
            "pages/counter/counter.js": counterScript, "pages/counter/counter.wxml": counterTemplate,
            "pages/counter/counter.wxss": counterStyle,
        ]
        if entry == "plain" { files["pages/small/small.wxml"] = nil; files["pages/list/list.wxml"] = nil }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func load(_ root: URL, cache: URL) throws -> AppPackage {
        let entry = try TargetResolver.manifestURL(for: root.path, catalogue: root)
        return try AppPackage.load(manifestURL: entry, dev: true).compiled(cacheDirectory: cache.appendingPathComponent("cache"))
    }

    /// Seconds from starting a new app (no prepared VM) to its entry page's launch.
    static func coldLaunchSeconds(_ host: AppHost, _ package: AppPackage) throws -> Double {
        let start = now()
        let app = try host.start(package)
        defer { host.stop(app) }
        return try launchSeconds(app, since: start, what: "the render bench app")
    }

    /// RSS per idle app (KiB): apps on the small page with its view, and on a page without one.
    static func memory(scratch: URL, apps: Int) throws -> (withView: Double, withoutView: Double) {
        let small = try load(try write(to: scratch.appendingPathComponent("small"), entry: "small"), cache: scratch)
        let plain = try load(try write(to: scratch.appendingPathComponent("plain"), entry: "plain"), cache: scratch)
        // Every batch stays alive until the end, so no batch reuses memory another freed.
        let host = AppHost { _, _ in }
        var alive: [RunningApp] = []
        defer { for app in alive { host.stop(app) } }
        func perApp(_ package: AppPackage, batch: Int) throws -> Double {
            let (kb, started) = try StartupMeasure.memoryPerApp(host, package: package, count: apps, batch: "\(batch)x")
            alive += started
            if started.contains(where: \.launchFailed) { throw ValidationError("a memory bench app failed to launch") }
            return kb
        }
        _ = try perApp(plain, batch: 0)  // the first apps of a process pay for shared code and caches
        _ = try perApp(small, batch: 1)
        let withoutView = try perApp(plain, batch: 2)
        let withView = try perApp(small, batch: 3)
        return (withView, withoutView)
    }
}
