import Foundation
import NIOHTTP1

/// The workspace's SCIM API (`/api/2.0/preview/scim/v2/`): Users, Groups, ServicePrincipals and Me.
extension DatabricksWorkspace {
    static var scimRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/preview/scim/v2"
        var routes: [DatabricksRoute<DatabricksWorkspace>] = [
            .init(.GET, "\(base)/Me") { workspace, call in
                var reply = DatabricksReply.object(workspace.me(call))
                reply.headers.add(name: "X-Databricks-Org-Id", value: String(workspace.id))
                return reply
            }
        ]
        for kind in SCIMResourceKind.allCases {
            for method in [HTTPMethod.GET, .POST] {
                routes.append(
                    .init(method, "\(base)/\(kind.rawValue)") { workspace, call in
                        if call.method != .GET { try workspace.requireAdmin(call.caller) }
                        return SCIMEndpoints(directory: workspace.scim).handle(kind, id: nil, call)
                    })
            }
            for method in [HTTPMethod.GET, .PUT, .PATCH, .DELETE] {
                routes.append(
                    .init(method, "\(base)/\(kind.rawValue)/{id}") { workspace, call in
                        if call.method != .GET { try workspace.requireAdmin(call.caller) }
                        return SCIMEndpoints(directory: workspace.scim).handle(kind, id: call.parameter("id"), call)
                    })
            }
        }
        return routes
    }

    /// The caller as a SCIM user (service principals answer with their application id as user name).
    func me(_ call: DatabricksCall) -> JSONObject {
        let caller = call.caller
        let kind: SCIMResourceKind = caller.kind == .user ? .users : .servicePrincipals
        var resource = scim.get(kind, id: caller.id) ?? [:]
        resource["id"] = .string(caller.id)
        resource["userName"] = .string(caller.name)
        resource["displayName"] = .string(caller.displayName)
        resource["active"] = true
        resource["schemas"] = [
            "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:workspace:2.0:User",
        ]
        if resource["emails"] == nil, caller.kind == .user {
            resource["emails"] = [["value": .string(caller.name), "type": "work", "primary": true]]
        }
        return resource
    }
}
