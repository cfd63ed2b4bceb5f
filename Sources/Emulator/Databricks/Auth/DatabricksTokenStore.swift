import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The bearer tokens of one emulator, by value. Values are kept only as SHA-256 digests, so a dump of the state
/// (or a log) never holds a usable token.
final class DatabricksTokenStore: Sendable {
    let tokensBox = NIOLockedValueBox<[String: DatabricksToken]>([:])

    /// Registers a token under its value.
    func insert(_ token: DatabricksToken, value: String) {
        tokensBox.withLockedValue { $0[Self.digest(value)] = token }
    }

    /// The token a value names, if any (expired ones included; the caller judges validity).
    func token(value: String) -> DatabricksToken? {
        tokensBox.withLockedValue { $0[Self.digest(value)] }
    }

    /// Removes tokens by id.
    /// - Returns: Whether one was removed.
    @discardableResult
    func remove(id: String) -> Bool {
        tokensBox.withLockedValue { tokens in
            let before = tokens.count
            tokens = tokens.filter { $0.value.id != id }
            return tokens.count != before
        }
    }

    /// Removes every token of a scope (a deleted workspace's).
    func removeAll(scope: DatabricksToken.Scope) {
        tokensBox.withLockedValue { tokens in tokens = tokens.filter { $0.value.scope != scope } }
    }

    /// The personal access tokens of a scope, oldest first.
    func personalAccessTokens(scope: DatabricksToken.Scope) -> [DatabricksToken] {
        tokensBox.withLockedValue { tokens in
            tokens.values.filter { $0.kind == .personalAccessToken && $0.scope == scope }
                .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    /// Forgets every token.
    func removeAll() {
        tokensBox.withLockedValue { $0.removeAll() }
    }

    static func digest(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new token value with Databricks' prefix (`dapi` for personal access tokens).
    static func newValue(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix
            + (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
