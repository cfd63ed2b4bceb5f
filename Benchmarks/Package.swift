// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` in the root never builds the benchmark harness.
// Run: `cd Benchmarks && swift package benchmark` (see ../README.md for the figures and the machine), or one suite with
// `swift package benchmark --target RunnerBenchmarks`.
let package = Package(
    name: "BrickyardBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Brickyard", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EmulatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Emulator", package: "Brickyard"),
                .product(name: "AWSWire", package: "Brickyard"),
                .product(name: "CloudClients", package: "Brickyard"),
                .product(name: "PolicyEngine", package: "Brickyard"),
            ],
            path: "Benchmarks/EmulatorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The Gherkin parser and the feature runner: parse+pickles of a generated corpus, runner overhead per step.
        .executableTarget(
            name: "RunnerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Gherkin", package: "Brickyard"),
                .product(name: "FeatureRunner", package: "Brickyard"),
            ],
            path: "Benchmarks/RunnerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A plain executable (not a benchmark target) timing parse+pickles of a directory of features, for
        // ../scripts/bench-gherkin-vs-python.sh: `swift build -c release --product GherkinBench`.
        .executableTarget(
            name: "GherkinBench",
            dependencies: [.product(name: "Gherkin", package: "Brickyard")],
            path: "Sources/GherkinBench"
        ),
    ]
)
