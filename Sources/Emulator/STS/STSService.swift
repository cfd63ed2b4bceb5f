import Foundation
import Logging
import PolicyEngine

/// AWS Security Token Service over the query protocol (`Version=2011-06-15`): `GetCallerIdentity`, `AssumeRole`
/// (trust policy, external id, session policies and tags enforced) and `GetSessionToken`.
///
/// Temporary credentials are journaled (they survive a restart with `--state-dir`) and expire on the emulator's
/// clock. Other services (Databricks assuming a customer's role) call ``assumeRole(_:as:now:)`` in process: the same
/// checks as over the wire.
final class STSService: QueryService, Sendable {
    let signingName = "sts"
    let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    let directory: any IdentityDirectory
    let authorizer: Authorizer
    let credentials: CredentialStore
    let store: JournaledStore<STSState>
    let clock: EmulatorClock
    let logger: Logger

    init(
        directory: any IdentityDirectory, authorizer: Authorizer, credentials: CredentialStore, journalPath: String?,
        clock: EmulatorClock, logger: Logger
    ) throws {
        self.directory = directory
        self.authorizer = authorizer
        self.credentials = credentials
        self.store = try JournaledStore(journalPath: journalPath)
        self.clock = clock
        self.logger = logger
        // Sessions that expired before this start can never sign again; forget them so the journal stays small.
        let now = clock.now()
        try store.write { transaction throws(JournaledStore<STSState>.PersistenceError) in
            if transaction.state.sessions.values.contains(where: { $0.expiration <= now }) {
                try transaction.apply(.prune(before: now))
            }
        }
        registerSessions()
    }

    func perform(_ context: QueryContext) throws(QueryError) -> QueryResult {
        switch context.action {
        case "GetCallerIdentity": return getCallerIdentity(context)
        case "AssumeRole": return try assumeRole(context)
        case "GetSessionToken": return try getSessionToken(context)
        case "GetAccessKeyInfo": return try getAccessKeyInfo(context)
        default: throw QueryUnsupportedFeatures.unservedAction(context.action, service: signingName)
        }
    }

    // MARK: - State

    /// Records a session and makes its credentials work.
    func issue(_ session: STSSession) throws(QueryError) {
        do {
            try store.write { transaction throws(JournaledStore<STSState>.PersistenceError) in
                try transaction.apply(.issue(session))
            }
        } catch {
            throw QueryError("InternalFailure", .internalServerError, "\(error)", fault: .receiver)
        }
        credentials.add(session.credential)
    }

    /// Re-registers the journaled sessions that have not expired (at start and after a reset of the credentials).
    func registerSessions() {
        let now = clock.now()
        store.read { state in
            for session in state.sessions.values where session.expiration > now {
                credentials.add(session.credential)
            }
        }
    }

    /// Flushes the journal.
    func sync() {
        store.sync()
    }

    /// Forgets every session.
    func reset() throws {
        try store.reset()
    }
}
