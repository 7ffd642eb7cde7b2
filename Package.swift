// swift-tools-version:6.0
import PackageDescription

/// OpenCV 4.6 from Debian's `libopencv-dev` (installed by `scripts/setup`).
let openCVLibraries: [LinkerSetting] = ["opencv_core", "opencv_imgproc", "opencv_imgcodecs", "opencv_objdetect", "opencv_dnn", "opencv_freetype", "opencv_photo"]
    .map { .linkedLibrary($0) }

let package = Package(
    name: "liveness",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liveness", targets: ["liveness"]),
        .library(name: "LivenessEngine", targets: ["LivenessEngine"]),
        .library(name: "LivenessStore", targets: ["LivenessStore"]),
        .library(name: "LivenessServer", targets: ["LivenessServer"]),
        .library(name: "LivenessEval", targets: ["LivenessEval"]),
        .library(name: "LivenessSynth", targets: ["LivenessSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
    ],
    targets: [
        .target(
            name: "COpenCVShim",
            cxxSettings: [.unsafeFlags(["-I/usr/include/opencv4", "-O2"])],
            linkerSettings: openCVLibraries
        ),
        .target(name: "LivenessEngine", dependencies: ["COpenCVShim"]),
        .target(name: "LivenessStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "LivenessEval", dependencies: ["LivenessEngine"]),
        .target(name: "LivenessSynth", dependencies: ["LivenessEngine", "COpenCVShim"]),
        .target(
            name: "LivenessServer",
            dependencies: [
                "LivenessEngine",
                "LivenessStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "liveness",
            dependencies: [
                "LivenessEngine", "LivenessServer", "LivenessEval", "LivenessSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Synthetic scenes with known geometry and paths into ../shared, for the test targets.
        .target(name: "LivenessTestSupport", dependencies: ["LivenessEngine"], path: "Tests/LivenessTestSupport"),
        .testTarget(name: "LivenessEngineTests", dependencies: ["LivenessEngine", "COpenCVShim", "LivenessTestSupport"]),
        .testTarget(name: "LivenessStoreTests", dependencies: ["LivenessStore"]),
        .testTarget(name: "LivenessEvalTests", dependencies: ["LivenessEval", "LivenessEngine", "LivenessTestSupport"]),
        .testTarget(name: "LivenessSynthTests", dependencies: ["LivenessSynth", "LivenessEngine", "LivenessTestSupport"]),
        .testTarget(
            name: "LivenessServerTests",
            dependencies: [
                "LivenessServer", "LivenessStore", "LivenessEngine", "LivenessTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
