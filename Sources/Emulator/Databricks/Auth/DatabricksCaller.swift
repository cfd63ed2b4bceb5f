/// Who makes a Databricks call: the principal behind the token, and where the token is valid.
struct DatabricksCaller: Sendable, Equatable, Codable {
    enum Kind: String, Sendable, Codable {
        case user
        case servicePrincipal
    }

    /// A user or a service principal.
    var kind: Kind
    /// The SCIM id.
    var id: String
    /// The user name, or the service principal's application id.
    var name: String
    /// The display name.
    var displayName: String
    /// Whether it administers the account (and so every workspace of it).
    var isAccountAdmin: Bool
    /// The id of the token the call was made with.
    var tokenId: String
}
