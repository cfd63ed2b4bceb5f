import Foundation

/// The workspace file tree: directories, notebooks and files by absolute path.
struct WorkspaceTree: Sendable, Codable {
    struct Node: Sendable, Codable {
        var path: String
        var type: String
        var id: Int64
        var language: String?
        var content: Data
        var created: Date
        var modified: Date

        var object: JSONObject {
            var object: JSONObject = [
                "path": .string(path), "object_type": .string(type), "object_id": .int(id),
                "created_at": .millis(created), "modified_at": .millis(modified),
                "resource_id": .string(String(id)),
            ]
            if let language { object["language"] = .string(language) }
            if type != "DIRECTORY" { object["size"] = .int(Int64(content.count)) }
            return object
        }
    }

    private(set) var nodes: [String: Node] = [:]

    mutating func bootstrap(now: Date, home: String) {
        for path in ["/", "/Users", home, "/Shared", "/Repos"] {
            nodes[path] = Node(
                path: path, type: "DIRECTORY", id: DatabricksIdentifiers.number(), content: Data(), created: now,
                modified: now)
        }
    }

    subscript(path: String) -> Node? {
        get { nodes[path] }
        set { nodes[path] = newValue }
    }

    /// The direct children of a directory.
    func children(of path: String) -> [Node] {
        let prefix = path == "/" ? "/" : path + "/"
        return nodes.values.filter {
            $0.path != "/" && $0.path.hasPrefix(prefix) && !$0.path.dropFirst(prefix.count).contains("/")
        }
        .sorted { $0.path < $1.path }
    }

    /// Every node under a path (the path excluded).
    func descendants(of path: String) -> [String] {
        let prefix = path == "/" ? "/" : path + "/"
        return nodes.keys.filter { $0 != path && $0.hasPrefix(prefix) }
    }

    mutating func remove(_ path: String) {
        nodes[path] = nil
    }

    /// A normalized absolute path: no trailing slash, no empty or `.` segments.
    static func normalize(_ path: String) throws(DatabricksError) -> String {
        guard path.hasPrefix("/") else { throw .invalidParameter("Path (\(path)) must be absolute.") }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { throw .invalidParameter("Path (\(path)) must not contain '..'.") }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
