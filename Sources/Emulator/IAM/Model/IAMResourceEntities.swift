import Foundation

/// One version of a customer managed policy.
struct IAMPolicyVersion: Codable, Sendable, Equatable {
    var id: String
    var document: String
    var createDate: Date
}

/// A customer managed policy.
struct IAMManagedPolicy: Codable, Sendable, Equatable {
    var name: String
    var path: String
    var id: String
    var accountId: String
    var description: String?
    var createDate: Date
    var updateDate: Date
    var versions: [IAMPolicyVersion]
    var defaultVersionId: String
    /// The number of the next version (`v<N>`); numbers are never reused.
    var nextVersion: Int
    var tags: [IAMTag] = []

    var arn: String { "arn:aws:iam::\(accountId):policy\(path)\(name)" }
    var defaultDocument: String { versions.first { $0.id == defaultVersionId }?.document ?? "" }
}

/// An instance profile.
struct IAMInstanceProfile: Codable, Sendable, Equatable {
    var name: String
    var path: String
    var id: String
    var accountId: String
    var createDate: Date
    var roleNames: [String] = []
    var tags: [IAMTag] = []

    var arn: String { "arn:aws:iam::\(accountId):instance-profile\(path)\(name)" }
}
