import Logging

/// How long Kinesis stream lifecycles take on the emulator's clock: half a second each by default (the real service
/// takes tens of seconds).
public struct KinesisTimings: Sendable, Hashable {
    /// CREATING to ACTIVE.
    public var creation: Double = 0.5
    /// UPDATING to ACTIVE (resharding, encryption, mode changes).
    public var update: Double = 0.5
    /// DELETING to gone.
    public var deletion: Double = 0.5

    public init() {}
}

/// How an emulator is set up. Every field has the default other emulators' users expect.
public struct EmulatorConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host: String = "127.0.0.1"
    /// The port; `0` picks a free one.
    public var port: Int = 0
    /// The region the emulator answers as.
    public var region: String = "us-east-1"
    /// The account of the bootstrap credential.
    public var accountId: String = "000000000000"
    /// The bootstrap access key id (the account's root user).
    public var accessKeyId: String = "test"
    /// The bootstrap secret access key.
    public var secretAccessKey: String = "test"
    /// Where state is kept across restarts; `nil` keeps it in memory.
    public var stateDirectory: String?
    /// Host names whose sub-domains address S3 buckets (virtual-hosted style).
    public var virtualHostSuffixes: [String] = [
        "localhost", "s3.localhost", "localhost.localstack.cloud", "s3.amazonaws.com",
    ]
    /// Whether IAM policies are enforced on every request (`--iam off` turns it off): when `false`, every
    /// authenticated request is allowed.
    public var enforcesIAM: Bool = true
    /// Whether Kinesis enforces the per-shard throughput limits of provisioned streams (1 MiB or 1,000 records a
    /// second written, 5 calls or 2 MiB a second read); off by default (`--kinesis-limits real`).
    public var enforcesKinesisLimits: Bool = false
    /// How long Kinesis stream lifecycles (CREATING, UPDATING, DELETING) take on the emulator's clock.
    public var kinesisTimings = KinesisTimings()
    /// The emulated Databricks account: ids, bootstrap credentials and lifecycle timings.
    public var databricks = DatabricksConfiguration()
    /// Limits of the HTTP front end.
    public var limits = HTTPLimits()
    /// Where the emulator logs (debug and trace only; it never logs secrets).
    public var logger = Logger(label: "brickyard.emulator", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The defaults: loopback, a free port, us-east-1, account 000000000000, key `test`/`test`, state in memory.
    public init() {}

    /// The defaults with a port.
    public init(port: Int) {
        self.port = port
    }
}
