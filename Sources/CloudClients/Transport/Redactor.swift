import Foundation

/// Removes secrets from what clients capture, before anything keeps it: authorization and token headers, signature
/// query parameters, secret fields of JSON, XML and form bodies, and any known secret value wherever it appears.
///
/// ```swift
/// let redactor = Redactor(secrets: [credentials.secretAccessKey])
/// redactor.body(#"{"token_value":"dapi123"}"#)   // {"token_value":"<redacted>"}
/// ```
public struct Redactor: Sendable {
    /// What replaces a secret.
    public static let mask = "<redacted>"

    /// Header names whose values are secrets (lowercased).
    public static let secretHeaders: Set<String> = [
        "authorization", "x-amz-security-token", "cookie", "set-cookie", "proxy-authorization",
        "x-amz-server-side-encryption-customer-key", "x-databricks-azure-sp-management-token",
    ]

    /// Query parameters whose values are secrets (lowercased).
    public static let secretQueryParameters: Set<String> = [
        "x-amz-signature", "x-amz-security-token", "signature", "client_secret", "token", "access_token",
    ]

    /// Body fields (JSON keys, XML elements, form fields) whose values are secrets.
    public static let secretFields: [String] = [
        "SecretAccessKey", "SessionToken", "secret_access_key", "session_token", "token_value", "client_secret",
        "access_token", "refresh_token", "id_token", "string_value", "bytes_value", "password", "Password",
        "secret", "token", "PrivateKey",
    ]

    /// Values redacted wherever they appear (secret keys, tokens the run knows about).
    public var secrets: [String]

    /// Creates a redactor that also hides these values (empty and very short ones are ignored).
    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 6 }
    }

    /// A header's value as it may be kept.
    public func header(_ name: String, _ value: String) -> String {
        let lower = name.lowercased()
        if Self.secretHeaders.contains(lower) {
            // Keep the scheme and the access key id of a SigV4 header: they help and are not secret.
            if lower == "authorization", value.hasPrefix("AWS4-HMAC-SHA256"),
                let credential = value.split(separator: ",").first
            {
                return "\(credential), SignedHeaders=..., Signature=\(Self.mask)"
            }
            if lower == "authorization", let space = value.firstIndex(of: " ") {
                return "\(value[..<space]) \(Self.mask)"
            }
            return Self.mask
        }
        return literal(value)
    }

    /// Every header, redacted, names lowercased.
    public func headers(_ headers: [String: String]) -> [String: String] {
        var redacted: [String: String] = [:]
        for (name, value) in headers { redacted[name.lowercased()] = header(name, value) }
        return redacted
    }

    /// A URL with its secret query parameters masked.
    public func url(_ url: URL) -> String {
        let text = url.absoluteString
        guard let question = text.firstIndex(of: "?") else { return literal(text) }
        let parameters = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
            .map { parameter -> String in
                let name = parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                let decoded = name.removingPercentEncoding ?? name
                return Self.secretQueryParameters.contains(decoded.lowercased())
                    ? "\(name)=\(Self.mask)" : String(parameter)
            }
        return literal(String(text[...question]) + parameters.joined(separator: "&"))
    }

    /// A body with secret fields and known secret values masked.
    public func body(_ text: String) -> String {
        var text = text
        for (pattern, template) in Self.bodyRules {
            text = pattern.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return literal(text)
    }

    /// For each secret field, its JSON, XML and form shapes, compiled once (every captured exchange goes through them).
    private static let bodyRules: [(NSRegularExpression, String)] = secretFields.flatMap { field in
        [
            (#"("\#(field)"\s*:\s*)"(?:[^"\\]|\\.)*""#, "$1\"\(mask)\""),
            (#"(<\#(field)>)[^<]*(</\#(field)>)"#, "$1\(mask)$2"),
            (#"((?:^|&)\#(field)=)[^&]*"#, "$1\(mask)"),
        ].compactMap { pattern, template in
            (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
        }
    }

    /// Masks the known secret values.
    public func literal(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: Self.mask)
        }
        return text
    }
}
