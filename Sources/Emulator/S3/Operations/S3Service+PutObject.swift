import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    func putObject(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try validateKey(context.key)
        var metadata = try objectMetadata(from: context.request, key: context.key, now: context.now)
        let data = context.request.body
        metadata.size = data.readableBytes
        metadata.etag = Self.etag(of: data)
        metadata.checksums = try verifyIntegrity(context, data: data)
        metadata.checksumType = "FULL_OBJECT"
        let stored = try storeVersion(context, metadata: metadata, data: data) { current throws(S3Error) in
            try checkWritePreconditions(context, current: current)
        }
        var headers = HTTPHeaders()
        headers.add(name: "ETag", value: stored.etag)
        if stored.versionId != "null" { headers.add(name: "x-amz-version-id", value: stored.versionId) }
        if let encryption = stored.serverSideEncryption {
            headers.add(name: "x-amz-server-side-encryption", value: encryption)
        }
        for (name, value) in stored.checksums {
            headers.add(name: "x-amz-checksum-\(name.lowercased())", value: value)
        }
        headers.add(name: "x-amz-checksum-type", value: "FULL_OBJECT")
        return emptyResponse(.ok, headers: headers)
    }

    /// Stores a new version of a key the way the bucket's versioning state says: a fresh version id when enabled,
    /// the `null` version otherwise.
    /// - Parameters:
    ///   - precondition: Checked under the lock against the current version before writing.
    /// - Returns: The stored description.
    func storeVersion(
        _ context: Context, metadata: S3ObjectVersion.Metadata, data: ByteBuffer,
        precondition: (S3ObjectVersion?) throws(S3Error) -> Void = { _ in }
    ) throws(S3Error) -> S3ObjectVersion.Metadata {
        try write { transaction throws(S3Error) in
            let bucket = try bucket(context.bucket, in: transaction.state)
            try precondition(bucket.currentObject(context.key))
            var metadata = metadata
            metadata.versionId =
                bucket.settings.versioning == .enabled ? Self.makeVersionId(now: context.now) : "null"
            if let encryption = bucket.settings.encryption?.first,
                context.request.header("x-amz-server-side-encryption") == nil
            {
                metadata.serverSideEncryption = encryption.algorithm
            }
            try transaction.commit(.putVersion(bucket: context.bucket, metadata), payload: data)
            return metadata
        }
    }

    /// `If-None-Match: *` (write only if absent) and `If-Match: etag` (write only over that version).
    func checkWritePreconditions(_ context: Context, current: S3ObjectVersion?) throws(S3Error) {
        if let noneMatch = context.request.header("if-none-match") {
            guard noneMatch.trimmingCharacters(in: .whitespaces) == "*" else {
                throw .notImplemented(header: "If-None-Match")
            }
            if current != nil { throw .preconditionFailed("If-None-Match") }
        }
        if let match = context.request.header("if-match") {
            guard let current else { throw .noSuchKey(context.key) }
            if !Self.etagMatches(match, current.metadata.etag) { throw .preconditionFailed("If-Match") }
        }
    }

    /// Whether an `If-Match`/`If-None-Match` list names an ETag (`*` names any).
    static func etagMatches(_ header: String, _ etag: String) -> Bool {
        let bare = etag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed == "*" { return true }
            let unquoted = trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
            if unquoted.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) == bare { return true }
        }
        return false
    }
}
