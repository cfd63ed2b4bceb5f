import Foundation

/// Cluster libraries (`/api/2.0/libraries`): install, uninstall, cluster-status, all-cluster-statuses. Libraries on a
/// running cluster are INSTALLED at once; on a stopped one they are PENDING until it runs.
extension DatabricksWorkspace {
    static var libraryRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/libraries"
        return [
            .init(.POST, "\(base)/install") { try $0.changeLibraries($1, install: true) },
            .init(.POST, "\(base)/uninstall") { try $0.changeLibraries($1, install: false) },
            .init(.GET, "\(base)/cluster-status") { workspace, call in
                .object(try workspace.libraryStatus(try call.required("cluster_id")))
            },
            .init(.GET, "\(base)/all-cluster-statuses") { workspace, _ in
                let ids = workspace.state.withLockedValue { Array($0.libraries.keys).sorted() }
                let statuses = ids.compactMap { try? workspace.libraryStatus($0) }.map(JSONValue.object)
                return .object(["statuses": .array(statuses)])
            },
        ]
    }

    static let libraryKinds = ["jar", "egg", "whl", "pypi", "maven", "cran", "requirements"]

    func changeLibraries(_ call: DatabricksCall, install: Bool) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        _ = try cluster(id)
        let libraries = call.body["libraries"]?.array ?? []
        for library in libraries {
            let kinds = library.object?.keys.filter { Self.libraryKinds.contains($0) } ?? []
            guard kinds.count == 1 else {
                throw .invalidParameter("Each library must specify exactly one of \(Self.libraryKinds).")
            }
        }
        state.withLockedValue { state in
            var current = state.libraries[id] ?? []
            for library in libraries {
                if install {
                    if !current.contains(library) { current.append(library) }
                } else {
                    current.removeAll { $0 == library }
                }
            }
            state.libraries[id] = current
        }
        return .empty
    }

    func libraryStatus(_ clusterId: String) throws(DatabricksError) -> JSONObject {
        let record = try cluster(clusterId)
        let libraries = state.withLockedValue { $0.libraries[clusterId] ?? [] }
        let status = record.state == "RUNNING" ? "INSTALLED" : "PENDING"
        return [
            "cluster_id": .string(clusterId),
            "library_statuses": .array(
                libraries.map { ["library": $0, "status": .string(status), "is_library_for_all_clusters": false] }),
        ]
    }
}
