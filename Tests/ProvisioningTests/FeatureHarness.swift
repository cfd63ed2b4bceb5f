import FeatureRunner
import Foundation
import Provisioning

/// Runs feature text with the provisioning steps and reports what happened.
struct FeatureHarness {
    let run: ProvisioningRun

    init(_ options: ProvisioningOptions = ProvisioningOptions()) {
        run = ProvisioningRun(options)
    }

    /// Writes the feature to a temporary file and runs it (the run is not finished: call `finish()`).
    func execute(_ feature: String, file: String = "scenario.feature") async throws -> RunResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(file).path
        try feature.write(toFile: path, atomically: true, encoding: .utf8)
        return try await FeatureRun(library: ProvisioningSteps.library(run, finishesRun: false), targets: [path])
            .execute()
    }

    /// The error messages of the steps that failed, in order.
    static func failures(_ result: RunResult) -> [String] {
        // A skipped step's error is the reason it gives (``SkipScenario``), not a failure.
        result.testCases.flatMap { testCase in
            testCase.finalAttempt.steps.filter { $0.status != .skipped }.compactMap { $0.error?.message }
        } + result.runHookFailures.compactMap { $0.error?.message }
    }
}
