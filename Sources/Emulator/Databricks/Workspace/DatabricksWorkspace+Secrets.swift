import Foundation

/// Secrets: scopes, secrets (values never listed), and their ACLs (MANAGE, WRITE, READ).
extension DatabricksWorkspace {
    static var secretRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/secrets"
        return [
            .init(.POST, "\(base)/scopes/create") { try $0.createScope($1) },
            .init(.GET, "\(base)/scopes/list") { workspace, call in
                let scopes = workspace.state.withLockedValue { $0.secretScopes.values }
                    .filter { workspace.permission(call.caller, $0) != nil }
                guard !scopes.isEmpty else { return .empty }
                return .object([
                    "scopes": .array(
                        scopes.map { ["name": .string($0.name), "backend_type": .string($0.backendType)] })
                ])
            },
            .init(.POST, "\(base)/scopes/delete") { try $0.deleteScope($1) },
            .init(.POST, "\(base)/put") { try $0.putSecret($1) },
            .init(.GET, "\(base)/list") { try $0.listSecrets($1) },
            .init(.GET, "\(base)/get") { try $0.getSecret($1) },
            .init(.POST, "\(base)/delete") { try $0.deleteSecret($1) },
            .init(.POST, "\(base)/acls/put") { try $0.putACL($1) },
            .init(.GET, "\(base)/acls/get") { try $0.getACL($1) },
            .init(.GET, "\(base)/acls/list") { try $0.listACLs($1) },
            .init(.POST, "\(base)/acls/delete") { try $0.deleteACL($1) },
        ]
    }

    // MARK: - Access

    func permission(_ caller: DatabricksCaller, _ scope: SecretScope) -> String? {
        if isAdmin(caller) { return "MANAGE" }
        let groups = Set(
            (scim.get(caller.kind == .user ? .users : .servicePrincipals, id: caller.id)?["groups"]?.array ?? [])
                .compactMap { $0["display"]?.string } + ["users"])
        let candidates = [caller.name] + groups
        return candidates.compactMap { scope.acls[$0] }.max { SecretScope.levels[$0]! < SecretScope.levels[$1]! }
    }

    private func withScope<T>(
        _ name: String, caller: DatabricksCaller, needs level: String,
        _ body: (inout SecretScope) throws(DatabricksError) -> T
    ) throws(DatabricksError) -> T {
        try state.withLock { state throws(DatabricksError) -> T in
            guard var scope = state.secretScopes[name] else { throw .notFound("Scope \(name) does not exist!") }
            let granted = permission(caller, scope).flatMap { SecretScope.levels[$0] } ?? 0
            guard granted >= SecretScope.levels[level]! else {
                throw .permissionDenied(
                    "User \(caller.name) does not have \(level) permission on scope \(name). "
                        + "Please contact the owner of the scope to get the required permission.")
            }
            let result = try body(&scope)
            state.secretScopes[name] = scope
            return result
        }
    }

    static func validateName(_ name: String, what: String) throws(DatabricksError) {
        guard !name.isEmpty, name.count <= 128,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            throw .invalidParameter(
                "\(what) name must consist of alphanumeric characters, dashes, underscores, and periods, and may not "
                    + "exceed 128 characters.")
        }
    }

    // MARK: - Scopes

    func createScope(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try call.required("scope")
        try Self.validateName(name, what: "Scope")
        let backend = call.string("scope_backend_type") ?? "DATABRICKS"
        guard backend == "DATABRICKS" else {
            throw .invalidParameter("Scope backend type \(backend) is not supported on AWS.")
        }
        var scope = SecretScope(name: name, backendType: backend)
        scope.acls[call.caller.name] = "MANAGE"
        if let principal = call.string("initial_manage_principal") {
            guard principal == "users" else {
                throw .invalidParameter("initial_manage_principal must be 'users' or omitted.")
            }
            scope.acls["users"] = "MANAGE"
        }
        try state.withLock { state throws(DatabricksError) in
            guard !state.secretScopes.contains(name) else { throw .alreadyExists("Scope \(name) already exists!") }
            guard state.secretScopes.count < 1000 else {
                throw .limitExceeded("Exceeded maximum number of secret scopes (1000).")
            }
            state.secretScopes[name] = scope
        }
        return .empty
    }

    func deleteScope(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try call.required("scope")
        try withScope(name, caller: call.caller, needs: "MANAGE") { _ in }
        state.withLockedValue { $0.secretScopes[name] = nil }
        return .empty
    }

    // MARK: - Secrets

    func putSecret(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let key = try call.required("key")
        try Self.validateName(key, what: "Secret key")
        let value: Data
        switch (call.string("string_value"), call.string("bytes_value")) {
        case (let string?, nil): value = Data(string.utf8)
        case (nil, let bytes?):
            guard let decoded = Data(base64Encoded: bytes) else {
                throw .invalidParameter("bytes_value must be base64 encoded.")
            }
            value = decoded
        case (nil, nil): throw .invalidParameter("Either string_value or bytes_value must be specified.")
        default: throw .invalidParameter("Only one of string_value or bytes_value may be specified.")
        }
        guard value.count <= 128 * 1024 else {
            throw .invalidParameter("Secret value exceeds the maximum size of 128 KB.")
        }
        try withScope(scopeName, caller: call.caller, needs: "WRITE") { scope throws(DatabricksError) in
            if !scope.secrets.contains(key), scope.secrets.count >= 1000 {
                throw .limitExceeded("Exceeded maximum number of secrets in scope \(scopeName) (1000).")
            }
            scope.secrets[key] = SecretScope.Secret(value: value, updated: call.now)
        }
        return .empty
    }

    func listSecrets(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let secrets = try withScope(scopeName, caller: call.caller, needs: "READ") { scope in
            scope.secrets.order.compactMap { key in
                scope.secrets[key].map { secret -> JSONValue in
                    ["key": .string(key), "last_updated_timestamp": .millis(secret.updated)]
                }
            }
        }
        return secrets.isEmpty ? .empty : .object(["secrets": .array(secrets)])
    }

    func getSecret(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let key = try call.required("key")
        let value = try withScope(scopeName, caller: call.caller, needs: "READ") { scope throws(DatabricksError) in
            guard let secret = scope.secrets[key] else {
                throw .notFound("Failed to get secret \(key) for scope \(scopeName).")
            }
            return secret.value
        }
        return .object(["key": .string(key), "value": .string(value.base64EncodedString())])
    }

    func deleteSecret(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let key = try call.required("key")
        try withScope(scopeName, caller: call.caller, needs: "WRITE") { scope throws(DatabricksError) in
            guard scope.secrets.contains(key) else { throw .notFound("Secret \(key) does not exist in \(scopeName).") }
            scope.secrets[key] = nil
        }
        return .empty
    }

    // MARK: - ACLs

    func putACL(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let principal = try call.required("principal")
        let level = try call.required("permission")
        guard SecretScope.levels[level] != nil else {
            throw .invalidParameter("Invalid permission \(level): must be MANAGE, WRITE or READ.")
        }
        try withScope(scopeName, caller: call.caller, needs: "MANAGE") { scope in scope.acls[principal] = level }
        return .empty
    }

    func getACL(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let principal = try call.required("principal")
        let level = try withScope(scopeName, caller: call.caller, needs: "MANAGE") { scope throws(DatabricksError) in
            guard let level = scope.acls[principal] else {
                throw .notFound("No ACL for principal \(principal) on scope \(scopeName).")
            }
            return level
        }
        return .object(["principal": .string(principal), "permission": .string(level)])
    }

    func listACLs(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let acls = try withScope(scopeName, caller: call.caller, needs: "MANAGE") { $0.acls }
        let items: [JSONValue] = acls.keys.sorted().map {
            ["principal": .string($0), "permission": .string(acls[$0]!)]
        }
        return .object(["items": .array(items)])
    }

    func deleteACL(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let scopeName = try call.required("scope")
        let principal = try call.required("principal")
        try withScope(scopeName, caller: call.caller, needs: "MANAGE") { scope throws(DatabricksError) in
            guard scope.acls.removeValue(forKey: principal) != nil else {
                throw .notFound("No ACL for principal \(principal) on scope \(scopeName).")
            }
        }
        return .empty
    }
}
