/// What a policy document is for, which decides the rules it must follow and the messages its errors carry.
///
/// - ``identity``: an inline policy of a user, group or role (IAM `PutUserPolicy`, `PutGroupPolicy`,
///   `PutRolePolicy`; `MalformedPolicyDocument`). No principal; resources required.
/// - ``managedIdentity``: a customer managed policy (IAM `CreatePolicy`, `CreatePolicyVersion`;
///   `MalformedPolicyDocument`). As ``identity``, and `Version` must be `2012-10-17`.
/// - ``trust``: a role's trust policy (IAM `CreateRole`, `UpdateAssumeRolePolicy`; `MalformedPolicyDocument`).
///   Principal required; no resources; only `sts:` assume-role actions.
/// - ``resource(_:)``: a policy attached to a resource (S3 `PutBucketPolicy`; `MalformedPolicy`). Principal
///   required; resources of that resource only.
public struct PolicyKind: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable, Hashable {
        case identity(managed: Bool)
        case trust
        case resource(ResourceContext)
    }

    let storage: Storage

    /// An inline identity policy of a user, group or role.
    public static let identity = PolicyKind(storage: .identity(managed: false))
    /// A customer managed policy (or a new version of one), which must use `Version` `2012-10-17`.
    public static let managedIdentity = PolicyKind(storage: .identity(managed: true))
    /// A role's trust policy (assume-role policy document).
    public static let trust = PolicyKind(storage: .trust)

    /// A resource-based policy attached to a resource.
    /// - Parameter context: The resource the policy is attached to.
    public static func resource(_ context: ResourceContext) -> PolicyKind {
        PolicyKind(storage: .resource(context))
    }

    /// The resource a resource-based policy belongs to, or `nil` for identity and trust policies.
    public var resourceContext: ResourceContext? {
        if case .resource(let context) = storage { return context }
        return nil
    }

    /// The error code the owning service answers for a malformed document of this kind.
    public var errorCode: String {
        switch storage {
        case .identity, .trust: "MalformedPolicyDocument"
        case .resource(let context): context.errorCode
        }
    }

    public var description: String {
        switch storage {
        case .identity(let managed): managed ? "managed identity policy" : "identity policy"
        case .trust: "trust policy"
        case .resource(let context): "resource policy of \(context)"
        }
    }
}

/// The resource a resource-based policy is attached to.
public struct ResourceContext: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable, Hashable {
        case s3Bucket(String)
    }

    let storage: Storage

    /// The policy of an S3 bucket (`PutBucketPolicy`).
    /// - Parameter name: The bucket's name.
    public static func s3Bucket(_ name: String) -> ResourceContext {
        ResourceContext(storage: .s3Bucket(name))
    }

    /// The bucket's name, for the policy of an S3 bucket.
    public var bucketName: String? {
        switch storage {
        case .s3Bucket(let name): name
        }
    }

    var errorCode: String {
        switch storage {
        case .s3Bucket: "MalformedPolicy"
        }
    }

    public var description: String {
        switch storage {
        case .s3Bucket(let name): "bucket \(name)"
        }
    }
}
