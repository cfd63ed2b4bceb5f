import CloudClients
import Emulator
import FeatureRunner
import Foundation

/// How the provisioning steps run: where, for how long they wait, and whether resources outlive their scenario.
public struct ProvisioningOptions: Sendable {
    /// Where resources are created.
    public var target: ProvisioningTarget = .inProcessEmulator
    /// Keep every scenario's resources (for debugging) and print how to delete them.
    public var keep = false
    /// The run's id (in physical names and the `brickyard:run-id` tag).
    public var runId = RunIdentifier()
    /// How long waiting steps wait; by default 2 minutes on an emulator and 45 minutes live (a workspace takes
    /// about 30).
    public var waitTimeout: Double?
    /// The in-process emulator's configuration.
    public var emulator = EmulatorConfiguration()
    /// The environment and home directory the live credential chains read.
    public var sources = ConfigurationSources.current
    /// Where `--keep` summaries and teardown problems are written.
    public var messages: FileHandle = .standardError
    /// How the person started Brickyard, for the commands `--keep` prints (`brickyard sweep ...`).
    public var command = CommandInvocation.installed

    public init(target: ProvisioningTarget = .inProcessEmulator, keep: Bool = false) {
        self.target = target
        self.keep = keep
    }

    /// The wait timeout in effect.
    public var effectiveWaitTimeout: Double { waitTimeout ?? (target.isLive ? 2700 : 120) }
}
