import AWSWire
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The Databricks front door on the shared port: the account host (the emulator's base URL) and one host per
/// workspace (`{base}/_workspaces/{deployment_name}`), their discovery documents, OAuth token endpoints and bearer
/// authentication, in front of the account and workspace APIs.
final class DatabricksService: Sendable {
    /// Where workspace hosts live under the emulator's base URL. `_` cannot start an S3 bucket name, so no bucket
    /// is shadowed.
    static let workspacePathPrefix = "/_workspaces/"

    let account: DatabricksAccount
    let tokens: DatabricksTokenStore
    let clock: EmulatorClock
    let configuration: DatabricksConfiguration
    let logger: Logger
    /// Where the state is kept across restarts; `nil` keeps it in memory.
    let store: DatabricksStore?

    init(
        configuration: DatabricksConfiguration, validator: AWSSideValidator, clock: EmulatorClock,
        customerAWSAccountId: String, statePath: String?, logger: Logger,
        endpoint: @escaping @Sendable () -> String
    ) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        tokens = DatabricksTokenStore()
        account = DatabricksAccount(
            configuration: configuration, validator: validator, clock: clock, tokens: tokens,
            customerAWSAccountId: customerAWSAccountId, logger: logger, endpoint: endpoint)
        store = statePath.map(DatabricksStore.init(path:))
        if let saved = try store?.load() { restore(saved) }
    }

    func reset() {
        account.validator.reset()
        account.reset()
        store?.remove()
    }

    // MARK: - Detection

    /// Whether a request is for Databricks: on a workspace host, or not signed for AWS and on a Databricks path.
    static func claims(_ request: EmulatorRequest) -> Bool {
        if request.rawQuery.contains("X-Amz-Signature") || request.rawQuery.contains("Signature=") {
            return request.rawPath.hasPrefix(workspacePathPrefix)
        }
        return claims(path: request.rawPath, headers: request.headers)
    }

    /// Whether a request head is for Databricks (before its body is read).
    static func claims<Path: StringProtocol>(path: Path, headers: HTTPHeaders) -> Bool {
        if path.hasPrefix(workspacePathPrefix) { return true }
        if let authorization = headers.first(name: "authorization"),
            authorization.hasPrefix("AWS4-") || authorization.hasPrefix("AWS ")
        {
            return false
        }
        return path.hasPrefix("/api/2.") || path.hasPrefix("/api/1.2/") || path.hasPrefix("/oidc/")
            || path == "/.well-known/databricks-config" || path.hasPrefix("/.well-known/oauth-authorization-server")
            || path.hasPrefix("/.well-known/openid-configuration")
    }

    /// The Databricks host a request is for, and its path below that host.
    enum Host: Sendable, Equatable {
        case account
        case workspace(deploymentName: String)
    }

    static func host(of path: String) -> (Host, String) {
        guard path.hasPrefix(workspacePathPrefix) else { return (.account, path) }
        let rest = path.dropFirst(workspacePathPrefix.count)
        let name = rest.prefix { $0 != "/" }
        let below = rest.dropFirst(name.count)
        return (.workspace(deploymentName: String(name)), below.isEmpty ? "/" : String(below))
    }

    /// A short name of the API a request calls, for fault rules: `POST workspaces`, `POST clusters/create`.
    static func operationName(_ request: EmulatorRequest) -> String {
        let (_, path) = host(of: String(request.rawPath))
        var parts = path.split(separator: "/").map(String.init)
        if parts.first == "api" { parts.removeFirst(min(2, parts.count)) }
        if parts.first == "preview" { parts.removeFirst() }
        if parts.first == "accounts", parts.count >= 2 { parts.removeFirst(2) }
        parts = parts.filter { part in
            !(part.count >= 8 && part.contains(where: \.isNumber) && !part.contains(where: \.isUppercase)
                && part.allSatisfy { $0.isHexDigit || $0 == "-" })
        }
        return "\(request.method.rawValue) \(parts.joined(separator: "/"))"
    }

    // MARK: - Handling

    func handle(_ incoming: EmulatorRequest) -> EmulatorResponse {
        let requestId = DatabricksIdentifiers.uuid()
        // Databricks clients form-encode query strings (`filter=userName+eq+...`): `+` is a space here.
        var request = incoming
        request.queryItems = PercentEncoding.decodeQuery(request.rawQuery, plusAsSpace: true)
        guard let decoded = request.decodedPath, request.queryItems != nil else {
            return DatabricksError.malformed("The request URI is malformed.").response(requestId: requestId)
        }
        let (host, path) = Self.host(of: decoded)
        let base = baseURL(request)
        do throws(DatabricksError) {
            switch host {
            case .account:
                if let reply = try discovery(request, path: path, base: base, workspace: nil) {
                    return reply.response(requestId: requestId)
                }
                let caller = try authenticate(request, scope: .account)
                let call = try DatabricksCall(request: request, path: path, caller: caller, now: clock.now())
                let reply = try account.handle(call)
                if request.method != .GET { try persist() }
                return reply.response(requestId: requestId)
            case .workspace(let name):
                guard let workspace = account.host(deploymentName: name) else {
                    throw DatabricksError(
                        "ENDPOINT_NOT_FOUND", .notFound,
                        "No running workspace has the deployment name \(name); check the workspace_url and "
                            + "workspace_status of the workspace.")
                }
                let workspaceBase = "\(base)\(Self.workspacePathPrefix)\(name)"
                if let reply = try discovery(request, path: path, base: workspaceBase, workspace: workspace) {
                    return reply.response(requestId: requestId)
                }
                let caller = try authenticate(request, scope: .workspace(workspace.id))
                let call = try DatabricksCall(request: request, path: path, caller: caller, now: clock.now())
                let reply = try workspace.handle(call)
                if request.method != .GET { try persist() }
                var response = reply.response(requestId: requestId)
                response.headers.replaceOrAdd(name: "X-Databricks-Org-Id", value: String(workspace.id))
                return response
            }
        } catch {
            logger.debug("Databricks error", metadata: ["code": "\(error.code)", "status": "\(error.status.code)"])
            return error.response(requestId: requestId)
        }
    }

    /// `http://host:port` as the client addressed the emulator.
    func baseURL(_ request: EmulatorRequest) -> String {
        if let host = request.header("host"), !host.isEmpty { return "http://\(host)" }
        return account.endpoint
    }

    // MARK: - Authentication

    func authenticate(
        _ request: EmulatorRequest, scope: DatabricksToken.Scope
    ) throws(DatabricksError)
        -> DatabricksCaller
    {
        guard let header = request.header("authorization"), header.lowercased().hasPrefix("bearer ") else {
            throw .unauthenticated("Credential was not sent or was of an unsupported type for this API.")
        }
        let value = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard let token = tokens.token(value: value), token.isValid(on: scope, at: clock.now()) else {
            if scope == .account { throw .unauthenticated("Invalid access token.") }
            throw DatabricksError("403", .forbidden, "Invalid access token.")
        }
        return token.caller
    }
}
