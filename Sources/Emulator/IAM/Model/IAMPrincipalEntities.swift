import Foundation

/// A tag on an IAM entity.
struct IAMTag: Codable, Sendable, Equatable {
    var key: String
    var value: String
}

/// An inline policy embedded in a user, group or role.
struct IAMInlinePolicy: Codable, Sendable, Equatable {
    var name: String
    /// The document exactly as it was put.
    var document: String
}

/// The policies any principal-like entity carries.
protocol IAMPolicyHolder {
    var inlinePolicies: [IAMInlinePolicy] { get set }
    /// ARNs of attached managed policies, in attachment order.
    var attachedPolicies: [String] { get set }
}

/// An IAM user.
struct IAMUser: Codable, Sendable, Equatable, IAMPolicyHolder {
    var name: String
    var path: String
    var id: String
    var accountId: String
    var createDate: Date
    var tags: [IAMTag] = []
    var inlinePolicies: [IAMInlinePolicy] = []
    var attachedPolicies: [String] = []
    var permissionsBoundary: String?

    var arn: String { "arn:aws:iam::\(accountId):user\(path)\(name)" }
}

/// An IAM group.
struct IAMGroup: Codable, Sendable, Equatable, IAMPolicyHolder {
    var name: String
    var path: String
    var id: String
    var accountId: String
    var createDate: Date
    /// Member user names.
    var members: [String] = []
    var inlinePolicies: [IAMInlinePolicy] = []
    var attachedPolicies: [String] = []

    var arn: String { "arn:aws:iam::\(accountId):group\(path)\(name)" }
}

/// An IAM role.
struct IAMRole: Codable, Sendable, Equatable, IAMPolicyHolder {
    var name: String
    var path: String
    var id: String
    var accountId: String
    var createDate: Date
    var trustPolicy: String
    var description: String?
    var maxSessionDuration: Int = 3600
    var tags: [IAMTag] = []
    var inlinePolicies: [IAMInlinePolicy] = []
    var attachedPolicies: [String] = []
    var permissionsBoundary: String?
    var lastUsed: Date?

    var arn: String { "arn:aws:iam::\(accountId):role\(path)\(name)" }
}

/// An access key of a user.
struct IAMAccessKey: Codable, Sendable, Equatable {
    var id: String
    var secret: String
    var userName: String
    var accountId: String
    var active: Bool = true
    var createDate: Date
    var lastUsed: Date?
}
