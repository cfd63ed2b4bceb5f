import AWSWire
import Foundation

extension STSService {
    /// `GetCallerIdentity`: who signed. Always allowed, whatever the policies say.
    func getCallerIdentity(_ context: QueryContext) -> QueryResult {
        let principal = context.principal
        return QueryResult { xml in
            xml.element("Arn", principal.arn)
            xml.element("UserId", principal.userId)
            xml.element("Account", principal.accountId)
        }
    }

    /// `GetAccessKeyInfo`: the account an access key belongs to.
    func getAccessKeyInfo(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let accessKeyId = try context.parameters.required("AccessKeyId")
        guard accessKeyId.count >= 16, accessKeyId.count <= 128 else {
            throw .stsValidation(
                accessKeyId, "accessKeyId", "Member must have length greater than or equal to 16")
        }
        let account = credentials.credential(forAccessKeyId: accessKeyId)?.principal.accountId
        guard let account else {
            throw QueryError("InvalidParameterValue", .badRequest, "The access key id \(accessKeyId) is not valid.")
        }
        return QueryResult { $0.element("Account", account) }
    }

    /// `GetSessionToken`: temporary credentials for a user (or the root user) acting as itself.
    func getSessionToken(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let principal = context.principal
        guard principal.kind == .user || principal.kind == .root, context.credential.sessionToken == nil else {
            throw .accessDenied("Cannot call GetSessionToken with session credentials")
        }
        if let refusal = QueryUnsupportedFeatures.refusal(action: context.action, parameters: context.parameters) {
            throw refusal
        }
        let maximum = principal.kind == .root ? 3600 : 129_600
        let duration = try context.parameters.integer("DurationSeconds") ?? (principal.kind == .root ? 3600 : 43_200)
        guard duration >= 900 else {
            throw .stsValidation(
                String(duration), "durationSeconds", "Member must have value greater than or equal to 900")
        }
        guard duration <= maximum else {
            throw .stsValidation(
                String(duration), "durationSeconds", "Member must have value less than or equal to \(maximum)")
        }
        let session = STSSession(
            accessKeyId: STSIdentifiers.temporaryAccessKeyId(), secretAccessKey: STSIdentifiers.secretAccessKey(),
            sessionToken: STSIdentifiers.sessionToken(), expiration: context.now.addingTimeInterval(Double(duration)),
            principal: principal, sessionPolicies: [], sessionTags: [:])
        try issue(session)
        return QueryResult { xml in Self.writeCredentials(session, to: &xml) }
    }

    /// The `Credentials` element of an answer.
    static func writeCredentials(_ session: STSSession, to xml: inout XMLWriter) {
        xml.element("Credentials") { xml in
            xml.element("AccessKeyId", session.accessKeyId)
            xml.element("SecretAccessKey", session.secretAccessKey)
            xml.element("SessionToken", session.sessionToken)
            xml.element("Expiration", AWSDate.iso8601Seconds(session.expiration))
        }
    }
}
