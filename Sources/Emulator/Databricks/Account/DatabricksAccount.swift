import EmulatorData
import Foundation
import Logging
import NIOConcurrencyHelpers

/// One Databricks account: the account API (`/api/2.0/accounts/{account_id}/...`), its SCIM directory, and the
/// workspaces it provisions, each with a host of its own.
final class DatabricksAccount: Sendable {
    let configuration: DatabricksConfiguration
    let validator: AWSSideValidator
    let clock: EmulatorClock
    let tokens: DatabricksTokenStore
    let scim = SCIMDirectory()
    let audit: AuditTrail
    let logDelivery: LogDeliveryWriter
    let state = NIOLockedValueBox(AccountState())
    let hosts = NIOLockedValueBox<[Int64: DatabricksWorkspace]>([:])
    let catalogBox = NIOLockedValueBox<DatabricksCatalog?>(nil)
    let settling = NIOLock()
    let logger: Logger
    /// The customer's AWS account (the emulator's), as VPC endpoint registrations report it.
    let customerAWSAccountId: String
    private let endpointBox: @Sendable () -> String

    var id: String { configuration.accountId }

    init(
        configuration: DatabricksConfiguration, validator: AWSSideValidator, clock: EmulatorClock,
        tokens: DatabricksTokenStore, customerAWSAccountId: String, logger: Logger,
        endpoint: @escaping @Sendable () -> String
    ) {
        self.customerAWSAccountId = customerAWSAccountId
        self.configuration = configuration
        self.validator = validator
        self.clock = clock
        self.tokens = tokens
        self.logger = logger
        self.endpointBox = endpoint
        audit = AuditTrail()
        logDelivery = LogDeliveryWriter(validator: validator)
        bootstrap()
    }

    /// The emulator's base URL (`http://127.0.0.1:port`).
    var endpoint: String { endpointBox() }

    /// The account admin service principal and its token.
    var admin: DatabricksCaller {
        DatabricksCaller(
            kind: .servicePrincipal, id: "1000000000000001", name: configuration.clientId,
            displayName: "brickyard-account-admin", isAccountAdmin: true, tokenId: "bootstrap")
    }

    func bootstrap() {
        _ = try? scim.create(
            .servicePrincipals,
            [
                "applicationId": .string(configuration.clientId), "displayName": .string(admin.displayName),
                "roles": [["value": "account_admin"]],
            ], id: admin.id)
        tokens.insert(
            DatabricksToken(
                id: "bootstrap", kind: .personalAccessToken, scope: .everywhere, caller: admin,
                comment: "brickyard bootstrap token", createdAt: clock.now(), expiresAt: nil),
            value: configuration.token)
    }

    /// Forgets everything and bootstraps again.
    func reset() {
        state.withLockedValue { $0 = AccountState() }
        hosts.withLockedValue { $0.removeAll() }
        scim.removeAll()
        audit.removeAll()
        tokens.removeAll()
        bootstrap()
    }

    // MARK: - Workspace hosts

    /// The running workspace a deployment name (the first label of its URL) names.
    func host(deploymentName: String) -> DatabricksWorkspace? {
        settle()
        return hosts.withLockedValue { hosts in hosts.values.first { $0.deploymentName == deploymentName } }
    }

    /// The workspace hosts, by id.
    var runningWorkspaces: [DatabricksWorkspace] {
        hosts.withLockedValue { Array($0.values) }.sorted { $0.id < $1.id }
    }

    /// A workspace's URL.
    func workspaceURL(deploymentName: String) -> String {
        "\(endpoint)\(DatabricksService.workspacePathPrefix)\(deploymentName)"
    }

    // MARK: - Routing

    func handle(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let segments = call.path.split(separator: "/")
        guard segments.count >= 4, segments[0] == "api", segments[2] == "accounts" else {
            throw .endpointNotFound(call.method, call.path)
        }
        guard segments[3] == id else {
            throw .permissionDenied("Account \(segments[3]) does not exist or you have no access to it.")
        }
        guard call.caller.isAccountAdmin else {
            throw .permissionDenied("This API is disabled for users without account admin status.")
        }
        settle()
        let reply = try Self.router.dispatch(self, call)
        if call.method != .GET {
            audit.record(call, service: "accounts", status: reply.status.code, workspaceId: 0)
        }
        return reply
    }

    static let router = DatabricksRouter<DatabricksAccount>(
        configurationRoutes + workspaceRoutes + logDeliveryRoutes + identityRoutes)
}

// MARK: - Catalog

extension DatabricksAccount {
    /// The Spark versions and node types workspaces offer (loaded once).
    func catalog() throws(DatabricksError) -> DatabricksCatalog {
        if let catalog = catalogBox.withLockedValue({ $0 }) { return catalog }
        do {
            let catalog = try DatabricksCatalog()
            catalogBox.withLockedValue { $0 = catalog }
            return catalog
        } catch {
            throw DatabricksError("INTERNAL_ERROR", .internalServerError, "The emulator's data is broken: \(error)")
        }
    }
}
