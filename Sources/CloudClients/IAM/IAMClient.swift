import AWSWire
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An IAM client: roles, their inline and managed policies, instance profiles, and the policy simulator.
///
/// ```swift
/// let iam = IAMClient(endpoint: url, credentials: credentials)
/// let arn = try await iam.createRole(name: "reader", trustPolicy: trust)
/// try await iam.attachRolePolicy(role: "reader", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess")
/// ```
///
/// Every method throws ``AWSServiceError`` (`NoSuchEntity`, `EntityAlreadyExists`, `DeleteConflict`, ...) when IAM
/// refuses. List methods follow `Marker` / `IsTruncated` to the last page.
public struct IAMClient: Sendable {
    /// The query-protocol client underneath (for actions this type has no method for).
    public var query: QueryClient

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: The service endpoint.
    ///   - credentials: The credentials to sign with.
    ///   - region: The signing region (IAM is global; `us-east-1` is what the SDKs sign with).
    ///   - transport: How requests are sent.
    public init(
        endpoint: URL, credentials: AWSCredentials, region: String = "us-east-1",
        transport: HTTPTransport = HTTPTransport()
    ) {
        query = QueryClient(
            endpoint: endpoint, credentials: credentials, service: "iam", version: "2010-05-08", region: region,
            transport: transport)
    }

    // MARK: - Roles

    /// `CreateRole`.
    /// - Parameters:
    ///   - name: The role's name.
    ///   - trustPolicy: The assume-role policy document (JSON).
    ///   - tags: Tags to create the role with.
    /// - Returns: The role's ARN.
    @discardableResult
    public func createRole(name: String, trustPolicy: String, tags: [String: String] = [:]) async throws -> String {
        let parameters = [("RoleName", name), ("AssumeRolePolicyDocument", trustPolicy)] + Self.tagParameters(tags)
        let result = try await query.call("CreateRole", parameters)
        return result.child("Role")?.text(of: "Arn") ?? ""
    }

    /// `GetRole`.
    /// - Throws: ``AWSServiceError`` `NoSuchEntity` when there is no such role.
    public func getRole(name: String) async throws -> IAMRole {
        let result = try await query.call("GetRole", [("RoleName", name)])
        return IAMRole(result.child("Role") ?? XMLTree(name: "Role"))
    }

    /// `DeleteRole` (the role must have no policies and be in no instance profile).
    public func deleteRole(name: String) async throws {
        _ = try await query.call("DeleteRole", [("RoleName", name)])
    }

    /// `ListRoles`, every page.
    public func listRoles() async throws -> [IAMRole] {
        try await members("ListRoles", list: "Roles").map(IAMRole.init)
    }

    /// `TagRole`: adds tags or replaces the values of existing keys.
    public func tagRole(name: String, tags: [String: String]) async throws {
        _ = try await query.call("TagRole", [("RoleName", name)] + Self.tagParameters(tags))
    }

    /// `ListRoleTags`, every page.
    /// - Returns: The role's tags by key.
    public func listRoleTags(name: String) async throws -> [String: String] {
        Self.tags(try await members("ListRoleTags", [("RoleName", name)], list: "Tags"))
    }

    // MARK: - Role policies

    /// `PutRolePolicy`: creates or replaces an inline policy of a role.
    /// - Parameters:
    ///   - role: The role's name.
    ///   - name: The policy's name.
    ///   - document: The policy document (JSON).
    public func putRolePolicy(role: String, name: String, document: String) async throws {
        _ = try await query.call(
            "PutRolePolicy", [("RoleName", role), ("PolicyName", name), ("PolicyDocument", document)])
    }

    /// `DeleteRolePolicy`: deletes an inline policy of a role.
    public func deleteRolePolicy(role: String, name: String) async throws {
        _ = try await query.call("DeleteRolePolicy", [("RoleName", role), ("PolicyName", name)])
    }

