import CloudClients
import Foundation

extension Sweeper {
    func sweepBuckets(_ report: inout Report) async {
        let s3 = session.s3()
        for bucket in (try? await s3.listBuckets()) ?? [] where bucket.name.hasPrefix(ResourceNames.prefix) {
            let tag = (try? await s3.bucketTagging(bucket.name))?[ResourceNames.runTag]
            guard selects(runTag: tag, &report) else { continue }
            await handle(Leftover(kind: .bucket, name: bucket.name, runId: tag), &report) {
                try await s3.emptyAndDeleteBucket(bucket.name)
            }
        }
    }

    func sweepRoles(_ report: inout Report) async {
        let iam = session.iam()
        for role in (try? await iam.listRoles()) ?? [] where role.name.hasPrefix(ResourceNames.prefix) {
            let tag = (try? await iam.listRoleTags(name: role.name))?[ResourceNames.runTag]
            guard selects(runTag: tag, &report) else { continue }
            await handle(Leftover(kind: .role, name: role.name, runId: tag), &report) {
                try await iam.deleteRoleAndItsPolicies(role.name)
            }
        }
    }

    func sweepInstanceProfiles(_ report: inout Report) async {
        let iam = session.iam()
        for profile in (try? await iam.listInstanceProfiles()) ?? [] where profile.name.hasPrefix(ResourceNames.prefix)
        {
            let tag = (try? await iam.listInstanceProfileTags(name: profile.name))?[ResourceNames.runTag]
            guard selects(runTag: tag, &report) else { continue }
            await handle(Leftover(kind: .instanceProfile, name: profile.name, runId: tag), &report) {
                for role in profile.roles {
                    try await iam.removeRoleFromInstanceProfile(profile: profile.name, role: role)
                }
                try await iam.deleteInstanceProfile(name: profile.name)
            }
        }
    }

    func sweepStreams(_ report: inout Report) async {
        let kinesis = session.kinesis()
        for stream in (try? await kinesis.listStreams()) ?? [] where stream.hasPrefix(ResourceNames.prefix) {
            let tag = (try? await kinesis.listTags(stream: stream))?[ResourceNames.runTag]
            guard selects(runTag: tag, &report) else { continue }
            await handle(Leftover(kind: .stream, name: stream, runId: tag), &report) {
                try await kinesis.deleteStream(name: stream)
            }
        }
    }

    /// The account objects, workspaces first: `(kind, collection, id field, name field)`.
    static let databricksCollections: [(ResourceKind, String, String, String)] = [
        (.workspace, "workspaces", "workspace_id", "workspace_name"),
        (
            .privateAccessSettings, "private-access-settings", "private_access_settings_id",
            "private_access_settings_name"
        ),
        (.network, "networks", "network_id", "network_name"),
        (.vpcEndpoint, "vpc-endpoints", "vpc_endpoint_id", "vpc_endpoint_name"),
        (.storageConfiguration, "storage-configurations", "storage_configuration_id", "storage_configuration_name"),
        (.credentials, "credentials", "credentials_id", "credentials_name"),
    ]

    func sweepDatabricks(_ report: inout Report) async {
        let account = session.databricksAccount()
        let base = session.accountPath
        var deletedWorkspaces: [String] = []
        for (kind, collection, idField, nameField) in Self.databricksCollections {
            if kind != .workspace, !deletedWorkspaces.isEmpty, !dryRun {
                await waitUntilGone(deletedWorkspaces, account: account)
                deletedWorkspaces.removeAll()
            }
            for object in (try? await account.list("\(base)/\(collection)")) ?? [] {
                let name = object[nameField] as? String ?? ""
                let created = (object["creation_time"] as? NSNumber).map {
                    Date(timeIntervalSince1970: $0.doubleValue / 1000)
                }
                guard selects(name: name, created: created, &report) else { continue }
                let id = (object[idField] as? NSNumber)?.stringValue ?? object[idField] as? String ?? ""
                if kind == .workspace, object["workspace_status"] as? String == "CANCELLING" { continue }
                await handle(Leftover(kind: kind, name: "\(name) (\(id))", runId: nil), &report) {
                    _ = try await account.json("DELETE", "\(base)/\(collection)/\(id)")
                }
                if kind == .workspace { deletedWorkspaces.append(id) }
            }
        }
    }

    private func waitUntilGone(_ workspaces: [String], account: DatabricksClient) async {
        var delay = 1.0
        for _ in 0..<200 {
            var remaining = 0
            for id in workspaces {
                let response = try? await account.send("GET", "\(session.accountPath)/workspaces/\(id)")
                if let response, response.status != 404 { remaining += 1 }
            }
            if remaining == 0 { return }
            if let clock = session.clock {
                try? await clock.advance(by: delay)
            } else {
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
            delay = min(delay * 2, 15)
        }
    }
}
