import CloudClients
import Foundation

extension CloudSession {
    /// An S3 client of the session.
    public func s3(_ transport: HTTPTransport = HTTPTransport()) -> S3Client {
        S3Client(endpoint: aws.s3, credentials: aws.credentials, region: aws.region, transport: transport)
    }

    /// An IAM client of the session.
    public func iam(_ transport: HTTPTransport = HTTPTransport()) -> IAMClient {
        IAMClient(endpoint: aws.iam, credentials: aws.credentials, region: aws.region, transport: transport)
    }

    /// A Kinesis client of the session.
    public func kinesis(_ transport: HTTPTransport = HTTPTransport()) -> KinesisClient {
        KinesisClient(endpoint: aws.kinesis, credentials: aws.credentials, region: aws.region, transport: transport)
    }

    /// A client of the Databricks account host, retrying as the SDKs do.
    public func databricksAccount(_ transport: HTTPTransport = HTTPTransport()) -> DatabricksClient {
        var transport = transport
        transport.retry = DatabricksClient.retryPolicy
        return DatabricksClient(host: databricks.host, authentication: databricks.authentication, transport: transport)
    }

    /// A client of a workspace host, with the account admin's credentials.
    public func databricksWorkspace(_ url: URL, _ transport: HTTPTransport = HTTPTransport()) -> DatabricksClient {
        var transport = transport
        transport.retry = DatabricksClient.retryPolicy
        return DatabricksClient(host: url, authentication: databricks.authentication, transport: transport)
    }

    /// The account API's path prefix (`/api/2.0/accounts/<id>`).
    public var accountPath: String { "/api/2.0/accounts/\(databricks.accountId)" }
}
