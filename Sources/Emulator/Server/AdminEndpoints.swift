import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

/// The emulator's own JSON endpoints under `/_brickyard/`: health, info, reset and the clock.
struct AdminEndpoints {
    static let pathPrefix = "/_brickyard/"
    /// The version the emulator reports.
    static let version = "0.1.0"
    /// The most the clock moves in one call: a century, so that every date stays writable in AWS's formats.
    static let maximumAdvance: Double = 100 * 366 * 86_400

    let services: EmulatorServices

    func respond(to request: EmulatorRequest) -> EmulatorResponse {
        if let refusal = AdminRequestGuard(configuredHost: services.configuration.host).refusal(request) {
            return json(["error": refusal], status: .forbidden)
        }
        let path = String(request.rawPath.dropFirst(Self.pathPrefix.count))
        switch (request.method, path) {
        case (.GET, "health"), (.HEAD, "health"):
            return json([
                "status": "ok", "version": Self.version,
                "services": [
                    "s3": "running", "iam": "running", "sts": "running", "kinesis": "running", "databricks": "running",
                ],
            ])
        case (.GET, "info"):
            return json(info())
        case (.POST, "reset"):
            do {
                try services.reset()
                return json(["status": "reset"])
            } catch {
                return json(["error": "reset failed: \(error)"], status: .internalServerError)
            }
        case (.GET, "clock"):
            return json(clock())
        case (.POST, "clock/advance"):
            let body = try? JSONSerialization.jsonObject(with: Data(request.body.readableBytesView)) as? [String: Any]
            guard let seconds = AdminJSON.double(body?["seconds"], in: 0...Self.maximumAdvance) else {
                return json(
                    ["error": "expected {\"seconds\": N} with N from 0 to \(Int(Self.maximumAdvance)) (100 years)"],
                    status: .badRequest)
            }
            services.clock.advance(by: seconds)
            services.databricks.account.settle()
            return json(clock())
        case (_, "faults"):
            return faults(request, id: nil)
        case (_, _) where path.hasPrefix("faults/"):
            return faults(request, id: String(path.dropFirst("faults/".count)))
        case (.POST, "aws/principals"):
            return externalPrincipal(request)
        case (_, "health"), (_, "info"), (_, "reset"), (_, "clock"), (_, "clock/advance"), (_, "aws/principals"):
            return json(["error": "method not allowed"], status: .methodNotAllowed)
        default:
            return json(["error": "no such admin endpoint: /_brickyard/\(path)"], status: .notFound)
        }
    }

    private func info() -> [String: Any] {
        let configuration = services.configuration
        return [
            "version": Self.version,
            "aws": [
                "endpoint": services.endpoint?.absoluteString ?? "",
                "region": configuration.region,
                "accountId": configuration.accountId,
                "accessKeyId": configuration.accessKeyId,
                "secretAccessKey": configuration.secretAccessKey,
            ],
            "services": ["s3", "iam", "sts", "kinesis", "databricks"],
            "databricks": databricksInfo(),
            "iam": ["enforcement": configuration.enforcesIAM ? "on" : "off"],
            "persistence": configuration.stateDirectory == nil ? "memory" : "directory",
            "stateDirectory": configuration.stateDirectory ?? NSNull(),
        ]
    }

    /// The Databricks account and its bootstrap credentials, and the workspaces that are running.
    private func databricksInfo() -> [String: Any] {
        let databricks = services.configuration.databricks
        let account = services.databricks.account
        account.settle()
        return [
            "accountHost": services.endpoint?.absoluteString ?? "",
            "accountId": databricks.accountId,
            "clientId": databricks.clientId,
            "clientSecret": databricks.clientSecret,
            "token": databricks.token,
            "awsAccountId": databricks.awsAccountId,
            "workspaces": account.runningWorkspaces.map { workspace -> [String: Any] in
                [
                    "workspaceId": workspace.id, "name": workspace.name, "url": workspace.url,
                    "deploymentName": workspace.deploymentName,
                ]
            },
        ]
    }

    /// `POST /_brickyard/aws/principals` `{"accountId": "414351767826", "userName": "databricks"}`: a user of another
    /// account allowed to assume roles, and its new access key.
    private func externalPrincipal(_ request: EmulatorRequest) -> EmulatorResponse {
        let body = try? JSONSerialization.jsonObject(with: Data(request.body.readableBytesView)) as? [String: Any]
        guard let accountId = body?["accountId"] as? String else {
            return json(
                ["error": "expected {\"accountId\": \"123456789012\", \"userName\": \"...\"}"], status: .badRequest)
        }
        let userName = body?["userName"] as? String ?? "brickyard-external"
        do {
            let credential = try services.iam.provisionExternalPrincipal(
                accountId: accountId, userName: userName, now: services.clock.now())
            return json([
                "accountId": accountId, "userName": userName, "arn": credential.principal.arn,
                "accessKeyId": credential.accessKeyId, "secretAccessKey": credential.secretAccessKey,
            ])
        } catch {
            return json(["error": "\(error.code): \(error.message)"], status: .badRequest)
        }
    }

    private func clock() -> [String: Any] {
        ["now": AWSDate.iso8601(services.clock.now()), "offsetSeconds": services.clock.offsetSeconds]
    }

    func json(_ object: [String: Any], status: HTTPResponseStatus = .ok) -> EmulatorResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return EmulatorResponse(
            status: status, headers: ["Content-Type": "application/json"], body: ByteBuffer(bytes: data))
    }
}
