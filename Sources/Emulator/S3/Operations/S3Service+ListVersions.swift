import AWSWire
import Foundation
import NIOCore

extension S3Service {
    func listObjectVersions(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let parameters = try ListingParameters(context)
        let keyMarker = context.request.query("key-marker") ?? ""
        let versionIdMarker = context.request.query("version-id-marker").flatMap { $0.isEmpty ? nil : $0 }
        if versionIdMarker != nil && keyMarker.isEmpty {
            throw .invalidArgument(
                "A version-id marker cannot be specified without a key marker.", name: "version-id-marker",
                value: versionIdMarker ?? "")
        }
        struct Entry {
            var version: S3ObjectVersion.Metadata
            var isLatest: Bool
        }
        var entries: [Entry] = []
        var prefixes: [String] = []
        var truncated = false
        var nextKeyMarker: String?
        var nextVersionIdMarker: String?
        let owner = try store.read { state throws(S3Error) in
            let bucket = try bucket(context.bucket, in: state)
            var index = bucket.keyIndex(atOrAfter: Self.later(parameters.prefix, keyMarker))
            var count = 0
            keys: while index < bucket.sortedKeys.count {
                let key = bucket.sortedKeys[index]
                index += 1
                if !key.hasPrefix(parameters.prefix) { break }
                if key == keyMarker && versionIdMarker == nil { continue }
                if let prefix = parameters.commonPrefix(of: key) {
                    if prefixes.last == prefix || !keyMarker.utf8.lexicographicallyPrecedes(prefix.utf8) { continue }
                    if count == parameters.maxKeys {
                        truncated = true
                        break
                    }
                    prefixes.append(prefix)
                    nextKeyMarker = prefix
                    nextVersionIdMarker = nil
                    count += 1
                    continue
                }
                let versions = Array((bucket.objects[key] ?? []).reversed())
                var skipping = key == keyMarker && versionIdMarker != nil
                for (position, version) in versions.enumerated() {
                    if skipping {
                        if version.versionId == versionIdMarker { skipping = false }
                        continue
                    }
                    if count == parameters.maxKeys {
                        truncated = true
                        break keys
                    }
                    entries.append(Entry(version: version.metadata, isLatest: position == 0))
                    nextKeyMarker = key
                    nextVersionIdMarker = version.versionId
                    count += 1
                }
            }
            return bucket.metadata.ownerAccountId
        }
        var xml = XMLWriter()
        xml.element("ListVersionsResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("Name", context.bucket)
            xml.element("Prefix", parameters.encode(parameters.prefix))
            xml.element("KeyMarker", parameters.encode(keyMarker))
            xml.element("VersionIdMarker", versionIdMarker ?? "")
            if truncated {
                xml.element("NextKeyMarker", ifPresent: nextKeyMarker.map(parameters.encode))
                xml.element("NextVersionIdMarker", ifPresent: nextVersionIdMarker)
            }
            xml.element("MaxKeys", String(parameters.maxKeys))
            if let delimiter = parameters.delimiter { xml.element("Delimiter", parameters.encode(delimiter)) }
            if parameters.encodeURL { xml.element("EncodingType", "url") }
            xml.element("IsTruncated", String(truncated))
            for entry in entries {
                let version = entry.version
                xml.element(version.isDeleteMarker ? "DeleteMarker" : "Version") { xml in
                    xml.element("Key", parameters.encode(version.key))
                    xml.element("VersionId", version.versionId)
                    xml.element("IsLatest", String(entry.isLatest))
                    xml.element("LastModified", AWSDate.iso8601(version.lastModified))
                    if !version.isDeleteMarker {
                        xml.element("ETag", version.etag)
                        for algorithm in version.checksums.keys.sorted() { xml.element("ChecksumAlgorithm", algorithm) }
                        xml.element("ChecksumType", ifPresent: version.checksums.isEmpty ? nil : version.checksumType)
                        xml.element("Size", String(version.size))
                        xml.element("StorageClass", version.storageClass)
                    }
                    Self.writeOwner(&xml, accountId: owner)
                }
            }
            for prefix in prefixes {
                xml.element("CommonPrefixes") { $0.element("Prefix", parameters.encode(prefix)) }
            }
        }
        return xmlResponse(xml)
    }

    func listMultipartUploads(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let parameters = try ListingParameters(context, maxName: "max-uploads")
        let keyMarker = context.request.query("key-marker") ?? ""
        let uploadIdMarker = context.request.query("upload-id-marker") ?? ""
        let (uploads, owner) = try store.read { state throws(S3Error) in
            let bucket = try bucket(context.bucket, in: state)
            let uploads = bucket.uploads.values.map(\.metadata).filter { $0.key.hasPrefix(parameters.prefix) }
                .sorted { ($0.key, $0.initiated) < ($1.key, $1.initiated) }
            return (uploads, bucket.metadata.ownerAccountId)
        }
        var remaining = uploads.drop { upload in
            upload.key < keyMarker
                || (upload.key == keyMarker && (uploadIdMarker.isEmpty || upload.uploadId != uploadIdMarker))
        }
        if !uploadIdMarker.isEmpty, remaining.first?.uploadId == uploadIdMarker { remaining = remaining.dropFirst() }
        if uploadIdMarker.isEmpty { remaining = remaining.drop { $0.key == keyMarker } }
        var page: [S3MultipartUpload.Metadata] = []
        var prefixes: [String] = []
        var truncated = false
        for upload in remaining {
            if page.count + prefixes.count == parameters.maxKeys {
                truncated = true
                break
            }
            if let prefix = parameters.commonPrefix(of: upload.key) {
                if prefixes.last != prefix { prefixes.append(prefix) }
            } else {
                page.append(upload)
            }
        }
        var xml = XMLWriter()
        xml.element("ListMultipartUploadsResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("Bucket", context.bucket)
            xml.element("KeyMarker", parameters.encode(keyMarker))
            xml.element("UploadIdMarker", uploadIdMarker)
            if truncated, let last = page.last {
                xml.element("NextKeyMarker", parameters.encode(last.key))
                xml.element("NextUploadIdMarker", last.uploadId)
            }
            xml.element("Prefix", parameters.encode(parameters.prefix))
            if let delimiter = parameters.delimiter { xml.element("Delimiter", parameters.encode(delimiter)) }
            xml.element("MaxUploads", String(parameters.maxKeys))
            if parameters.encodeURL { xml.element("EncodingType", "url") }
            xml.element("IsTruncated", String(truncated))
            for upload in page {
                xml.element("Upload") { xml in
                    xml.element("Key", parameters.encode(upload.key))
                    xml.element("UploadId", upload.uploadId)
                    Self.writeOwner(&xml, accountId: owner, element: "Initiator")
                    Self.writeOwner(&xml, accountId: owner)
                    xml.element("StorageClass", upload.object.storageClass)
                    xml.element("Initiated", AWSDate.iso8601(upload.initiated))
                    xml.element("ChecksumAlgorithm", ifPresent: upload.checksumAlgorithm)
                }
            }
            for prefix in prefixes {
                xml.element("CommonPrefixes") { $0.element("Prefix", parameters.encode(prefix)) }
            }
        }
        return xmlResponse(xml)
    }
}
