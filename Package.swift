// swift-tools-version:6.0
import PackageDescription

/// OpenCV 4.6 from Debian's `libopencv-dev` (installed by `scripts/setup`).
let openCVLibraries: [LinkerSetting] = ["opencv_core", "opencv_imgproc", "opencv_imgcodecs", "opencv_objdetect", "opencv_dnn"]
    .map { .linkedLibrary($0) }

let package = Package(
    name: "liveness",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liveness", targets: ["liveness"]),
        .library(name: "LivenessEngine", targets: ["LivenessEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "COpenCVShim",
            cxxSettings: [.unsafeFlags(["-I/usr/include/opencv4", "-O2"])],
            linkerSettings: openCVLibraries
        ),
        .target(name: "LivenessEngine", dependencies: ["COpenCVShim"]),
        .executableTarget(
            name: "liveness",
            dependencies: ["LivenessEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LivenessEngineTests", dependencies: ["LivenessEngine", "COpenCVShim"]),
    ],
    cxxLanguageStandard: .cxx17
)
