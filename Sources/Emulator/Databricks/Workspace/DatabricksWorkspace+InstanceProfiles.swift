/// Instance profiles: add (validated by a dry run as the workspace's cross-account role), edit, list, remove.
extension DatabricksWorkspace {
    static var instanceProfileRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/instance-profiles"
        return [
            .init(.POST, "\(base)/add") { try $0.addInstanceProfile($1) },
            .init(.POST, "\(base)/edit") { try $0.editInstanceProfile($1) },
            .init(.GET, "\(base)/list") { workspace, _ in
                let profiles = workspace.state.withLockedValue { $0.instanceProfiles.values }
                return .object(["instance_profiles": .array(profiles.map(JSONValue.object))])
            },
            .init(.POST, "\(base)/remove") { try $0.removeInstanceProfile($1) },
        ]
    }

    func addInstanceProfile(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        try requireAdmin(call.caller)
        let arn = try call.required("instance_profile_arn")
        guard ARNFormat.isInstanceProfile(arn) else {
            throw .invalidParameter("Invalid instance profile ARN: \(arn)")
        }
        if let role = call.string("iam_role_arn"), !ARNFormat.isRole(role) {
            throw .invalidParameter("Invalid IAM role ARN: \(role)")
        }
        if state.withLockedValue({ $0.instanceProfiles.contains(arn) }) {
            throw .alreadyExists("Instance profile \(arn) already exists.")
        }
        let isMeta = call.bool("is_meta_instance_profile") ?? false
        if call.bool("skip_validation") != true, !isMeta {
            if let problem = account.validator.instanceProfileProblem(
                profileArn: arn, crossAccountRoleArn: account.crossAccountRole(ofWorkspace: id), region: region)
            {
                throw DatabricksError(
                    "DRY_RUN_FAILED", .badRequest,
                    "Verification of the instance profile failed. AWS error: \(problem)")
            }
        }
        var profile: JSONObject = ["instance_profile_arn": .string(arn), "is_meta_instance_profile": .bool(isMeta)]
        if let role = call.string("iam_role_arn") { profile["iam_role_arn"] = .string(role) }
        state.withLockedValue { $0.instanceProfiles[arn] = profile }
        return .empty
    }

    func editInstanceProfile(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        try requireAdmin(call.caller)
        let arn = try call.required("instance_profile_arn")
        try state.withLock { state throws(DatabricksError) in
            guard var profile = state.instanceProfiles[arn] else {
                throw .notFound("Instance profile \(arn) does not exist.")
            }
            if let role = call.string("iam_role_arn") { profile["iam_role_arn"] = .string(role) }
            if let meta = call.bool("is_meta_instance_profile") { profile["is_meta_instance_profile"] = .bool(meta) }
            state.instanceProfiles[arn] = profile
        }
        return .empty
    }

    func removeInstanceProfile(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        try requireAdmin(call.caller)
        let arn = try call.required("instance_profile_arn")
        try state.withLock { state throws(DatabricksError) in
            guard state.instanceProfiles.contains(arn) else {
                throw .notFound("Instance profile \(arn) does not exist.")
            }
            state.instanceProfiles[arn] = nil
        }
        return .empty
    }

    // MARK: - Administrators

    /// Whether a caller administers this workspace: an account admin, or a member of its `admins` group.
    func isAdmin(_ caller: DatabricksCaller) -> Bool {
        if caller.isAccountAdmin { return true }
        guard let admins = scim.find(.groups, "admins") else { return false }
        return admins["members"]?.array?.contains { $0["value"]?.string == caller.id } ?? false
    }

    func requireAdmin(_ caller: DatabricksCaller) throws(DatabricksError) {
        guard isAdmin(caller) else {
            throw .permissionDenied("Only workspace admins can perform this operation.")
        }
    }
}
