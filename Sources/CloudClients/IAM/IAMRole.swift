import AWSWire
import Foundation

/// An IAM role as `GetRole` and `ListRoles` describe it.
public struct IAMRole: Sendable, Equatable {
    /// The role's name.
    public var name: String
    /// The role's ARN.
    public var arn: String
    /// The role's unique id (`AROA...`).
    public var roleId: String
    /// When the role was created.
    public var created: Date?

    /// Creates a role description.
    public init(name: String, arn: String, roleId: String, created: Date?) {
        self.name = name
        self.arn = arn
        self.roleId = roleId
        self.created = created
    }

    /// Reads a `Role` (or list `member`) element.
    init(_ element: XMLTree) {
        self.init(
            name: element.text(of: "RoleName") ?? "", arn: element.text(of: "Arn") ?? "",
            roleId: element.text(of: "RoleId") ?? "",
            created: element.text(of: "CreateDate").flatMap { AWSDate.parseHTTPDate($0) })
    }
}
