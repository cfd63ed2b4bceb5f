import Foundation

/// A bearer token the emulator issued: a personal access token or an OAuth access token.
struct DatabricksToken: Sendable, Codable {
    /// Where a token is accepted.
    enum Scope: Sendable, Equatable, Codable {
        /// The account host and every workspace of the account (the bootstrap token).
        case everywhere
        /// The account host only (an OAuth token from the account's token endpoint).
        case account
        /// One workspace host.
        case workspace(Int64)
    }

    enum Kind: String, Sendable, Codable {
        case personalAccessToken
        case oauth
    }

    var id: String
    var kind: Kind
    var scope: Scope
    var caller: DatabricksCaller
    var comment: String
    var createdAt: Date
    /// `nil` for a token that never expires.
    var expiresAt: Date?

    func isValid(on scope: Scope, at now: Date) -> Bool {
        if let expiresAt, expiresAt <= now { return false }
        switch (self.scope, scope) {
        case (.everywhere, _): return true
        case (.account, .account): return true
        case (.workspace(let mine), .workspace(let asked)): return mine == asked
        default: return false
        }
    }
}
