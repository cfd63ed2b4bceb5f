// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer executable of Brickyard's fuzz targets. It builds only with the fuzzer sanitizer, so it lives in its
// own package, which `swift build` and `swift test` in the root never see. Build and run it with ../../scripts/fuzz.sh.
let package = Package(
    name: "BrickyardFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Brickyard", path: "../..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, which the sanitizer's runtime provides.
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "brickyard-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "FuzzTargets", package: "Brickyard")]
        ),
    ]
)
