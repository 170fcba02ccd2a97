// swift-tools-version:6.0
import PackageDescription

/// The Swift runtime and Foundation linked into an executable instead of loaded as shared
/// libraries: loading them was most of a process's start-up (the worker, which starts per app:
/// 13-14 ms of CPU against 21-25; a launch without the worker pool 45-48 ms against 54-63).
/// The group lists the toolchain's static libraries that `-static-stdlib` alone does not pull in
/// for a target whose modules were compiled against the shared ones (Linux toolchains of Swift 6).
let staticSwiftRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationInternationalization", "FoundationEssentials", "_FoundationICU",
       "_FoundationCShims", "_FoundationCollections", "CoreFoundation", "swiftDispatch", "dispatch",
       "BlocksRuntime", "swiftSynchronization", "swift_Concurrency", "swift_StringProcessing",
       "swift_RegexParser", "swiftGlibc"].flatMap { ["-Xlinker", "-l\($0)"] }
    + ["-Xlinker", "--end-group"], .when(platforms: [.linux]))]

/// The same for executables that reach the network (FoundationNetworking's URLSession, on the
/// system's libcurl; only the host links it, never the worker).
let staticSwiftRuntimeWithNetworking: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "--start-group"]
    + ["FoundationNetworking", "_CFURLSessionInterface", ":libcurl.so.4"].flatMap { ["-Xlinker", "-l\($0)"] }
    + ["-Xlinker", "--end-group"], .when(platforms: [.linux]))] + staticSwiftRuntime

let package = Package(
    name: "MiniHost",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "minihost", targets: ["minihost"]),
        .executable(name: "minihost-bench", targets: ["minihost-bench"]),
        .executable(name: "minihost-worker", targets: ["minihost-worker"]),
        // For the frame fuzzer, a package of its own (Fuzz/).
        .library(name: "MiniHostProtocol", targets: ["MiniHostProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        .target(name: "MiniHostEngine", dependencies: ["CJavaScriptCore"]),
        // Process isolation's system calls: spawning a worker, hardening it, its seccomp filter
        // (libseccomp, Debian libseccomp-dev).
        .target(name: "CWorkerSupport", linkerSettings: [.linkedLibrary("seccomp")]),
        // Ctrl-C, SIGTERM and SIGHUP caught as bytes on a pipe (see MiniHostCore's Interrupts).
        .target(name: "CInterrupts"),
        .target(name: "MiniHostProtocol", resources: [.embedInCode("JS")]),
        .target(
            name: "MiniHostRuntime",
            dependencies: ["MiniHostEngine", "MiniHostProtocol"],
            resources: [.embedInCode("JS"), .embedInCode("ViewJS")]
        ),
        .target(
            name: "MiniHostCore",
            dependencies: [
                "MiniHostProtocol", "CInterrupts",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The host's one way into the runtime: in-process sandboxes and their prepared VMs.
        .target(name: "MiniHostInProcess", dependencies: ["MiniHostRuntime", "MiniHostProtocol"]),
        // Running apps: worker processes, their supervision and pools, and in-process sandboxes.
        .target(
            name: "MiniHostIsolation",
            dependencies: ["MiniHostCore", "MiniHostProtocol", "MiniHostInProcess", "CWorkerSupport"]
        ),
        // `minihost preview`: the web server, the browser client (Web/) and headless Chromium
        // driven over the DevTools protocol's pipe.
        .target(
            name: "MiniHostPreview",
            dependencies: [
                "MiniHostCore", "MiniHostIsolation", "MiniHostProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            resources: [.embedInCode("Web")]
        ),
        // `minihost conformance`: cases, the runner and its reports (it runs runtimes as processes).
        .target(name: "MiniHostConformance", dependencies: ["MiniHostCore"]),
        // The CLI's terminal: consent prompts and pickers on the controlling terminal.
        .target(name: "MiniHostTerminal", dependencies: ["MiniHostCore"]),
        // `minihost test`: the test runner, the driver VM and its JavaScript, the reporters.
        .target(
            name: "MiniHostDevTest",
            dependencies: ["MiniHostCore", "MiniHostIsolation", "MiniHostInProcess", "MiniHostRuntime", "MiniHostEngine", "MiniHostProtocol"],
            resources: [.embedInCode("JS"), .embedInCode("Typings")]
        ),
        .executableTarget(
            name: "minihost",
            dependencies: [
                "MiniHostCore", "MiniHostIsolation", "MiniHostProtocol", "MiniHostDevTest",
                "MiniHostConformance", "MiniHostTerminal", "MiniHostEngine", "MiniHostPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // `minihost init`'s projects, as files (a folder per layout and the TypeScript overlay).
            resources: [.copy("Templates")],
            linkerSettings: staticSwiftRuntimeWithNetworking
        ),
        // The worker process of process isolation: one app's sandbox behind framed messages on
        // descriptor 3. It links the runtime only (no database, no services).
        .executableTarget(
            name: "minihost-worker",
            dependencies: ["MiniHostRuntime", "MiniHostProtocol", "CWorkerSupport"],
            linkerSettings: staticSwiftRuntime
        ),
        .executableTarget(
            name: "minihost-bench",
            dependencies: [
                "MiniHostCore", "MiniHostIsolation", "MiniHostInProcess", "MiniHostProtocol", "MiniHostRuntime",
                "MiniHostEngine", "MiniHostDevTest", "MiniHostPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.embedInCode("JS")]
        ),
        .testTarget(name: "MiniHostEngineTests", dependencies: ["MiniHostEngine"]),
        .testTarget(name: "MiniHostRuntimeTests", dependencies: ["MiniHostRuntime"]),
        .testTarget(name: "MiniHostCoreTests", dependencies: ["MiniHostCore", "MiniHostTerminal", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MiniHostConformanceTests", dependencies: ["MiniHostConformance"]),
        .testTarget(name: "MiniHostViewCompilerTests", dependencies: ["MiniHostCore", "MiniHostProtocol"]),
        .testTarget(name: "MiniHostTerminalTests", dependencies: ["MiniHostTerminal", "MiniHostCore"]),
        .testTarget(name: "MiniHostProtocolTests", dependencies: ["MiniHostProtocol"]),
        .testTarget(name: "MiniHostIsolationTests", dependencies: ["MiniHostIsolation", "MiniHostCore", "MiniHostProtocol"]),
        .testTarget(name: "MiniHostDevTestTests", dependencies: ["MiniHostDevTest", "MiniHostCore", "MiniHostIsolation", "MiniHostRuntime", "MiniHostProtocol",
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MiniHostPreviewTests", dependencies: ["MiniHostPreview", "MiniHostCore", "MiniHostIsolation"], exclude: ["Fixtures"]),
        // Fixtures are mini-program packages the tests run through the CLI from the source tree.
        .testTarget(name: "EndToEndTests", dependencies: ["MiniHostCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
