import CloudClients

extension IAMClient {
    /// Deletes a role as IAM lets one be deleted: its managed policies detached and its inline policies deleted
    /// first (teardown, the generic steps' teardown, and sweep).
    func deleteRoleAndItsPolicies(_ name: String) async throws {
        for policy in try await listAttachedRolePolicies(role: name) {
            try await detachRolePolicy(role: name, policyArn: policy)
        }
        for policy in try await listRolePolicies(role: name) {
            try await deleteRolePolicy(role: name, name: policy)
        }
        try await deleteRole(name: name)
    }
}
