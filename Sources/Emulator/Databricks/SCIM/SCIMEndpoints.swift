import Foundation

/// The SCIM 2.0 API over a directory: `{base}/{Users|Groups|ServicePrincipals}[/{id}]`.
struct SCIMEndpoints: Sendable {
    let directory: SCIMDirectory

    /// Answers a SCIM call on a resource type, with or without an id.
    func handle(_ kind: SCIMResourceKind, id: String?, _ call: DatabricksCall) -> DatabricksReply {
        do throws(SCIMError) {
            switch (call.method, id) {
            case (.GET, nil): return try list(kind, call)
            case (.POST, nil): return .json(.object(try directory.create(kind, call.body)), status: .created)
            case (.GET, let id?):
                guard let resource = directory.get(kind, id: id) else {
                    throw SCIMError.notFound("\(kind.noun) \(id) not found.")
                }
                return .object(Self.project(resource, call))
            case (.PUT, let id?): return .object(try directory.replace(kind, id: id, call.body))
            case (.PATCH, let id?):
                _ = try directory.patch(kind, id: id, call.body)
                return DatabricksReply(status: .noContent, body: .bytes(Data(), contentType: "application/json"))
            case (.DELETE, let id?):
                try directory.delete(kind, id: id)
                return DatabricksReply(status: .noContent, body: .bytes(Data(), contentType: "application/json"))
            default:
                return DatabricksError.endpointNotFound(call.method, call.path).reply
            }
        } catch {
            return error.reply
        }
    }

    private func list(_ kind: SCIMResourceKind, _ call: DatabricksCall) throws(SCIMError) -> DatabricksReply {
        var resources = directory.all(kind)
        if let text = call.request.query("filter"), !text.isEmpty {
            let filter = try SCIMFilter(text)
            resources = resources.filter(filter.matches)
        }
        if let sortBy = call.request.query("sortBy") {
            resources.sort { ($0[sortBy]?.string ?? "") < ($1[sortBy]?.string ?? "") }
            if call.request.query("sortOrder") == "descending" { resources.reverse() }
        }
        let total = resources.count
        let start = max(1, Int(call.request.query("startIndex") ?? "1") ?? 1)
        let count = min(10_000, max(0, Int(call.request.query("count") ?? "10000") ?? 10_000))
        let page = Array(resources.dropFirst(start - 1).prefix(count))
        return .object([
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": .int(Int64(total)), "startIndex": .int(Int64(start)),
            "itemsPerPage": .int(Int64(page.count)),
            "Resources": .array(page.map { .object(Self.project($0, call)) }),
        ])
    }

    /// Keeps only the `attributes` asked for (plus `id`), or drops `excludedAttributes`.
    static func project(_ resource: JSONObject, _ call: DatabricksCall) -> JSONObject {
        if let attributes = call.request.query("attributes"), !attributes.isEmpty {
            let names = Set(attributes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return resource.filter { names.contains($0.key) || $0.key == "id" || $0.key == "schemas" }
        }
        if let excluded = call.request.query("excludedAttributes"), !excluded.isEmpty {
            let names = Set(excluded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return resource.filter { !names.contains($0.key) }
        }
        return resource
    }
}
