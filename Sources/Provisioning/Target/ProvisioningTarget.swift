import Foundation

/// Where the provisioning steps create their resources.
public enum ProvisioningTarget: Sendable, Hashable {
    /// An emulator started in this process for the run (the default: nothing else to start).
    case inProcessEmulator
    /// A running `brickyard serve` (or any emulator speaking its admin API) at this URL.
    case emulator(URL)
    /// Real AWS and Databricks endpoints, with credentials from the standard chains. Never the default.
    ///
    /// - Parameters:
    ///   - awsProfile: The `~/.aws` profile (`AWS_PROFILE` and the environment otherwise).
    ///   - databricksProfile: The `~/.databrickscfg` profile (`DATABRICKS_CONFIG_PROFILE` and the environment
    ///     otherwise); it must name the account host, the account id and an account admin's credentials.
    case live(awsProfile: String?, databricksProfile: String?)

    /// Whether this is the live target (scenarios tagged `@emulator-only` are skipped there).
    public var isLive: Bool {
        if case .live = self { return true }
        return false
    }

    /// The tag of scenarios this target skips.
    public var skippedTag: String { isLive ? "@emulator-only" : "@live-only" }
}
