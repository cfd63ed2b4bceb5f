import AWSWire
import Foundation

/// An IAM instance profile as `GetInstanceProfile` and `ListInstanceProfiles` describe it.
public struct IAMInstanceProfile: Sendable, Equatable {
    /// The instance profile's name.
    public var name: String
    /// The instance profile's ARN.
    public var arn: String
    /// The names of its roles (at most one).
    public var roles: [String]

    /// Creates an instance profile description.
    public init(name: String, arn: String, roles: [String]) {
        self.name = name
        self.arn = arn
        self.roles = roles
    }

    /// Reads an `InstanceProfile` (or list `member`) element.
    init(_ element: XMLTree) {
        self.init(
            name: element.text(of: "InstanceProfileName") ?? "", arn: element.text(of: "Arn") ?? "",
            roles: element.child("Roles")?.children("member").compactMap { $0.text(of: "RoleName") } ?? [])
    }
}
