import Foundation
import NIOConcurrencyHelpers

/// Users, groups and service principals of an account or of one workspace, as SCIM 2.0 resources.
final class SCIMDirectory: Sendable {
    let stateBox = NIOLockedValueBox<[SCIMResourceKind: DatabricksTable<JSONObject>]>([:])

    init() {}

    // MARK: - Reading

    func get(_ kind: SCIMResourceKind, id: String) -> JSONObject? {
        stateBox.withLockedValue { $0[kind]?[id] }
    }

    func all(_ kind: SCIMResourceKind) -> [JSONObject] {
        stateBox.withLockedValue { $0[kind]?.values ?? [] }
    }

    /// The resource whose unique attribute has a value (case-insensitively for user names).
    func find(_ kind: SCIMResourceKind, _ value: String) -> JSONObject? {
        all(kind).first { ($0[kind.uniqueAttribute]?.string)?.lowercased() == value.lowercased() }
    }

    // MARK: - Writing

    /// Creates a resource from a request body.
    func create(_ kind: SCIMResourceKind, _ body: JSONObject, id: String? = nil) throws(SCIMError) -> JSONObject {
        var resource = body
        if kind == .servicePrincipals, resource["applicationId"]?.string == nil {
            resource["applicationId"] = .string(DatabricksIdentifiers.uuid())
        }
        guard let unique = resource[kind.uniqueAttribute]?.string, !unique.isEmpty else {
            throw .invalid("\(kind.uniqueAttribute) is required")
        }
        if find(kind, unique) != nil {
            throw .conflict("\(kind.noun) with \(kind.uniqueAttribute) \(unique) already exists.")
        }
        resource = normalized(kind, resource, id: id ?? String(DatabricksIdentifiers.number()))
        let stored = resource
        stateBox.withLockedValue { $0[kind, default: DatabricksTable()][stored["id"]!.string!] = stored }
        if kind == .groups { syncMemberships() }
        return resource
    }

    /// Replaces a resource (PUT).
    func replace(_ kind: SCIMResourceKind, id: String, _ body: JSONObject) throws(SCIMError) -> JSONObject {
        guard get(kind, id: id) != nil else { throw .notFound("\(kind.noun) \(id) not found.") }
        let resource = normalized(kind, body, id: id)
        stateBox.withLockedValue { $0[kind, default: DatabricksTable()][id] = resource }
        syncMemberships()
        return get(kind, id: id) ?? resource
    }

    /// Applies a SCIM PATCH (`Operations` of add, remove, replace).
    func patch(_ kind: SCIMResourceKind, id: String, _ body: JSONObject) throws(SCIMError) -> JSONObject {
        guard var resource = get(kind, id: id) else { throw .notFound("\(kind.noun) \(id) not found.") }
        guard let operations = body["Operations"]?.array ?? body["operations"]?.array else {
            throw .invalid("Operations are required")
        }
        for operation in operations {
            guard let op = operation["op"]?.string?.lowercased() else { throw .invalid("op is required") }
            try SCIMPatch.apply(op: op, path: operation["path"]?.string, value: operation["value"], to: &resource)
        }
        let updated = normalized(kind, resource, id: id)
        stateBox.withLockedValue { $0[kind, default: DatabricksTable()][id] = updated }
        syncMemberships()
        return get(kind, id: id) ?? updated
    }

    /// Deletes a resource.
    func delete(_ kind: SCIMResourceKind, id: String) throws(SCIMError) {
        let removed = stateBox.withLockedValue { state -> Bool in
            guard state[kind]?[id] != nil else { return false }
            state[kind]?[id] = nil
            return true
        }
        guard removed else { throw .notFound("\(kind.noun) \(id) not found.") }
        if kind == .groups {
            syncMemberships()
        } else {
            // Remove the member from every group.
            stateBox.withLockedValue { state in
                guard var groups = state[.groups] else { return }
                for group in groups.values {
                    guard let gid = group["id"]?.string, let members = group["members"]?.array else { continue }
                    var updated = group
                    updated["members"] = .array(members.filter { $0["value"]?.string != id })
                    groups[gid] = updated
                }
                state[.groups] = groups
            }
            syncMemberships()
        }
    }

    func removeAll() {
        stateBox.withLockedValue { $0.removeAll() }
    }

    // MARK: - Shape

    private func normalized(_ kind: SCIMResourceKind, _ body: JSONObject, id: String) -> JSONObject {
        var resource = body
        resource["id"] = .string(id)
        resource["schemas"] = [.string(kind.schema)]
        switch kind {
        case .users:
            if resource["active"] == nil { resource["active"] = true }
            if resource["displayName"] == nil { resource["displayName"] = resource["userName"] }
            if resource["emails"] == nil, let name = resource["userName"]?.string, name.contains("@") {
                resource["emails"] = [["value": .string(name), "type": "work", "primary": true]]
            }
        case .servicePrincipals:
            if resource["active"] == nil { resource["active"] = true }
            if resource["displayName"] == nil { resource["displayName"] = resource["applicationId"] }
        case .groups:
            if resource["members"] == nil { resource["members"] = [] }
        }
        return resource
    }

    /// Writes each user's and service principal's `groups` from the groups' `members`.
    private func syncMemberships() {
        stateBox.withLockedValue { state in
            let groups = state[.groups]?.values ?? []
            for kind in [SCIMResourceKind.users, .servicePrincipals] {
                guard var table = state[kind] else { continue }
                for member in table.values {
                    guard let id = member["id"]?.string else { continue }
                    let memberOf = groups.filter { group in
                        group["members"]?.array?.contains { $0["value"]?.string == id } ?? false
                    }
                    var updated = member
                    updated["groups"] = .array(
                        memberOf.map { ["value": $0["id"] ?? .null, "display": $0["displayName"] ?? .null] })
                    table[id] = updated
                }
                state[kind] = table
            }
            // Fill in members' display names.
            guard var groupTable = state[.groups] else { return }
            for group in groupTable.values {
                guard let gid = group["id"]?.string, let members = group["members"]?.array else { continue }
                var updated = group
                updated["members"] = .array(
                    members.map { member in
                        guard var object = member.object, let id = object["value"]?.string else { return member }
                        if object["display"] == nil {
                            let target =
                                state[.users]?[id] ?? state[.servicePrincipals]?[id] ?? state[.groups]?[id]
                            object["display"] = target?["displayName"] ?? .null
                        }
                        return .object(object)
                    })
                groupTable[gid] = updated
            }
            state[.groups] = groupTable
        }
    }
}
