import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    /// The outcome of deleting one key or version.
    struct DeletionOutcome {
        var versionId: String?
        var deleteMarker: Bool
        var deleteMarkerVersionId: String?
    }

    func deleteObject(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let versionId = context.request.query("versionId")
        if let versionId, !Self.isWellFormedVersionId(versionId) { throw .invalidVersionId(versionId) }
        let outcome = try write { transaction throws(S3Error) in
            _ = try bucket(context.bucket, in: transaction.state)
            if let ifMatch = context.request.header("if-match") {
                guard let current = transaction.state.buckets[context.bucket]?.currentObject(context.key) else {
                    throw .noSuchKey(context.key)
                }
                if !Self.etagMatches(ifMatch, current.metadata.etag) { throw .preconditionFailed("If-Match") }
            }
            return try delete(
                key: context.key, versionId: versionId, bucket: context.bucket, now: context.now,
                transaction: &transaction)
        }
        var headers = HTTPHeaders()
        if outcome.deleteMarker { headers.add(name: "x-amz-delete-marker", value: "true") }
        if let id = outcome.deleteMarkerVersionId ?? outcome.versionId {
            headers.add(name: "x-amz-version-id", value: id)
        }
        return emptyResponse(.noContent, headers: headers)
    }

    /// Deletes a key (adding a delete marker when the bucket keeps versions) or one version, in a transaction.
    func delete(
        key: String, versionId: String?, bucket name: String, now: Date,
        transaction: inout JournaledStore<S3State>.Transaction
    ) throws(S3Error) -> DeletionOutcome {
        guard let bucket = transaction.state.buckets[name] else { throw .noSuchBucket(name) }
        let versions = bucket.objects[key] ?? []
        if let versionId {
            guard let version = versions.first(where: { $0.versionId == versionId }) else {
                return DeletionOutcome(versionId: versionId, deleteMarker: false)
            }
            try transaction.commit(.removeVersion(bucket: name, key: key, versionId: versionId))
            return DeletionOutcome(versionId: versionId, deleteMarker: version.isDeleteMarker)
        }
        switch bucket.settings.versioning {
        case .unversioned:
            if !versions.isEmpty { try transaction.commit(.removeVersion(bucket: name, key: key, versionId: "null")) }
            return DeletionOutcome(versionId: nil, deleteMarker: false)
        case .enabled, .suspended:
            let markerId = bucket.settings.versioning == .enabled ? Self.makeVersionId(now: now) : "null"
            let marker = S3ObjectVersion.Metadata(
                key: key, versionId: markerId, isDeleteMarker: true, lastModified: now, size: 0, etag: "",
                contentType: nil, userMetadata: [:], checksums: [:], storageClass: "STANDARD", tags: [])
            try transaction.commit(.putVersion(bucket: name, marker))
            return DeletionOutcome(versionId: nil, deleteMarker: true, deleteMarkerVersionId: markerId)
        }
    }

    // MARK: - DeleteObjects

    func deleteObjects(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let tree = try xmlBody(context, root: "Delete")
        _ = try verifyIntegrity(context, data: context.request.body, defaultAlgorithm: nil)
        let quiet = tree.text(of: "Quiet")?.lowercased() == "true"
        let objects = tree.children("Object")
        guard !objects.isEmpty, objects.count <= 1000 else { throw .malformedXML() }
        var requests: [(key: String, versionId: String?)] = []
        for object in objects {
            guard let key = object.text(of: "Key") else { throw .malformedXML() }
            requests.append((key, object.text(of: "VersionId")))
        }
        // Authorized before the write: the authorizer reads the bucket's policy from the store.
        var denials: [Int: S3Error] = [:]
        for (index, request) in requests.enumerated() {
            do throws(S3Error) {
                try authorize(
                    context, action: request.versionId == nil ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                    resource: Self.arn(bucket: context.bucket, key: request.key), bucket: context.bucket)
            } catch {
                denials[index] = error
            }
        }
        var xml = XMLWriter()
        try write { transaction throws(S3Error) in
            _ = try bucket(context.bucket, in: transaction.state)
            xml.element("DeleteResult", namespace: XMLWriter.s3Namespace) { xml in
                for (index, request) in requests.enumerated() {
                    do throws(S3Error) {
                        if let versionId = request.versionId, !Self.isWellFormedVersionId(versionId) {
                            throw .noSuchVersion(key: request.key, versionId: versionId)
                        }
                        if request.key.utf8.count > Self.maximumKeyLength {
                            throw .invalidArgument("Invalid key", name: "Key", value: request.key)
                        }
                        if let error = denials[index] { throw error }
                        let outcome = try delete(
                            key: request.key, versionId: request.versionId, bucket: context.bucket, now: context.now,
                            transaction: &transaction)
                        guard !quiet else { continue }
                        xml.element("Deleted") { xml in
                            xml.element("Key", request.key)
                            xml.element("VersionId", ifPresent: request.versionId)
                            if outcome.deleteMarker { xml.element("DeleteMarker", "true") }
                            xml.element("DeleteMarkerVersionId", ifPresent: outcome.deleteMarkerVersionId)
                        }
                    } catch {
                        xml.element("Error") { xml in
                            xml.element("Key", request.key)
                            xml.element("VersionId", ifPresent: request.versionId)
                            xml.element("Code", error.code)
                            xml.element("Message", error.message)
                        }
                    }
                }
            }
        }
        return xmlResponse(xml)
    }
}
