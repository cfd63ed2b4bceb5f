// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Brickyard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "brickyard", targets: ["brickyard"]),
        .library(name: "Emulator", targets: ["Emulator"]),
        .library(name: "PolicyEngine", targets: ["PolicyEngine"]),
        .library(name: "AWSWire", targets: ["AWSWire"]),
        .library(name: "CloudClients", targets: ["CloudClients"]),
        .library(name: "Gherkin", targets: ["Gherkin"]),
        .library(name: "CucumberExpressions", targets: ["CucumberExpressions"]),
        .library(name: "FeatureRunner", targets: ["FeatureRunner"]),
        .library(name: "BrickyardTesting", targets: ["BrickyardTesting"]),
        .library(name: "Provisioning", targets: ["Provisioning"]),
        .library(name: "Reports", targets: ["Reports"]),
        .plugin(name: "BrickyardFeatures", targets: ["BrickyardFeatures"]),
        // The fuzz harnesses, for the libFuzzer executable of Fuzz/Driver/Package.swift (scripts/fuzz.sh).
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // The system libxml2 (Debian's libxml2-dev), the XML parser of untrusted bodies.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // Wire formats shared by the emulator and the clients: SigV4/SigV2, aws-chunked, checksums, XML, dates.
        .target(
            name: "AWSWire",
            dependencies: ["CLibXML2", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The IAM policy language: parse, validate, evaluate. Pure, no I/O.
        .target(name: "PolicyEngine"),
        // The data the emulator ships (AWS managed policy documents), kept in the top-level emulator/ folder.
        .target(
            name: "EmulatorData",
            path: "emulator",
            exclude: ["README.md"],
            sources: ["Swift"],
            resources: [.copy("aws-managed-policies"), .copy("databricks")]
        ),
        // The emulator: one loopback port for every service.
        .target(
            name: "Emulator",
            dependencies: [
                "AWSWire",
                "EmulatorData",
                "PolicyEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Clients for AWS (and later Databricks) over URLSession.
        .target(
            name: "CloudClients",
            dependencies: ["AWSWire", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The Gherkin language: dialects, parser, AST, pickles. Pure, no I/O.
        .target(
            name: "Gherkin",
            exclude: ["Resources/README.md"],
            resources: [.copy("Resources/gherkin-languages.json")]
        ),
        // Cucumber Expressions and regular expressions for step definitions. Pure, no I/O.
        .target(name: "CucumberExpressions"),
        // The feature runner: selection, execution, results and formats.
        .target(name: "FeatureRunner", dependencies: ["Gherkin", "CucumberExpressions"]),
        // The provisioning step library, targets (emulator or live), naming, the resource ledger and sweeping.
        .target(
            name: "Provisioning",
            dependencies: [
                "AWSWire", "CloudClients", "Emulator", "FeatureRunner", "PolicyEngine",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Publishing reports to S3 with a history of runs; merging shards' results.
        .target(name: "Reports", dependencies: ["FeatureRunner", "CloudClients"]),
        // Swift Testing integration: feature scenarios as tests.
        .target(name: "BrickyardTesting", dependencies: ["FeatureRunner", "Gherkin"]),
        // Generates one @Test per scenario of a test target's .feature files (the BrickyardFeatures plugin's tool).
        .executableTarget(name: "BrickyardFeaturesGenerator", dependencies: ["Gherkin"]),
        .plugin(name: "BrickyardFeatures", capability: .buildTool(), dependencies: ["BrickyardFeaturesGenerator"]),
        .executableTarget(
            name: "brickyard",
            dependencies: [
                "Emulator",
                "FeatureRunner",
                "Gherkin",
                "Provisioning",
                "Reports",
                "CloudClients",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "AWSWireTests", dependencies: ["AWSWire"]),
        .testTarget(name: "PolicyEngineTests", dependencies: ["PolicyEngine"]),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "CloudClients", "AWSWire", "PolicyEngine"]),
        .testTarget(name: "CloudClientsTests", dependencies: ["CloudClients", "Emulator"]),
        .testTarget(name: "EmulatorDataTests", dependencies: ["EmulatorData", "PolicyEngine"]),
        // Locates the shared conformance data for the test targets that run it.
        .target(name: "ConformanceSupport", path: "Tests/ConformanceSupport"),
        .testTarget(name: "GherkinTests", dependencies: ["Gherkin", "ConformanceSupport"]),
        .testTarget(
            name: "CucumberExpressionsTests",
            dependencies: ["CucumberExpressions", "ConformanceSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "BrickyardTestingTests",
            dependencies: ["BrickyardTesting", "FeatureRunner"],
            plugins: ["BrickyardFeatures"]
        ),
        .testTarget(
            name: "ProvisioningTests",
            dependencies: ["Provisioning", "FeatureRunner", "CloudClients", "Emulator"]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "FeatureRunner", "CloudClients", "Emulator"]),
        // Every scenario of features/ against the in-process emulator.
        .testTarget(name: "FeaturesTests", dependencies: ["BrickyardTesting", "FeatureRunner", "Provisioning"]),
        // A runner executable with steps that crash, for the tests of process isolation.
        .executableTarget(
            name: "FeatureRunnerFixture", dependencies: ["FeatureRunner"], path: "Tests/FeatureRunnerFixture"),
        // One harness per parser of untrusted bytes; libFuzzer drives them (Fuzz/Driver, scripts/fuzz.sh) and
        // FuzzRegressionTests replays the corpora and crashers through them. Debug builds only (@testable imports).
        .target(
            name: "FuzzTargets",
            dependencies: [
                "AWSWire", "CucumberExpressions", "Emulator", "FeatureRunner", "Gherkin", "PolicyEngine",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Fuzz/Targets"
        ),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "FeatureRunnerTests",
            dependencies: [
                "FeatureRunner", "FeatureRunnerFixture", "ConformanceSupport", .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
