import Foundation
import NIOConcurrencyHelpers

/// Keeps the Databricks state in one file of the state directory (`databricks.json`), rewritten atomically
/// (``DurableFile``: a temporary file, `fsync`, `rename`) after every change and before the change is answered, so
/// an acknowledged write survives `kill -9`.
final class DatabricksStore: Sendable {
    let path: String
    private let lock = NIOLock()

    init(path: String) {
        self.path = path
    }

    /// The saved state, or `nil` when there is none.
    /// - Throws: When the file exists but cannot be read as a snapshot.
    func load() throws -> DatabricksSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(DatabricksSnapshot.self, from: data)
    }

    /// Writes a snapshot durably.
    /// - Throws: When the file cannot be written or synced.
    func save(_ snapshot: () -> DatabricksSnapshot) throws {
        try lock.withLock {
            try DurableFile.replace(path, with: try JSONEncoder().encode(snapshot()))
        }
    }

    /// Removes the saved state.
    func remove() {
        lock.withLock { try? FileManager.default.removeItem(atPath: path) }
    }
}
