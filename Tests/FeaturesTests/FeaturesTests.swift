import BrickyardTesting
import FeatureRunner
import Provisioning
import Testing

/// Every scenario of `features/`, against one emulator started in this process, each scenario a test case of its
/// own (`swift test --filter FeaturesTests`).
struct Deployment: FeatureSuite {
    /// One run for the whole test process: one emulator, names unique per scenario.
    static let run = ProvisioningRun(ProvisioningOptions(target: .inProcessEmulator))

    static var steps: StepLibrary<ProvisioningWorld> { ProvisioningSteps.library(run, finishesRun: false) }

    static var replayCommand: String? { "swift run brickyard run" }
}

@Suite("features/ against the in-process emulator")
struct FeaturesTests {
    @Test(arguments: FeatureScenario.all(in: "../../features"))
    func scenario(_ scenario: FeatureScenario) async {
        await Deployment.run(scenario)
    }

    @Test("features/ holds the scenarios the team relies on")
    func coverage() {
        let scenarios = FeatureScenario.all(in: "../../features")
        #expect(scenarios.count >= 25)
        #expect(!scenarios.contains { $0.name == "(does not parse)" })
        let japanese = Set(scenarios.filter { $0.path.contains("/ja/") }.map(\.path))
        #expect(japanese.count >= 2)
    }
}
