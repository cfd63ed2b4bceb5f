import Foundation

/// Why the Databricks catalog could not be read.
public struct DatabricksCatalogError: Error, Sendable, CustomStringConvertible {
    /// The file at fault.
    public var file: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}

/// The Databricks data the emulator ships: Spark versions and node types, as the workspace API answers them
/// (`emulator/databricks/spark-versions.json` and `node-types.json`).
public struct DatabricksCatalog: Sendable {
    /// The body of `GET /api/2.1/clusters/spark-versions`, as JSON bytes.
    public let sparkVersionsJSON: Data
    /// The body of `GET /api/2.1/clusters/list-node-types`, as JSON bytes.
    public let nodeTypesJSON: Data
    /// The keys of the Spark versions, in file order.
    public let sparkVersionKeys: [String]
    /// The node type ids, in file order.
    public let nodeTypeIds: [String]

    /// Loads the catalog shipped with the package.
    /// - Throws: ``DatabricksCatalogError`` when a file is missing or malformed.
    public init() throws(DatabricksCatalogError) {
        guard let directory = Bundle.module.url(forResource: "databricks", withExtension: nil) else {
            throw DatabricksCatalogError(file: "databricks", reason: "not found in the bundle")
        }
        try self.init(directory: directory)
    }

    /// Loads the two files from a directory.
    /// - Throws: ``DatabricksCatalogError`` naming the file that cannot be read.
    public init(directory: URL) throws(DatabricksCatalogError) {
        (sparkVersionsJSON, sparkVersionKeys) = try Self.load(
            directory, "spark-versions.json", list: "versions", id: "key", required: ["key", "name"])
        (nodeTypesJSON, nodeTypeIds) = try Self.load(
            directory, "node-types.json", list: "node_types", id: "node_type_id",
            required: ["node_type_id", "memory_mb", "num_cores"])
    }

    private static func load(
        _ directory: URL, _ name: String, list: String, id: String, required: [String]
    ) throws(DatabricksCatalogError) -> (Data, [String]) {
        let url = directory.appendingPathComponent(name)
        let data: Data
        let object: Any
        do {
            data = try Data(contentsOf: url)
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DatabricksCatalogError(file: name, reason: "\(error)")
        }
        guard let items = (object as? [String: Any])?[list] as? [[String: Any]] else {
            throw DatabricksCatalogError(file: name, reason: "expected {\"\(list)\": [{...}, ...]}")
        }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            for field in required where item[field] == nil {
                throw DatabricksCatalogError(file: name, reason: "entry \(index) has no \(field)")
            }
            guard let value = item[id] as? String else {
                throw DatabricksCatalogError(file: name, reason: "entry \(index): \(id) is not a string")
            }
            ids.append(value)
        }
        return (data, ids)
    }
}
