import AWSWire
import Foundation
import NIOHTTP1

/// The unauthenticated documents and endpoints of a host: `/.well-known/databricks-config`, the OIDC discovery
/// documents and the OAuth token endpoint (client credentials, for machine-to-machine access).
extension DatabricksService {
    /// Answers a discovery or token request, or `nil` for any other path.
    func discovery(
        _ request: EmulatorRequest, path: String, base: String, workspace: DatabricksWorkspace?
    )
        throws(DatabricksError) -> DatabricksReply?
    {
        let oidcPath = workspace == nil ? "/oidc/accounts/\(configuration.accountId)" : "/oidc"
        let oidc = base + oidcPath
        switch (request.method, path) {
        case (.GET, "/.well-known/databricks-config"):
            var document: JSONObject = [
                "oidc_endpoint": .string(oidc), "account_id": .string(configuration.accountId), "cloud": "aws",
                "host_type": workspace == nil ? "account" : "workspace",
            ]
            if let workspace { document["workspace_id"] = .string(String(workspace.id)) }
            return .object(document)
        case (.GET, "\(oidcPath)/.well-known/oauth-authorization-server"),
            (.GET, "\(oidcPath)/.well-known/openid-configuration"):
            return .object([
                "issuer": .string(oidc), "authorization_endpoint": .string("\(oidc)/v1/authorize"),
                "token_endpoint": .string("\(oidc)/v1/token"), "jwks_uri": .string("\(oidc)/v1/keys"),
                "grant_types_supported": ["client_credentials", "authorization_code", "refresh_token"],
                "response_types_supported": ["code", "id_token"],
                "scopes_supported": ["all-apis", "offline_access", "openid", "profile", "email", "sql"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
                "code_challenge_methods_supported": ["S256"],
            ])
        case (.POST, "\(oidcPath)/v1/token"):
            let reply = token(request, scope: workspace.map { .workspace($0.id) } ?? .account, workspace: workspace)
            if reply.status == .ok { try persist() }
            return reply
        case (_, "\(oidcPath)/v1/token"), (_, "/.well-known/databricks-config"):
            throw DatabricksError(
                "METHOD_NOT_ALLOWED", .methodNotAllowed, "Method \(request.method.rawValue) is not allowed.")
        default:
            return nil
        }
    }

    /// The token endpoint: `grant_type=client_credentials`, the client's id and secret in HTTP Basic or the form.
    private func token(
        _ request: EmulatorRequest, scope: DatabricksToken.Scope, workspace: DatabricksWorkspace?
    )
        -> DatabricksReply
    {
        func oauthError(_ error: String, _ description: String, _ status: HTTPResponseStatus) -> DatabricksReply {
            .json(["error": .string(error), "error_description": .string(description)], status: status)
        }
        let form = Dictionary(
            (PercentEncoding.decodeForm(String(decoding: request.body.readableBytesView, as: UTF8.self)) ?? []),
            uniquingKeysWith: { first, _ in first })
        guard let grant = form["grant_type"] else {
            return oauthError("invalid_request", "grant_type is required", .badRequest)
        }
        guard grant == "client_credentials" else {
            return oauthError("unsupported_grant_type", "Unsupported grant type: \(grant)", .badRequest)
        }
        var clientId = form["client_id"]
        var clientSecret = form["client_secret"]
        if let header = request.header("authorization"), header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        {
            clientId = String(text[..<colon]).removingPercentEncoding
            clientSecret = String(text[text.index(after: colon)...]).removingPercentEncoding
        }
        guard let clientId, let clientSecret, clientId == configuration.clientId,
            clientSecret == configuration.clientSecret
        else {
            return oauthError("invalid_client", "Client authentication failed", .unauthorized)
        }
        let scopes = form["scope"] ?? "all-apis"
        let value = DatabricksTokenStore.newValue(prefix: "dpo")
        var caller = account.admin
        caller.tokenId = DatabricksIdentifiers.uuid()
        let lifetime: TimeInterval = 3600
        tokens.insert(
            DatabricksToken(
                id: caller.tokenId, kind: .oauth, scope: scope, caller: caller, comment: "OAuth M2M",
                createdAt: clock.now(), expiresAt: clock.now().addingTimeInterval(lifetime)),
            value: value)
        return .object([
            "access_token": .string(value), "token_type": "Bearer", "expires_in": .int(Int64(lifetime)),
            "scope": .string(scopes),
        ])
    }
}

extension PercentEncoding {
    /// The fields of an `application/x-www-form-urlencoded` body.
    static func decodeForm(_ body: String) -> [(String, String)]? {
        decodeQuery(body, plusAsSpace: true)?.map { ($0.name, $0.value) }
    }
}
