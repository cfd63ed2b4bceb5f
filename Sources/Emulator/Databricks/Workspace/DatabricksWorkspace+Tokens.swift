import Foundation

/// Personal access tokens (`/api/2.0/token`) and their administration (`/api/2.0/token-management`).
extension DatabricksWorkspace {
    static var tokenRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        [
            .init(.POST, "api/2.0/token/create") { workspace, call in
                try workspace.issueToken(for: call.caller, call: call)
            },
            .init(.GET, "api/2.0/token/list") { workspace, call in
                let tokens = workspace.account.tokens.personalAccessTokens(scope: .workspace(workspace.id))
                    .filter { $0.caller.id == call.caller.id }
                return .object(["token_infos": .array(tokens.map { .object(workspace.info($0, management: false)) })])
            },
            .init(.POST, "api/2.0/token/delete") { workspace, call in
                let id = try call.required("token_id")
                let mine = workspace.account.tokens.personalAccessTokens(scope: .workspace(workspace.id))
                    .contains { $0.id == id && $0.caller.id == call.caller.id }
                guard mine, workspace.account.tokens.remove(id: id) else {
                    throw DatabricksError.notFound("Token with id \(id) does not exist.")
                }
                return .empty
            },
            .init(.GET, "api/2.0/token-management/tokens") { workspace, call in
                try workspace.requireAdmin(call.caller)
                var tokens = workspace.account.tokens.personalAccessTokens(scope: .workspace(workspace.id))
                if let user = call.string("created_by_username") { tokens = tokens.filter { $0.caller.name == user } }
                if let id = call.string("created_by_id") { tokens = tokens.filter { $0.caller.id == id } }
                return .object(["token_infos": .array(tokens.map { .object(workspace.info($0, management: true)) })])
            },
            .init(.GET, "api/2.0/token-management/tokens/{token_id}") { workspace, call in
                try workspace.requireAdmin(call.caller)
                let id = call.parameter("token_id")
                guard
                    let token = workspace.account.tokens.personalAccessTokens(scope: .workspace(workspace.id))
                        .first(where: { $0.id == id })
                else { throw DatabricksError.notFound("Token with id \(id) does not exist.") }
                return .object(["token_info": .object(workspace.info(token, management: true))])
            },
            .init(.DELETE, "api/2.0/token-management/tokens/{token_id}") { workspace, call in
                try workspace.requireAdmin(call.caller)
                let id = call.parameter("token_id")
                let exists = workspace.account.tokens.personalAccessTokens(scope: .workspace(workspace.id))
                    .contains { $0.id == id }
                guard exists, workspace.account.tokens.remove(id: id) else {
                    throw DatabricksError.notFound("Token with id \(id) does not exist.")
                }
                return .empty
            },
            .init(.POST, "api/2.0/token-management/on-behalf-of/tokens") { workspace, call in
                try workspace.requireAdmin(call.caller)
                let applicationId = try call.required("application_id")
                guard let principal = workspace.scim.find(.servicePrincipals, applicationId),
                    let id = principal["id"]?.string
                else {
                    throw DatabricksError.notFound(
                        "Service principal \(applicationId) does not exist in this workspace.")
                }
                let owner = DatabricksCaller(
                    kind: .servicePrincipal, id: id, name: applicationId,
                    displayName: principal["displayName"]?.string ?? applicationId,
                    isAccountAdmin: id == workspace.account.admin.id, tokenId: "")
                return try workspace.issueToken(for: owner, call: call)
            },
        ]
    }

    func issueToken(for owner: DatabricksCaller, call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let lifetime = call.int("lifetime_seconds")
        if let lifetime, lifetime > 730 * 86_400 {
            throw .invalidParameter("Token lifetime exceeds the maximum of 730 days.")
        }
        let value = DatabricksTokenStore.newValue(prefix: "dapi")
        let id = DatabricksIdentifiers.hex(64)
        var caller = owner
        caller.tokenId = id
        let token = DatabricksToken(
            id: id, kind: .personalAccessToken, scope: .workspace(self.id), caller: caller,
            comment: call.string("comment") ?? "", createdAt: call.now,
            expiresAt: lifetime.flatMap { $0 > 0 ? call.now.addingTimeInterval(Double($0)) : nil })
        account.tokens.insert(token, value: value)
        return .object(["token_value": .string(value), "token_info": .object(info(token, management: false))])
    }

    func info(_ token: DatabricksToken, management: Bool) -> JSONObject {
        var info: JSONObject = [
            "token_id": .string(token.id), "creation_time": .millis(token.createdAt),
            "expiry_time": token.expiresAt.map(JSONValue.millis) ?? -1, "comment": .string(token.comment),
        ]
        if management {
            info["created_by_id"] = .int(Int64(token.caller.id) ?? 0)
            info["created_by_username"] = .string(token.caller.name)
            info["owner_id"] = .int(Int64(token.caller.id) ?? 0)
        }
        return info
    }
}
