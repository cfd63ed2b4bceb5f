import AWSWire
import CloudClients
import Emulator
import Foundation

/// IAM and STS helpers for the enforcement tests, over the wire with the project's own clients.
struct Identities {
    let emulator: Emulator
    let root: AWSCredentials

    init(_ emulator: Emulator) {
        self.emulator = emulator
        root = AWSCredentials(accessKeyId: "test", secretAccessKey: "test")
    }

    func iam(_ credentials: AWSCredentials? = nil) -> QueryClient {
        QueryClient(
            endpoint: emulator.endpoint, credentials: credentials ?? root, service: "iam", version: "2010-05-08",
            transport: HTTPTransport(retry: .none))
    }

    func sts(_ credentials: AWSCredentials? = nil) -> STSClient {
        STSClient(endpoint: emulator.endpoint, credentials: credentials ?? root, transport: HTTPTransport(retry: .none))
    }

    func s3(_ credentials: AWSCredentials) -> S3Client {
        S3Client(endpoint: emulator.endpoint, credentials: credentials, transport: HTTPTransport(retry: .none))
    }

    /// A user of the bootstrap account with an access key and, optionally, an inline policy.
    func user(_ name: String, policy: String? = nil) async throws -> (arn: String, credentials: AWSCredentials) {
        let created = try await iam().call("CreateUser", [("UserName", name)])
        if let policy {
            _ = try await iam().call(
                "PutUserPolicy", [("UserName", name), ("PolicyName", "inline"), ("PolicyDocument", policy)])
        }
        let key = try await iam().call("CreateAccessKey", [("UserName", name)]).child("AccessKey")
        return (
            created.child("User")?.text(of: "Arn") ?? "",
            AWSCredentials(
                accessKeyId: key?.text(of: "AccessKeyId") ?? "", secretAccessKey: key?.text(of: "SecretAccessKey") ?? ""
            )
        )
    }

    /// A role with a trust policy and, optionally, an inline policy; returns its ARN.
    func role(_ name: String, trust: String, policy: String? = nil) async throws -> String {
        let created = try await iam().call("CreateRole", [("RoleName", name), ("AssumeRolePolicyDocument", trust)])
        if let policy {
            _ = try await iam().call(
                "PutRolePolicy", [("RoleName", name), ("PolicyName", "inline"), ("PolicyDocument", policy)])
        }
        return created.child("Role")?.text(of: "Arn") ?? ""
    }

    /// A policy document from statements written as JSON objects.
    static func policy(_ statements: String...) -> String {
        #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#
    }
}

/// Calls an async throwing function and returns the service error it throws, or `nil` when it succeeds.
func serviceError<T>(_ body: () async throws -> T) async -> AWSServiceError? {
    do {
        _ = try await body()
        return nil
    } catch let error as AWSServiceError {
        return error
    } catch {
        return AWSServiceError(code: "\(error)", message: "", status: 0)
    }
}
