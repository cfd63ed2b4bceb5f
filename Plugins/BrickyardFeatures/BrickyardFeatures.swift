import PackagePlugin

/// Turns the `.feature` files of a test target into Swift Testing tests, one `@Test` per scenario (outlines: per
/// scenario, every row run by it), grouped in one `@Suite` per feature under the target's `Features` type, so that
/// `swift test --filter Features.Shop` runs a feature and `swift test --filter "Shop/fine"` one scenario.
///
/// The target declares the step library the tests run with:
///
/// ```swift
/// import BrickyardTesting
///
/// struct Features: FeatureSuite {
///     static var steps: StepLibrary<ShopWorld> { ... }
/// }
/// ```
@main
struct BrickyardFeatures: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let features = target.sourceFiles(withSuffix: "feature").map(\.url).sorted { $0.path < $1.path }
        guard !features.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BrickyardFeatures.generated.swift")
        let generator = try context.tool(named: "BrickyardFeaturesGenerator")
        return [
            .buildCommand(
                displayName: "Generating tests for \(features.count) feature files of \(target.name)",
                executable: generator.url,
                arguments: ["--output", output.path, "--root", target.directoryURL.path] + features.map(\.path),
                inputFiles: features,
                outputFiles: [output])
        ]
    }
}
