import CloudClients
import FeatureRunner
import Foundation
import Synchronization

/// What one scenario attempt's steps share: the session, the scenario's names and ledger, the clients (recording
/// every exchange for the report), and what the steps made so far under their logical names.
public final class ScenarioContext: Sendable {
    /// The run's session.
    public let session: CloudSession
    /// Logical to physical names for this scenario attempt.
    public let names: ResourceNames
    /// What this scenario created.
    public let ledger: ResourceLedger
    /// Every request the scenario's clients made (each step takes its own for the report).
    public let exchanges = ExchangeLog()
    /// How long waiting steps wait.
    public let waitTimeout: Double
    let state = Mutex(ScenarioState())

    /// Creates a context.
    public init(session: CloudSession, names: ResourceNames, ledger: ResourceLedger, waitTimeout: Double) {
        self.session = session
        self.names = names
        self.ledger = ledger
        self.waitTimeout = waitTimeout
    }

    // MARK: - Clients

    /// The transport every client of the scenario uses: retries, and capture with the session's secrets redacted.
    var transport: HTTPTransport {
        HTTPTransport(recorder: exchanges, redactor: Redactor(secrets: session.secrets))
    }

    var s3: S3Client { session.s3(transport) }
    var iam: IAMClient { session.iam(transport) }
    var kinesis: KinesisClient { session.kinesis(transport) }
    var account: DatabricksClient { session.databricksAccount(transport) }
    var accountPath: String { session.accountPath }

    func workspaceClient(_ url: URL) -> DatabricksClient { session.databricksWorkspace(url, transport) }
}

/// What a scenario's steps made, by logical name.
struct ScenarioState: Sendable {
    var buckets: [String: String] = [:]
    var roles: [String: RoleReference] = [:]
    var instanceProfiles: [String: RoleReference] = [:]
    var streams: [String: String] = [:]
    var workspaces: [String: WorkspaceReference] = [:]
    /// `workspace/cluster` to cluster id.
    var clusters: [String: String] = [:]
    /// `workspace/notebook` to workspace path.
    var notebooks: [String: String] = [:]
    /// workspace to secret scopes made.
    var scopes: [String: Set<String>] = [:]
    /// workspace to the last job run id.
    var lastRuns: [String: Int64] = [:]
    /// What the generic steps remembered and sent.
    var generic = GenericState()
}

/// A role or instance profile: its name and ARN.
struct RoleReference: Sendable, Hashable {
    var name: String
    var arn: String
}

/// A workspace the steps created (or tried to).
struct WorkspaceReference: Sendable {
    var id: Int64?
    var url: URL?
    /// The cross-account role it was created with.
    var role: RoleReference?
    /// The status when creation was refused (`FAILED`) and the refusal's message.
    var refusal: String?
}

/// The world of the provisioning steps: the scenario's context, set by the library's Before hook.
public struct ProvisioningWorld: World {
    /// The scenario's context (set before the first step).
    public var context: ScenarioContext?

    public init() {}
}
