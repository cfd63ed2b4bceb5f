import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    /// The object a `x-amz-copy-source` header names.
    struct CopySource {
        var bucket: String
        var key: String
        var versionId: String?
    }

    /// Parses `x-amz-copy-source`: `bucket/key` or `/bucket/key`, URL encoded, with an optional `?versionId=`.
    func copySource(_ context: Context) throws(S3Error) -> CopySource {
        guard let header = context.request.header("x-amz-copy-source") else {
            throw .invalidArgument(
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                name: "x-amz-copy-source", value: "")
        }
        var path = Substring(header)
        var versionId: String?
        if let question = path.firstIndex(of: "?") {
            let query = path[path.index(after: question)...]
            path = path[..<question]
            for item in PercentEncoding.decodeQuery(query) ?? [] where item.name == "versionId" {
                versionId = item.value
            }
        }
        if path.hasPrefix("/") { path = path.dropFirst() }
        guard let decoded = PercentEncoding.decode(path), let slash = decoded.firstIndex(of: "/"),
            decoded.index(after: slash) < decoded.endIndex
        else {
            throw .invalidArgument(
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                name: "x-amz-copy-source", value: header)
        }
        let bucket = String(decoded[..<slash])
        let key = String(decoded[decoded.index(after: slash)...])
        if let versionId, !Self.isWellFormedVersionId(versionId) { throw .invalidVersionId(versionId) }
        return CopySource(bucket: bucket, key: key, versionId: versionId)
    }

    /// Reads the source version of a copy, checking `x-amz-copy-source-if-*`.
    func readCopySource(_ context: Context, _ source: CopySource) throws(S3Error) -> S3ObjectVersion {
        try authorize(
            context, action: source.versionId == nil ? "s3:GetObject" : "s3:GetObjectVersion",
            resource: Self.arn(bucket: source.bucket, key: source.key), bucket: source.bucket)
        let version = try store.read { state throws(S3Error) in
            let bucket = try bucket(source.bucket, in: state)
            let versions = bucket.objects[source.key] ?? []
            if let versionId = source.versionId {
                guard let version = versions.last(where: { $0.versionId == versionId }) else {
                    throw .noSuchVersion(key: source.key, versionId: versionId)
                }
                if version.isDeleteMarker {
                    throw .invalidRequest(
                        "The source of a copy request may not specifically refer to a delete marker by version id.")
                }
                return version
            }
            guard let latest = versions.last, !latest.isDeleteMarker else { throw .noSuchKey(source.key) }
            return latest
        }
        try Self.checkReadable(version.metadata)
        let request = context.request
        let lastModified = version.metadata.lastModified.timeIntervalSince1970.rounded(.down)
        if let match = request.header("x-amz-copy-source-if-match"), !Self.etagMatches(match, version.metadata.etag) {
            throw .preconditionFailed("x-amz-copy-source-If-Match")
        }
        if let noneMatch = request.header("x-amz-copy-source-if-none-match"),
            Self.etagMatches(noneMatch, version.metadata.etag)
        {
            throw .preconditionFailed("x-amz-copy-source-If-None-Match")
        }
        if let text = request.header("x-amz-copy-source-if-unmodified-since"), let date = AWSDate.parseHTTPDate(text),
            lastModified > date.timeIntervalSince1970
        {
            throw .preconditionFailed("x-amz-copy-source-If-Unmodified-Since")
        }
        if let text = request.header("x-amz-copy-source-if-modified-since"), let date = AWSDate.parseHTTPDate(text),
            lastModified <= date.timeIntervalSince1970
        {
            throw .preconditionFailed("x-amz-copy-source-If-Modified-Since")
        }
        return version
    }

    func copyObject(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try validateKey(context.key)
        let source = try copySource(context)
        let sourceVersion = try readCopySource(context, source)
        let request = context.request
        let metadataDirective = request.header("x-amz-metadata-directive")?.uppercased() ?? "COPY"
        let taggingDirective = request.header("x-amz-tagging-directive")?.uppercased() ?? "COPY"
        guard ["COPY", "REPLACE"].contains(metadataDirective) else {
            throw .invalidArgument(
                "Unknown metadata directive.", name: "x-amz-metadata-directive", value: metadataDirective)
        }
        guard ["COPY", "REPLACE"].contains(taggingDirective) else {
            throw .invalidArgument(
                "Unknown tagging directive.", name: "x-amz-tagging-directive", value: taggingDirective)
        }
        let sameObject = source.bucket == context.bucket && source.key == context.key
        let changesSomething =
            metadataDirective == "REPLACE" || request.header("x-amz-storage-class") != nil
            || request.header("x-amz-server-side-encryption") != nil
            || request.header("x-amz-website-redirect-location") != nil
            || request.header("x-amz-checksum-algorithm") != nil
        if sameObject && !changesSomething {
            throw .invalidRequest(
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes."
            )
        }
        let replaced = try objectMetadata(from: request, key: context.key, now: context.now)
        var metadata = sourceVersion.metadata
        if metadataDirective == "REPLACE" {
            metadata = replaced
        } else {
            metadata.storageClass = replaced.storageClass
            if request.header("x-amz-server-side-encryption") != nil {
                metadata.serverSideEncryption = replaced.serverSideEncryption
            }
            if request.header("x-amz-website-redirect-location") != nil {
                metadata.websiteRedirectLocation = replaced.websiteRedirectLocation
            }
        }
        metadata.key = context.key
        metadata.lastModified = context.now
        metadata.isDeleteMarker = false
        metadata.tags = taggingDirective == "REPLACE" ? replaced.tags : sourceVersion.metadata.tags
        metadata.size = sourceVersion.data.readableBytes
        metadata.partsCount = nil
        metadata.partSizes = nil
        metadata.etag = Self.etag(of: sourceVersion.data)
        if let algorithmName = request.header("x-amz-checksum-algorithm") {
            guard let algorithm = ChecksumAlgorithm(name: algorithmName) else {
                throw .invalidRequest("Checksum algorithm provided is unsupported.")
            }
            metadata.checksums = [algorithm.rawValue: algorithm.checksum(of: sourceVersion.data.readableBytesView)]
        } else if metadata.checksumType != "FULL_OBJECT" || metadata.checksums.isEmpty {
            metadata.checksums = [
                ChecksumAlgorithm.crc64nvme.rawValue: ChecksumAlgorithm.crc64nvme.checksum(
                    of: sourceVersion.data.readableBytesView)
            ]
        }
        metadata.checksumType = "FULL_OBJECT"
        let stored = try storeVersion(context, metadata: metadata, data: sourceVersion.data)
        var headers = HTTPHeaders()
        if stored.versionId != "null" { headers.add(name: "x-amz-version-id", value: stored.versionId) }
        if sourceVersion.versionId != "null" || source.versionId != nil {
            headers.add(name: "x-amz-copy-source-version-id", value: sourceVersion.versionId)
        }
        if let encryption = stored.serverSideEncryption {
            headers.add(name: "x-amz-server-side-encryption", value: encryption)
        }
        var xml = XMLWriter()
        xml.element("CopyObjectResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("ETag", stored.etag)
            xml.element("LastModified", AWSDate.iso8601(stored.lastModified))
            xml.element("ChecksumType", "FULL_OBJECT")
            for (name, value) in stored.checksums { xml.element("Checksum\(name)", value) }
        }
        return xmlResponse(xml, headers: headers)
    }
}
