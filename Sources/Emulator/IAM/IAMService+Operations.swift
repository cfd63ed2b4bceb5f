extension IAMService {
    /// Every action IAM answers, by name.
    static let operations: [String: Operation] = [
        "CreateUser": { $0.createUser }, "GetUser": { $0.getUser }, "ListUsers": { $0.listUsers },
        "UpdateUser": { $0.updateUser }, "DeleteUser": { $0.deleteUser },
        "TagUser": { $0.tagUser }, "UntagUser": { $0.untagUser }, "ListUserTags": { $0.listUserTags },
        "PutUserPermissionsBoundary": { $0.putUserPermissionsBoundary },
        "DeleteUserPermissionsBoundary": { $0.deleteUserPermissionsBoundary },
        "CreateAccessKey": { $0.createAccessKey }, "ListAccessKeys": { $0.listAccessKeys },
        "UpdateAccessKey": { $0.updateAccessKey }, "DeleteAccessKey": { $0.deleteAccessKey },
        "GetAccessKeyLastUsed": { $0.getAccessKeyLastUsed },
        "CreateGroup": { $0.createGroup }, "GetGroup": { $0.getGroup }, "ListGroups": { $0.listGroups },
        "DeleteGroup": { $0.deleteGroup }, "AddUserToGroup": { $0.addUserToGroup },
        "RemoveUserFromGroup": { $0.removeUserFromGroup }, "ListGroupsForUser": { $0.listGroupsForUser },
        "CreateRole": { $0.createRole }, "GetRole": { $0.getRole }, "ListRoles": { $0.listRoles },
        "UpdateRole": { $0.updateRole }, "UpdateRoleDescription": { $0.updateRoleDescription },
        "UpdateAssumeRolePolicy": { $0.updateAssumeRolePolicy }, "DeleteRole": { $0.deleteRole },
        "TagRole": { $0.tagRole }, "UntagRole": { $0.untagRole }, "ListRoleTags": { $0.listRoleTags },
        "PutRolePermissionsBoundary": { $0.putRolePermissionsBoundary },
        "DeleteRolePermissionsBoundary": { $0.deleteRolePermissionsBoundary },
        "PutUserPolicy": { service in { context throws(QueryError) in try service.putInlinePolicy(context, .user) } },
        "GetUserPolicy": { service in { context throws(QueryError) in try service.getInlinePolicy(context, .user) } },
        "ListUserPolicies": { service in
            { context throws(QueryError) in try service.listInlinePolicies(context, .user) }
        },
        "DeleteUserPolicy": { service in
            { context throws(QueryError) in try service.deleteInlinePolicy(context, .user) }
        },
        "PutGroupPolicy": { service in { context throws(QueryError) in try service.putInlinePolicy(context, .group) } },
        "GetGroupPolicy": { service in { context throws(QueryError) in try service.getInlinePolicy(context, .group) } },
        "ListGroupPolicies": { service in
            { context throws(QueryError) in try service.listInlinePolicies(context, .group) }
        },
        "DeleteGroupPolicy": { service in
            { context throws(QueryError) in try service.deleteInlinePolicy(context, .group) }
        },
        "PutRolePolicy": { service in { context throws(QueryError) in try service.putInlinePolicy(context, .role) } },
        "GetRolePolicy": { service in { context throws(QueryError) in try service.getInlinePolicy(context, .role) } },
        "ListRolePolicies": { service in
            { context throws(QueryError) in try service.listInlinePolicies(context, .role) }
        },
        "DeleteRolePolicy": { service in
            { context throws(QueryError) in try service.deleteInlinePolicy(context, .role) }
        },
        "AttachUserPolicy": { service in { context throws(QueryError) in try service.attachPolicy(context, .user) } },
        "DetachUserPolicy": { service in { context throws(QueryError) in try service.detachPolicy(context, .user) } },
        "ListAttachedUserPolicies": { service in
            { context throws(QueryError) in try service.listAttachedPolicies(context, .user) }
        },
        "AttachGroupPolicy": { service in { context throws(QueryError) in try service.attachPolicy(context, .group) } },
        "DetachGroupPolicy": { service in { context throws(QueryError) in try service.detachPolicy(context, .group) } },
        "ListAttachedGroupPolicies": { service in
            { context throws(QueryError) in try service.listAttachedPolicies(context, .group) }
        },
        "AttachRolePolicy": { service in { context throws(QueryError) in try service.attachPolicy(context, .role) } },
        "DetachRolePolicy": { service in { context throws(QueryError) in try service.detachPolicy(context, .role) } },
        "ListAttachedRolePolicies": { service in
            { context throws(QueryError) in try service.listAttachedPolicies(context, .role) }
        },
        "CreatePolicy": { $0.createPolicy }, "GetPolicy": { $0.getPolicy }, "ListPolicies": { $0.listPolicies },
        "DeletePolicy": { $0.deletePolicy }, "CreatePolicyVersion": { $0.createPolicyVersion },
        "GetPolicyVersion": { $0.getPolicyVersion }, "ListPolicyVersions": { $0.listPolicyVersions },
        "DeletePolicyVersion": { $0.deletePolicyVersion }, "SetDefaultPolicyVersion": { $0.setDefaultPolicyVersion },
        "ListEntitiesForPolicy": { $0.listEntitiesForPolicy },
        "CreateInstanceProfile": { $0.createInstanceProfile }, "GetInstanceProfile": { $0.getInstanceProfile },
        "ListInstanceProfiles": { $0.listInstanceProfiles },
        "ListInstanceProfilesForRole": { $0.listInstanceProfilesForRole },
        "AddRoleToInstanceProfile": { $0.addRoleToInstanceProfile },
        "RemoveRoleFromInstanceProfile": { $0.removeRoleFromInstanceProfile },
        "DeleteInstanceProfile": { $0.deleteInstanceProfile },
        "SimulatePrincipalPolicy": { $0.simulatePrincipalPolicy },
        "SimulateCustomPolicy": { $0.simulateCustomPolicy },
        "ListAccountAliases": { $0.listAccountAliases },
    ]
}
