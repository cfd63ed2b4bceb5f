import FeatureRunner
import Foundation

/// The provisioning step library: S3, IAM and STS, Kinesis, and the Databricks account and workspace steps, with the
/// hooks that give every scenario fresh resources under names unique to the run and tear them down afterwards.
///
/// ```swift
/// let run = ProvisioningRun(ProvisioningOptions(target: .inProcessEmulator))
/// let steps = ProvisioningSteps.library(run)
/// let result = try await FeatureRun(library: steps, targets: ["features"]).execute()
/// ```
public enum ProvisioningSteps {
    /// The library, bound to a run (which resolves the target once and stops it at the end).
    /// - Parameters:
    ///   - run: The run the scenarios belong to.
    ///   - finishesRun: Whether the library's AfterAll hook finishes the run (stops the in-process emulator,
    ///     prints what `--keep` kept). Test suites that run one scenario per `FeatureRun` and share a run pass
    ///     `false`.
    public static func library(_ run: ProvisioningRun, finishesRun: Bool = true) -> StepLibrary<ProvisioningWorld> {
        var steps = StepRegistrar()
        steps.library.beforeAll(name: "resolve the target") {
            _ = try await run.start()
        }
        steps.library.before(name: "fresh resources for the scenario") { world, scenario in
            let skipped = run.options.target.skippedTag
            if scenario.tags.contains(skipped) {
                throw SkipScenario(
                    "\(skipped): not run against \(run.options.target.isLive ? "live endpoints" : "an emulator")")
            }
            let session = try await run.start()
            // The credentials never show in a report, even when a feature or a service echoes them.
            for secret in session.secrets { scenario.redact(secret) }
            let ledger = ResourceLedger()
            let number = await run.register(ledger)
            let key =
                "\(scenario.uri):\(scenario.pickle.location?.line ?? scenario.line):\(scenario.pickle.id):\(number)"
            world.context = ScenarioContext(
                session: session,
                names: ResourceNames(run: run.options.runId, scenario: key, attempt: scenario.attempt),
                ledger: ledger, waitTimeout: run.options.effectiveWaitTimeout)
        }
        steps.library.after(name: "tear the scenario's resources down") { world, _ in
            guard let context = world.context else { return }
            let failures = await run.finish(context.ledger)
            if !failures.isEmpty {
                throw StepFailure(
                    "teardown could not delete \(failures.count) resources:\n"
                        + failures.map { "  \($0)" }.joined(separator: "\n"))
            }
        }
        if finishesRun {
            steps.library.afterAll(name: "finish the run") {
                await run.finish()
            }
        }
        steps.group = "S3"
        registerS3(&steps)
        registerS3Checks(&steps)
        steps.group = "IAM and STS"
        registerIAM(&steps)
        steps.group = "Kinesis"
        registerKinesis(&steps)
        steps.group = "Databricks account (the deployment guide)"
        registerDatabricksAccount(&steps)
        steps.group = "Databricks workspace"
        registerDatabricksWorkspace(&steps)
        steps.group = "日本語 (Japanese)"
        registerJapanese(&steps)
        GenericSteps.register(&steps)
        return steps.library
    }
}
