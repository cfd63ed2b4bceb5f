import Foundation

/// The files of DBFS, and the handles of streaming uploads.
struct DBFSTree: Sendable, Codable {
    struct File: Sendable, Codable {
        var data: Data
        var modified: Date
    }

    struct Handle: Sendable, Codable {
        var path: String
        var data: Data
    }

    var files: [String: File] = [:]
    var directories: Set<String> = ["/"]
    var handles: [Int64: Handle] = [:]

    func isDirectory(_ path: String) -> Bool { directories.contains(path) }

    func exists(_ path: String) -> Bool { files[path] != nil || directories.contains(path) }

    func children(of path: String) -> [String] {
        let prefix = path == "/" ? "/" : path + "/"
        let all = Array(files.keys) + Array(directories)
        return all.filter { $0 != path && $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.sorted()
    }

    mutating func makeDirectories(_ path: String) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/\(part)"
            directories.insert(current)
        }
    }

    /// `dbfs:/a/b` and `/a/b` -> `/a/b`.
    static func normalize(_ path: String) throws(DatabricksError) -> String {
        var path = path
        if path.hasPrefix("dbfs:") { path = String(path.dropFirst(5)) }
        guard path.hasPrefix("/") else { throw .invalidParameter("Path must be absolute: \(path)") }
        return "/" + path.split(separator: "/").joined(separator: "/")
    }

    func status(_ path: String) -> JSONObject? {
        if let file = files[path] {
            return [
                "path": .string(path), "is_dir": false, "file_size": .int(Int64(file.data.count)),
                "modification_time": .millis(file.modified),
            ]
        }
        if directories.contains(path) { return ["path": .string(path), "is_dir": true, "file_size": 0] }
        return nil
    }
}