    /// `ListRolePolicies`, every page.
    /// - Returns: The names of the role's inline policies.
    public func listRolePolicies(role: String) async throws -> [String] {
        try await members("ListRolePolicies", [("RoleName", role)], list: "PolicyNames").map(\.text)
    }

    /// `AttachRolePolicy`: attaches a managed policy to a role.
    public func attachRolePolicy(role: String, policyArn: String) async throws {
        _ = try await query.call("AttachRolePolicy", [("RoleName", role), ("PolicyArn", policyArn)])
    }

    /// `DetachRolePolicy`: detaches a managed policy from a role.
    public func detachRolePolicy(role: String, policyArn: String) async throws {
        _ = try await query.call("DetachRolePolicy", [("RoleName", role), ("PolicyArn", policyArn)])
    }

    /// `ListAttachedRolePolicies`, every page.
    /// - Returns: The ARNs of the managed policies attached to the role.
    public func listAttachedRolePolicies(role: String) async throws -> [String] {
        try await members("ListAttachedRolePolicies", [("RoleName", role)], list: "AttachedPolicies")
            .compactMap { $0.text(of: "PolicyArn") }
    }

    // MARK: - Managed policies

    /// `GetPolicy`.
    /// - Parameter arn: The managed policy's ARN.
    /// - Returns: The policy's name.
    /// - Throws: ``AWSServiceError`` `NoSuchEntity` when there is no such policy.
    public func getPolicy(arn: String) async throws -> String {
        let result = try await query.call("GetPolicy", [("PolicyArn", arn)])
        return result.child("Policy")?.text(of: "PolicyName") ?? ""
    }

    /// `ListPolicies`, every page.
    /// - Parameter scope: `AWS` (AWS managed policies), `Local` (the account's own) or `All`.
    /// - Returns: The policies' names.
    public func listPolicies(scope: String = "AWS") async throws -> [String] {
        try await members("ListPolicies", [("Scope", scope), ("MaxItems", "1000")], list: "Policies")
            .compactMap { $0.text(of: "PolicyName") }
    }

    // MARK: - Instance profiles

    /// `CreateInstanceProfile`.
    /// - Returns: The instance profile's ARN.
    @discardableResult
    public func createInstanceProfile(name: String, tags: [String: String] = [:]) async throws -> String {
        let result = try await query.call(
            "CreateInstanceProfile", [("InstanceProfileName", name)] + Self.tagParameters(tags))
        return result.child("InstanceProfile")?.text(of: "Arn") ?? ""
    }

    /// `GetInstanceProfile`.
    /// - Throws: ``AWSServiceError`` `NoSuchEntity` when there is no such instance profile.
    public func getInstanceProfile(name: String) async throws -> IAMInstanceProfile {
        let result = try await query.call("GetInstanceProfile", [("InstanceProfileName", name)])
        return IAMInstanceProfile(result.child("InstanceProfile") ?? XMLTree(name: "InstanceProfile"))
    }

    /// `AddRoleToInstanceProfile` (an instance profile holds at most one role).
    public func addRoleToInstanceProfile(profile: String, role: String) async throws {
        _ = try await query.call("AddRoleToInstanceProfile", [("InstanceProfileName", profile), ("RoleName", role)])
    }

    /// `RemoveRoleFromInstanceProfile`.
    public func removeRoleFromInstanceProfile(profile: String, role: String) async throws {
        _ = try await query.call(
            "RemoveRoleFromInstanceProfile", [("InstanceProfileName", profile), ("RoleName", role)])
    }

    /// `DeleteInstanceProfile` (its role must have been removed first).
    public func deleteInstanceProfile(name: String) async throws {
        _ = try await query.call("DeleteInstanceProfile", [("InstanceProfileName", name)])
    }

    /// `ListInstanceProfiles`, every page.
    public func listInstanceProfiles() async throws -> [IAMInstanceProfile] {
        try await members("ListInstanceProfiles", list: "InstanceProfiles").map(IAMInstanceProfile.init)
    }

