import Foundation
import NIOConcurrencyHelpers

/// One workspace's host: clusters, instance profiles, secrets, workspace objects, jobs, tokens, SCIM, repos,
/// cluster policies and DBFS, all on the emulator's clock.
final class DatabricksWorkspace: Sendable {
    let id: Int64
    let deploymentName: String
    let name: String
    let region: String
    unowned let account: DatabricksAccount
    let scim = SCIMDirectory()
    let state = NIOLockedValueBox(WorkspaceState())

    var clock: EmulatorClock { account.clock }
    var timings: DatabricksConfiguration.Timings { account.configuration.timings }
    var url: String { account.workspaceURL(deploymentName: deploymentName) }

    init(id: Int64, deploymentName: String, name: String, region: String, account: DatabricksAccount) {
        self.id = id
        self.deploymentName = deploymentName
        self.name = name
        self.region = region
        self.account = account
        let admin = account.admin
        _ = try? scim.create(
            .servicePrincipals,
            [
                "applicationId": .string(admin.name), "displayName": .string(admin.displayName),
                "entitlements": [["value": "workspace-access"], ["value": "allow-cluster-create"]],
            ], id: admin.id)
        _ = try? scim.create(.groups, ["displayName": "admins", "members": [["value": .string(admin.id)]]])
        _ = try? scim.create(.groups, ["displayName": "users", "members": [["value": .string(admin.id)]]])
        state.withLockedValue { state in
            state.objects.bootstrap(now: account.clock.now(), home: "/Users/\(admin.name)")
        }
    }

    func handle(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        settle(now: call.now)
        let reply = try Self.router.dispatch(self, call)
        if call.method != .GET {
            account.audit.record(
                call, service: call.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? "workspace",
                status: reply.status.code, workspaceId: id)
        }
        return reply
    }

    /// Moves clusters and runs along their lifecycles.
    func settle(now: Date) {
        settleClusters(now: now)
        settleRuns(now: now)
    }

    static let router = DatabricksRouter<DatabricksWorkspace>(
        clusterRoutes + instanceProfileRoutes + secretRoutes + objectRoutes + jobRoutes + tokenRoutes + scimRoutes
            + dbfsRoutes + repoRoutes + clusterPolicyRoutes + permissionRoutes + instancePoolRoutes + libraryRoutes)

    // MARK: - Identity federation

    /// Makes an account principal assigned to this workspace visible in its SCIM directory.
    func federate(_ kind: SCIMResourceKind, _ resource: JSONObject, admin: Bool) {
        guard let id = resource["id"]?.string else { return }
        if scim.get(kind, id: id) != nil {
            _ = try? scim.replace(kind, id: id, resource)
        } else {
            _ = try? scim.create(kind, resource, id: id)
        }
        if admin, let admins = scim.find(.groups, "admins"), let groupId = admins["id"]?.string {
            _ = try? scim.patch(
                .groups, id: groupId,
                ["Operations": [["op": "add", "path": "members", "value": [["value": .string(id)]]]]])
        }
    }

    func defederate(_ kind: SCIMResourceKind, id: String) {
        try? scim.delete(kind, id: id)
    }
}
