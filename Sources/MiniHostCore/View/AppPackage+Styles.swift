import Foundation

extension AppPackage {
    /// True when the package has a template (`.wxml`): its apps make a view context.
    public var hasTemplates: Bool { files.keys.contains { $0.hasSuffix(".wxml") } }

    /// The styles of a page or component (`pages/index/index`) with its `@import`s inlined; a
    /// page's start with app.wxss. For the renderer of a browser preview.
    public func stylesheet(for owner: String) throws(ViewCompileError) -> Stylesheet {
        try WXSSChecker.stylesheet(owner: owner, files: files, includeApp: manifest.pages.contains(owner))
    }
}
