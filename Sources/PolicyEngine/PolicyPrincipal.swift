/// The `Principal` (or `NotPrincipal`) of a statement.
public enum PolicyPrincipal: Sendable, Equatable {
    /// `"*"`: everyone, anonymous included.
    case anyone
    /// Principals by type: `AWS` (accounts, users, roles, sessions), `Service`, `Federated`, `CanonicalUser`.
    case identities([String: [String]])

    /// The principal types a policy may name.
    public static let types: Set<String> = ["AWS", "Service", "Federated", "CanonicalUser"]

    /// The values of one type.
    public func values(of type: String) -> [String] {
        switch self {
        case .anyone: ["*"]
        case .identities(let identities): identities[type] ?? []
        }
    }
}
