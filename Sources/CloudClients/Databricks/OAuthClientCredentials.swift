import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The OAuth client-credentials exchange as the Databricks SDKs do it: `/.well-known/databricks-config` names the
/// OIDC endpoint, its discovery document names the token endpoint, which takes the client id and secret in HTTP
/// Basic with `grant_type=client_credentials&scope=all-apis`.
struct OAuthClientCredentials: Sendable {
    let host: URL
    let clientId: String
    let clientSecret: String
    let transport: HTTPTransport

    struct Token: Sendable {
        var value: String
        var expiresIn: TimeInterval
    }

    func fetch() async throws -> Token {
        let config = try await getJSON(host.appendingPathComponent("/.well-known/databricks-config"))
        guard var oidc = config["oidc_endpoint"] as? String else {
            throw DatabricksAPIError(status: 0, code: "NO_OIDC_ENDPOINT", message: "The host names no oidc_endpoint.")
        }
        if let accountId = config["account_id"] as? String {
            oidc = oidc.replacingOccurrences(of: "{account_id}", with: accountId)
        }
        let discovery = try await getJSON(URL(string: oidc + "/.well-known/oauth-authorization-server")!)
        guard let tokenEndpoint = (discovery["token_endpoint"] as? String).flatMap(URL.init(string:)) else {
            throw DatabricksAPIError(status: 0, code: "NO_TOKEN_ENDPOINT", message: "The OIDC discovery names none.")
        }
        var request = URLRequest(url: tokenEndpoint)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let basic = Data("\(clientId):\(clientSecret)".utf8).base64EncodedString()
        request.setValue("Basic \(basic)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data("grant_type=client_credentials&scope=all-apis".utf8)
        let response = try await transport.send(request)
        try DatabricksClient.check(response)
        guard let object = response.object, let token = object["access_token"] as? String else {
            throw DatabricksAPIError(status: response.status, code: "NO_TOKEN", message: "No access_token.")
        }
        return Token(value: token, expiresIn: (object["expires_in"] as? NSNumber)?.doubleValue ?? 3600)
    }

    private func getJSON(_ url: URL) async throws -> [String: Any] {
        let response = try await transport.send(URLRequest(url: url))
        try DatabricksClient.check(response)
        return response.object ?? [:]
    }
}
