import Foundation
import NIOCore

/// Every bucket of one emulator.
struct S3State: Sendable {
    var buckets: [String: S3Bucket] = [:]

    /// A change to the state. Every write goes through ``apply(_:payload:)``, live and when the journal is replayed,
    /// so a replayed state is the state that was acknowledged.
    enum Mutation: Codable, Sendable {
        case createBucket(S3Bucket.Metadata)
        case deleteBucket(name: String)
        case setSettings(bucket: String, S3BucketSettings)
        /// Adds a version; a `null` version replaces the existing `null` version of the key. The payload is the data.
        case putVersion(bucket: String, S3ObjectVersion.Metadata)
        /// Replaces the tags of an existing version.
        case setVersionTags(bucket: String, key: String, versionId: String, tags: [S3Tag])
        case removeVersion(bucket: String, key: String, versionId: String)
        case createUpload(bucket: String, S3MultipartUpload.Metadata)
        /// Adds or replaces a part. The payload is the data.
        case putPart(bucket: String, uploadId: String, S3MultipartUpload.Part.Metadata)
        case removeUpload(bucket: String, uploadId: String)
    }

    /// Applies a change.
    /// - Parameters:
    ///   - mutation: The change.
    ///   - payload: The bytes of a `putVersion` or `putPart`.
    mutating func apply(_ mutation: Mutation, payload: ByteBuffer = ByteBuffer()) {
        switch mutation {
        case .createBucket(let metadata):
            buckets[metadata.name] = S3Bucket(metadata: metadata)
        case .deleteBucket(let name):
            buckets.removeValue(forKey: name)
        case .setSettings(let bucket, let settings):
            buckets[bucket]?.settings = settings
        case .putVersion(let bucket, let metadata):
            guard buckets[bucket] != nil else { return }
            let version = S3ObjectVersion(metadata: metadata, data: payload)
            var versions = buckets[bucket]!.objects.removeValue(forKey: metadata.key) ?? []
            if metadata.versionId == "null" { versions.removeAll { $0.versionId == "null" } }
            versions.append(version)
            buckets[bucket]!.objects[metadata.key] = versions
            buckets[bucket]!.insertKey(metadata.key)
        case .setVersionTags(let bucket, let key, let versionId, let tags):
            guard let index = buckets[bucket]?.objects[key]?.firstIndex(where: { $0.versionId == versionId }) else {
                return
            }
            buckets[bucket]!.objects[key]![index].metadata.tags = tags
        case .removeVersion(let bucket, let key, let versionId):
            guard buckets[bucket]?.objects[key] != nil else { return }
            buckets[bucket]!.objects[key]!.removeAll { $0.versionId == versionId }
            if buckets[bucket]!.objects[key]!.isEmpty {
                buckets[bucket]!.objects.removeValue(forKey: key)
                buckets[bucket]!.removeKey(key)
            }
        case .createUpload(let bucket, let metadata):
            buckets[bucket]?.uploads[metadata.uploadId] = S3MultipartUpload(metadata: metadata)
        case .putPart(let bucket, let uploadId, let metadata):
            buckets[bucket]?.uploads[uploadId]?.parts[metadata.partNumber] = S3MultipartUpload.Part(
                metadata: metadata, data: payload)
        case .removeUpload(let bucket, let uploadId):
            buckets[bucket]?.uploads.removeValue(forKey: uploadId)
        }
    }
}
