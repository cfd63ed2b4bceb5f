import AWSWire
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An STS client: who am I, and temporary credentials for a role.
public struct STSClient: Sendable {
    /// The query-protocol client underneath (for actions this type has no method for).
    public var query: QueryClient

    /// Creates a client.
    public init(
        endpoint: URL, credentials: AWSCredentials, region: String = "us-east-1",
        transport: HTTPTransport = HTTPTransport()
    ) {
        query = QueryClient(
            endpoint: endpoint, credentials: credentials, service: "sts", version: "2011-06-15", region: region,
            transport: transport)
    }

    /// Who signed: the answer of `GetCallerIdentity`.
    public struct CallerIdentity: Sendable, Equatable {
        /// The 12-digit account id.
        public var account: String
        /// The caller's ARN.
        public var arn: String
        /// The unique id (`AIDA...`, `AROA...:session`, the account id for root).
        public var userId: String

        /// Creates an identity.
        public init(account: String, arn: String, userId: String) {
            self.account = account
            self.arn = arn
            self.userId = userId
        }
    }

    /// Temporary credentials for a role session: the answer of `AssumeRole`.
    public struct AssumedRole: Sendable {
        /// The credentials, session token included.
        public var credentials: AWSCredentials
        /// When they stop working.
        public var expiration: Date?
        /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
        public var arn: String
        /// `<RoleId>:<session>`.
        public var assumedRoleId: String
    }

    /// `GetCallerIdentity`.
    /// - Throws: ``AWSServiceError`` when STS refuses.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await query.call("GetCallerIdentity")
        return CallerIdentity(
            account: result.text(of: "Account") ?? "", arn: result.text(of: "Arn") ?? "",
            userId: result.text(of: "UserId") ?? "")
    }

    /// `AssumeRole`.
    /// - Parameters:
    ///   - roleArn: The role.
    ///   - sessionName: The session's name.
    ///   - externalId: The external id the role's trust policy may require.
    ///   - durationSeconds: How long the credentials live (STS's default is 3600).
    ///   - policy: A session policy that narrows the role's permissions.
    ///   - tags: Session tags.
    /// - Returns: The session's credentials and identity.
    /// - Throws: ``AWSServiceError`` (`AccessDenied`, `ValidationError`, ...) when STS refuses.
    public func assumeRole(
        roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil,
        policy: String? = nil, tags: [(key: String, value: String)] = []
    ) async throws -> AssumedRole {
        var parameters = [("RoleArn", roleArn), ("RoleSessionName", sessionName)]
        if let externalId { parameters.append(("ExternalId", externalId)) }
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        if let policy { parameters.append(("Policy", policy)) }
        for (index, tag) in tags.enumerated() {
            parameters.append(("Tags.member.\(index + 1).Key", tag.key))
            parameters.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        let result = try await query.call("AssumeRole", parameters)
        let credentials = result.child("Credentials")
        let user = result.child("AssumedRoleUser")
        return AssumedRole(
            credentials: AWSCredentials(
                accessKeyId: credentials?.text(of: "AccessKeyId") ?? "",
                secretAccessKey: credentials?.text(of: "SecretAccessKey") ?? "",
                sessionToken: credentials?.text(of: "SessionToken")),
            expiration: credentials?.text(of: "Expiration").flatMap { AWSDate.parseHTTPDate($0) },
            arn: user?.text(of: "Arn") ?? "", assumedRoleId: user?.text(of: "AssumedRoleId") ?? "")
    }
}
