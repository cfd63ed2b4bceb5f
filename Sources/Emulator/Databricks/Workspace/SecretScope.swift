import Foundation

/// A secret scope: its secrets (values kept as bytes, never listed) and its access control list.
struct SecretScope: Sendable, Codable {
    struct Secret: Sendable, Codable {
        var value: Data
        var updated: Date
    }

    var name: String
    var backendType: String
    var secrets = DatabricksTable<Secret>()
    /// Principal -> MANAGE, WRITE or READ.
    var acls: [String: String] = [:]

    static let levels = ["READ": 1, "WRITE": 2, "MANAGE": 3]
}
