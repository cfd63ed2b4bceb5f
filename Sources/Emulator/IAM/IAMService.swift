import EmulatorData
import Foundation
import Logging
import NIOConcurrencyHelpers
import PolicyEngine

/// AWS Identity and Access Management over the query protocol (`Version=2010-05-08`): users, access keys, groups,
/// roles, inline and managed policies (the AWS managed ones shipped as data), instance profiles and policy
/// simulation, for any number of accounts, each request authorized through the ``Authorizer``.
final class IAMService: QueryService, Sendable {
    let signingName = "iam"
    let namespace = "https://iam.amazonaws.com/doc/2010-05-08/"

    let store: JournaledStore<IAMState>
    let credentials: CredentialStore
    private let awsManagedCatalog = NIOLockedValueBox<[String: AWSManagedPolicyRecord]?>(nil)
    let documents = PolicyDocumentCache()
    let clock: EmulatorClock
    let logger: Logger

    init(journalPath: String?, credentials: CredentialStore, clock: EmulatorClock, logger: Logger) throws {
        self.store = try JournaledStore(journalPath: journalPath)
        self.credentials = credentials
        self.clock = clock
        self.logger = logger
        registerAccessKeys()
    }

    typealias Operation = @Sendable (IAMService) -> (QueryContext) throws(QueryError) -> QueryResult

    func perform(_ context: QueryContext) throws(QueryError) -> QueryResult {
        guard let operation = Self.operations[context.action] else {
            throw QueryUnsupportedFeatures.unservedAction(context.action, service: signingName)
        }
        return try operation(self)(context)
    }

    /// The AWS managed policies by ARN, read from the shipped data on first use (parsing them costs ~10 ms, which
    /// an emulator that never touches IAM should not pay at start).
    var awsManaged: [String: AWSManagedPolicyRecord] {
        awsManagedCatalog.withLockedValue { loaded in
            if let loaded { return loaded }
            let catalog: [String: AWSManagedPolicyRecord]
            do {
                catalog = Dictionary(
                    uniqueKeysWithValues: try AWSManagedPolicyCatalog().policies.map { ($0.arn, $0) })
            } catch {
                logger.error("cannot read the AWS managed policies", metadata: ["error": "\(error)"])
                catalog = [:]
            }
            loaded = catalog
            return catalog
        }
    }

    // MARK: - State

    /// Reads the state.
    func read<Result>(_ body: (IAMState) throws(QueryError) -> Result) throws(QueryError) -> Result {
        try store.read(body)
    }

    /// Runs a write transaction.
    func write<Result>(
        _ body: (inout JournaledStore<IAMState>.Transaction) throws(QueryError) -> Result
    ) throws(QueryError) -> Result {
        try store.write(body)
    }

    /// Flushes the journal.
    func sync() {
        store.sync()
    }

    /// Forgets every IAM resource.
    func reset() throws {
        try store.reset()
    }

    /// Makes the active journaled access keys sign (at start, and after the credential store was reset).
    func registerAccessKeys() {
        store.read { state in
            for key in state.accessKeys.values where key.active {
                guard let user = state.account(key.accountId).users[key.userName.lowercased()] else { continue }
                credentials.add(Self.credential(key, user: user))
            }
        }
    }

    static func credential(_ key: IAMAccessKey, user: IAMUser) -> AWSCredential {
        AWSCredential(
            accessKeyId: key.id, secretAccessKey: key.secret,
            principal: AWSPrincipal(
                kind: .user, accountId: user.accountId, arn: user.arn, userId: user.id, name: user.name))
    }
}

extension JournaledStore<IAMState>.Transaction {
    /// Records a change, turning a journal failure into IAM's `ServiceFailure`.
    mutating func record(_ mutation: IAMState.Mutation) throws(QueryError) {
        do {
            try apply(mutation)
        } catch {
            throw QueryError("ServiceFailure", .internalServerError, "\(error)", fault: .receiver)
        }
    }
}
