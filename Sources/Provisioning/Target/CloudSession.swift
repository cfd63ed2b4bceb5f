import CloudClients
import Foundation

/// Everything a run needs to reach its target: endpoints, credentials and account ids, resolved once per run.
public struct CloudSession: Sendable {
    /// The AWS side.
    public struct AWS: Sendable {
        /// The S3 endpoint (path-style requests).
        public var s3: URL
        /// The IAM endpoint.
        public var iam: URL
        /// The STS endpoint.
        public var sts: URL
        /// The Kinesis endpoint.
        public var kinesis: URL
        /// The credentials requests are signed with.
        public var credentials: AWSCredentials
        /// The region.
        public var region: String
        /// The account the credentials belong to (from `GetCallerIdentity`).
        public var accountId: String
    }

    /// The Databricks account.
    public struct Databricks: Sendable {
        /// The account host (`https://accounts.cloud.databricks.com`).
        public var host: URL
        /// The account id (a UUID; also the external id cross-account roles require).
        public var accountId: String
        /// An account admin's credentials (also used on the workspaces the run creates).
        public var authentication: DatabricksAuthentication
        /// Databricks' own AWS account, which assumes cross-account roles (414351767826 on AWS commercial).
        public var awsAccountId: String
    }

    public var aws: AWS
    public var databricks: Databricks
    /// Where the session came from, for messages (`in-process emulator at http://127.0.0.1:5123`).
    public var description: String
    /// How to move time on, when the target is an emulator with a virtual clock.
    public var clock: EmulatorClockControl?
    /// Whether the target is real AWS and Databricks.
    public var isLive: Bool
    /// Settings of the live target that AWS alone cannot make up: `BRICKYARD_VPC_ID`, `BRICKYARD_SUBNET_IDS`,
    /// `BRICKYARD_SECURITY_GROUP_IDS`, `BRICKYARD_VPCE_REST_API`, `BRICKYARD_VPCE_RELAY`, `BRICKYARD_KMS_KEY_ARN`,
    /// and `${env:NAME}` placeholders.
    public var environment: [String: String] = [:]

    /// The secrets a redactor must hide.
    public var secrets: [String] {
        var values = [aws.credentials.secretAccessKey]
        if let token = aws.credentials.sessionToken { values.append(token) }
        switch databricks.authentication {
        case .token(let token): values.append(token)
        case .oauth(_, let secret): values.append(secret)
        }
        return values
    }
}

/// Moves an emulator's virtual clock forward, so that waiting steps need not wait.
public struct EmulatorClockControl: Sendable {
    let advance: @Sendable (Double) async throws -> Void

    /// Creates a control from a function that advances the clock by some seconds.
    public init(_ advance: @escaping @Sendable (Double) async throws -> Void) {
        self.advance = advance
    }

    /// Advances the clock.
    public func advance(by seconds: Double) async throws {
        try await advance(seconds)
    }
}
