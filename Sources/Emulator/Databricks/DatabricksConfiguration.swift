import Foundation

/// How the emulated Databricks account is set up and how long its lifecycles take on the emulator's clock.
public struct DatabricksConfiguration: Sendable {
    /// The account id (a UUID); it is also the external id the cross-account role's trust policy must require.
    public var accountId = "3f9a2b1c-0d4e-4f5a-9b6c-7d8e9f0a1b2c"
    /// The application id of the bootstrap account-admin service principal (OAuth M2M client id).
    public var clientId = "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e"
    /// The bootstrap service principal's OAuth secret.
    public var clientSecret = "dosebrickyard0000000000000000000"
    /// A personal access token of the bootstrap service principal, accepted on the account host and every workspace.
    public var token = "dapibrickyard000000000000000000000"
    /// The AWS account Databricks acts as when it validates credentials and storage (GovCloud: 044793339203).
    public var awsAccountId = "414351767826"
    /// How long lifecycles take.
    public var timings = Timings.fast

    /// Durations of the lifecycles, in seconds of the emulator's clock.
    public struct Timings: Sendable, Equatable {
        /// PROVISIONING to RUNNING (or FAILED) of a workspace.
        public var workspaceProvisioning: TimeInterval
        /// From DELETE until GET answers 404.
        public var workspaceDeletion: TimeInterval
        /// PENDING (or RESTARTING, RESIZING) to RUNNING of a cluster.
        public var clusterStart: TimeInterval
        /// TERMINATING to TERMINATED.
        public var clusterTermination: TimeInterval
        /// QUEUED/PENDING to RUNNING of a job run.
        public var runStart: TimeInterval
        /// RUNNING to TERMINATED of a job run.
        public var runDuration: TimeInterval
        /// Between two log deliveries.
        public var logDeliveryInterval: TimeInterval

        /// Seconds: what tests and the SDKs' waiters want (the default).
        public static let fast = Timings(
            workspaceProvisioning: 2, workspaceDeletion: 1, clusterStart: 2, clusterTermination: 1, runStart: 1,
            runDuration: 2, logDeliveryInterval: 60)

        /// What the real service takes, roughly: for rehearsing timeouts (`--databricks-timings realistic`).
        public static let realistic = Timings(
            workspaceProvisioning: 600, workspaceDeletion: 60, clusterStart: 300, clusterTermination: 60,
            runStart: 30, runDuration: 120, logDeliveryInterval: 900)

        /// Creates timings.
        public init(
            workspaceProvisioning: TimeInterval, workspaceDeletion: TimeInterval, clusterStart: TimeInterval,
            clusterTermination: TimeInterval, runStart: TimeInterval, runDuration: TimeInterval,
            logDeliveryInterval: TimeInterval
        ) {
            self.workspaceProvisioning = workspaceProvisioning
            self.workspaceDeletion = workspaceDeletion
            self.clusterStart = clusterStart
            self.clusterTermination = clusterTermination
            self.runStart = runStart
            self.runDuration = runDuration
            self.logDeliveryInterval = logDeliveryInterval
        }
    }

    /// The defaults.
    public init() {}
}
