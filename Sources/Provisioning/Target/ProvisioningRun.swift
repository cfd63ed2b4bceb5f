import Emulator
import FeatureRunner
import Foundation

/// One run of the provisioning steps: resolves the target once, knows every scenario's ledger (so Ctrl-C can tear
/// them all down), collects what `--keep` kept, and stops the in-process emulator at the end.
public actor ProvisioningRun {
    /// The options it was made with.
    public nonisolated let options: ProvisioningOptions
    private var session: CloudSession?
    private var emulator: Emulator?
    private var ledgers: [ObjectIdentifier: ResourceLedger] = [:]
    private var kept: [ResourceLedger.Entry] = []
    private var teardownFailures: [ResourceLedger.Failure] = []
    private var scenarios = 0

    public init(_ options: ProvisioningOptions = ProvisioningOptions()) {
        self.options = options
    }

    /// The session, resolving the target the first time.
    /// - Throws: ``TargetError`` when the target cannot be reached or credentials are missing.
    public func start() async throws -> CloudSession {
        if let session { return session }
        let resolver = TargetResolver(options.sources)
        let resolved: CloudSession
        switch options.target {
        case .inProcessEmulator:
            let (started, emulator) = try await resolver.startEmulator(options.emulator)
            self.emulator = emulator
            resolved = started
        case .emulator(let url):
            resolved = try await resolver.connect(emulator: url)
        case .live(let awsProfile, let databricksProfile):
            resolved = try await resolver.live(awsProfile: awsProfile, databricksProfile: databricksProfile)
        }
        session = resolved
        return resolved
    }

    /// The in-process emulator, once started.
    public var inProcessEmulator: Emulator? { emulator }

    /// Registers a scenario's ledger (for Ctrl-C) and returns the scenario's number in the run.
    func register(_ ledger: ResourceLedger) -> Int {
        ledgers[ObjectIdentifier(ledger)] = ledger
        scenarios += 1
        return scenarios
    }

    /// Tears a scenario's resources down (or keeps them under `--keep`).
    func finish(_ ledger: ResourceLedger) async -> [ResourceLedger.Failure] {
        ledgers[ObjectIdentifier(ledger)] = nil
        if options.keep {
            kept += ledger.release()
            return []
        }
        let failures = await ledger.teardown()
        teardownFailures += failures
        return failures
    }

    /// Tears down every scenario still running (Ctrl-C).
    public func interrupt() async {
        let active = Array(ledgers.values)
        ledgers.removeAll()
        for ledger in active {
            if options.keep { kept += ledger.release() } else { teardownFailures += await ledger.teardown() }
        }
    }

    /// `brickyard sweep` for this run's resources on its target, spelled as Brickyard was started.
    var sweepCommand: String {
        var words = ["sweep"]
        switch options.target {
        case .live(let awsProfile, let databricksProfile):
            words += ["--target", "live"]
            if let awsProfile { words += ["--aws-profile", awsProfile] }
            if let databricksProfile { words += ["--databricks-profile", databricksProfile] }
        case .emulator(let url): words += ["--emulator", url.absoluteString]
        case .inProcessEmulator: words += ["--emulator", "URL"]
        }
        return options.command.command(words + ["--run-id", options.runId.value])
    }

    /// What `--keep` kept, each with the command that deletes it on its target, and the one that deletes them all.
    func keptText() -> String {
        var text = "brickyard: --keep left \(kept.count) resources of run \(options.runId):\n"
        var context = CleanupCommand.Context()
        switch options.target {
        case .live(let awsProfile, let databricksProfile):
            context.awsProfile = awsProfile
            context.databricksProfile = databricksProfile
        case .emulator(let url): context.emulator = url
        case .inProcessEmulator: break
        }
        context.accountHost = session?.databricks.host.absoluteString
        context.accountId = session?.databricks.accountId
        if case .inProcessEmulator = options.target {
            for entry in kept { text += "  \(entry.kind.rawValue) \(entry.physicalName) (\"\(entry.logicalName)\")\n" }
            text += "The in-process emulator ends with the run, and they with it. To look at them, start "
            text += "`\(options.command.command(["serve"]))` and run again with --emulator and the URL it prints.\n"
            return text
        }
        for entry in kept {
            text += "  \(entry.kind.rawValue) \(entry.physicalName) (\"\(entry.logicalName)\"): "
            text += entry.cleanup.rendered(in: context) + "\n"
        }
        if case .emulator = options.target {
            text += "(The AWS CLI needs the emulator's credentials, the Databricks CLI its token: "
            text += "GET /_brickyard/info shows them.)\n"
        }
        text += "Delete them all with: \(sweepCommand)\n"
        return text
    }

    /// What `--keep` kept so far.
    public var keptResources: [ResourceLedger.Entry] { kept }

    /// Prints what was kept and what could not be deleted, and stops the in-process emulator.
    public func finish() async {
        if !kept.isEmpty {
            options.messages.write(Data(keptText().utf8))
        }
        if !teardownFailures.isEmpty {
            var text = "brickyard: teardown could not delete \(teardownFailures.count) resources:\n"
            for failure in teardownFailures { text += "  \(failure)\n" }
            if options.target != .inProcessEmulator { text += "Find and delete what is left: \(sweepCommand)\n" }
            options.messages.write(Data(text.utf8))
        }
        if let emulator {
            await emulator.shutdown()
            self.emulator = nil
            session = nil
        }
    }
}
