import Foundation

/// A bucket: its settings, objects (every version, newest last) and uploads in progress.
struct S3Bucket: Sendable {
    /// The stored description of a bucket.
    struct Metadata: Codable, Sendable {
        var name: String
        var region: String
        var ownerAccountId: String
        var creationDate: Date
    }

    var metadata: Metadata
    var settings = S3BucketSettings()
    /// Versions per key, oldest first.
    var objects: [String: [S3ObjectVersion]] = [:]
    /// Keys in UTF-8 byte order (S3's listing order).
    var sortedKeys: [String] = []
    var uploads: [String: S3MultipartUpload] = [:]

    var name: String { metadata.name }

    /// The current version of a key, if it is not a delete marker.
    func currentObject(_ key: String) -> S3ObjectVersion? {
        guard let latest = objects[key]?.last, !latest.isDeleteMarker else { return nil }
        return latest
    }

    /// Whether the bucket holds no object versions and no delete markers.
    var isEmpty: Bool { objects.isEmpty }

    // MARK: - Sorted keys

    /// The position of the first key not ordered before `key`.
    func keyIndex(atOrAfter key: String) -> Int {
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let middle = (low + high) / 2
            if sortedKeys[middle].utf8.lexicographicallyPrecedes(key.utf8) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    mutating func insertKey(_ key: String) {
        let index = keyIndex(atOrAfter: key)
        if index < sortedKeys.count && sortedKeys[index] == key { return }
        sortedKeys.insert(key, at: index)
    }

    mutating func removeKey(_ key: String) {
        let index = keyIndex(atOrAfter: key)
        if index < sortedKeys.count && sortedKeys[index] == key { sortedKeys.remove(at: index) }
    }
}
