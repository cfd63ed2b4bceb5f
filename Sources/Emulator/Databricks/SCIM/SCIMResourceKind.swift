/// The SCIM resource types Databricks serves.
enum SCIMResourceKind: String, Sendable, CaseIterable, Codable {
    case users = "Users"
    case groups = "Groups"
    case servicePrincipals = "ServicePrincipals"

    var schema: String {
        switch self {
        case .users: "urn:ietf:params:scim:schemas:core:2.0:User"
        case .groups: "urn:ietf:params:scim:schemas:core:2.0:Group"
        case .servicePrincipals: "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"
        }
    }

    /// The attribute that must be unique (and that `filter` most often names).
    var uniqueAttribute: String {
        switch self {
        case .users: "userName"
        case .groups: "displayName"
        case .servicePrincipals: "applicationId"
        }
    }

    /// The singular, for messages.
    var noun: String {
        switch self {
        case .users: "User"
        case .groups: "Group"
        case .servicePrincipals: "Service principal"
        }
    }
}