    /// The tags of an instance profile, as `GetInstanceProfile` returns them with the profile.
    ///
    /// Read from `GetInstanceProfile` rather than `ListInstanceProfileTags`, which the emulator does not answer;
    /// both return the same tags on AWS.
    /// - Returns: The instance profile's tags by key.
    /// - Throws: ``AWSServiceError`` `NoSuchEntity` when there is no such instance profile.
    public func listInstanceProfileTags(name: String) async throws -> [String: String] {
        let result = try await query.call("GetInstanceProfile", [("InstanceProfileName", name)])
        return Self.tags(result.child("InstanceProfile")?.child("Tags")?.children("member") ?? [])
    }

    // MARK: - Simulation

    /// `SimulatePrincipalPolicy`: how the policies of a user, group or role decide each action on each resource.
    /// - Parameters:
    ///   - principalArn: The user, group or role whose policies are simulated.
    ///   - actions: The actions (`s3:GetObject`).
    ///   - resources: The resources' ARNs; none simulates `*`.
    ///   - resourcePolicy: The resources' policy (a bucket policy), evaluated with the principal's.
    ///   - resourceOwner: The account that owns the resources (`arn:aws:iam::123456789012:root`).
    /// - Returns: One result for each action and resource, every page.
    public func simulatePrincipalPolicy(
        principalArn: String, actions: [String], resources: [String] = [], resourcePolicy: String? = nil,
        resourceOwner: String? = nil
    ) async throws -> [IAMSimulationResult] {
        var parameters = [("PolicySourceArn", principalArn)]
        if let resourcePolicy { parameters.append(("ResourcePolicy", resourcePolicy)) }
        if let resourceOwner { parameters.append(("ResourceOwner", resourceOwner)) }
        for (index, action) in actions.enumerated() { parameters.append(("ActionNames.member.\(index + 1)", action)) }
        for (index, resource) in resources.enumerated() {
            parameters.append(("ResourceArns.member.\(index + 1)", resource))
        }
        return try await members("SimulatePrincipalPolicy", parameters, list: "EvaluationResults").map {
            IAMSimulationResult(
                action: $0.text(of: "EvalActionName") ?? "", resource: $0.text(of: "EvalResourceName") ?? "",
                decision: $0.text(of: "EvalDecision") ?? "")
        }
    }

    // MARK: - Wire helpers

    /// Calls a list action page after page (`Marker` / `IsTruncated`).
    /// - Parameters:
    ///   - action: The action (`ListRoles`).
    ///   - parameters: Its parameters, without `Marker`.
    ///   - list: The list element of the result (`Roles`).
    /// - Returns: The `member` elements of every page, in order.
    public func members(
        _ action: String, _ parameters: [(String, String)] = [], list: String
    ) async throws -> [XMLTree] {
        var members: [XMLTree] = []
        var marker: String?
        repeat {
            let page = parameters + (marker.map { [("Marker", $0)] } ?? [])
            let result = try await query.call(action, page)
            members += result.child(list)?.children("member") ?? []
            marker = result.text(of: "IsTruncated") == "true" ? result.text(of: "Marker") : nil
        } while marker != nil
        return members
    }

    /// Tags as the query protocol sends them (`Tags.member.N.Key` / `Value`), ordered by key.
    static func tagParameters(_ tags: [String: String]) -> [(String, String)] {
        tags.sorted { $0.key < $1.key }.enumerated().flatMap { index, tag in
            [("Tags.member.\(index + 1).Key", tag.key), ("Tags.member.\(index + 1).Value", tag.value)]
        }
    }

    /// Reads `member` elements with `Key` and `Value`.
    static func tags(_ members: [XMLTree]) -> [String: String] {
        var tags: [String: String] = [:]
        for member in members {
            if let key = member.text(of: "Key") { tags[key] = member.text(of: "Value") ?? "" }
        }
        return tags
    }
}
