/// The `Principal` (or `NotPrincipal`) element of a statement: `"*"`, or principals grouped by type.
///
/// ```json
/// "Principal": "*"
/// "Principal": {"AWS": "arn:aws:iam::414351767826:root"}
/// "Principal": {"Service": ["ec2.amazonaws.com", "sagemaker.amazonaws.com"]}
/// ```
public struct PolicyPrincipal: Sendable, Equatable {
    /// The types of principal a policy can name.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Accounts (`123456789012`, `arn:aws:iam::123456789012:root`), users, roles, role sessions, federated users.
        case aws = "AWS"
        /// AWS services (`ec2.amazonaws.com`).
        case service = "Service"
        /// Identity providers (`cognito-identity.amazonaws.com`, `arn:aws:iam::123456789012:oidc-provider/...`).
        case federated = "Federated"
        /// S3 canonical user ids (64 hexadecimal digits).
        case canonicalUser = "CanonicalUser"
    }

    /// Whether the element is the string `"*"`: everyone, anonymous users included.
    public var isWildcard: Bool
    /// The principals by type, each type with one value or several. Empty for ``isWildcard``.
    public var values: [Kind: [String]]

    /// `"Principal": "*"`.
    public static let wildcard = PolicyPrincipal(isWildcard: true, values: [:])

    /// Creates an element that names principals by type.
    public init(_ values: [Kind: [String]]) {
        self.init(isWildcard: false, values: values)
    }

    private init(isWildcard: Bool, values: [Kind: [String]]) {
        self.isWildcard = isWildcard
        self.values = values
    }

    /// The values of one type, in document order (empty when the type is absent).
    public subscript(kind: Kind) -> [String] {
        values[kind] ?? []
    }

    /// The `AWS` principals.
    public var aws: [String] { self[.aws] }
    /// The `Service` principals.
    public var services: [String] { self[.service] }
    /// The `Federated` principals.
    public var federated: [String] { self[.federated] }
    /// The `CanonicalUser` principals.
    public var canonicalUsers: [String] { self[.canonicalUser] }

    /// Whether the element names everyone: `"*"` or `{"AWS": "*"}`, which AWS treats alike.
    public var includesEveryone: Bool {
        isWildcard || aws.contains("*")
    }
}
