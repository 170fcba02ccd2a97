// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MiniHostFuzz",
    dependencies: [.package(name: "MiniHost", path: "..")],
    targets: [
        .executableTarget(
            name: "frame-fuzzer",
            dependencies: [.product(name: "MiniHostProtocol", package: "MiniHost")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
