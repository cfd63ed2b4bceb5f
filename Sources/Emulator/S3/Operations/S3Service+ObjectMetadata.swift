import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    static let storageClasses: Set<String> = [
        "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER",
        "DEEP_ARCHIVE", "GLACIER_IR", "OUTPOSTS", "SNOW", "EXPRESS_ONEZONE",
    ]
    static let maximumKeyLength = 1024
    static let maximumUserMetadataSize = 2048

    /// Checks a key's length (S3's limit is 1,024 bytes of UTF-8).
    func validateKey(_ key: String) throws(S3Error) {
        let size = key.utf8.count
        if size > Self.maximumKeyLength {
            throw S3Error(
                "KeyTooLongError", .badRequest, "Your key is too long",
                [("Size", String(size)), ("MaxSizeAllowed", String(Self.maximumKeyLength))])
        }
    }

    /// Reads the metadata an upload sets through its headers (content headers, `x-amz-meta-*`, storage class, SSE,
    /// tagging) into a version description without size, ETag and checksums.
    func objectMetadata(
        from request: EmulatorRequest, key: String, now: Date
    ) throws(S3Error) -> S3ObjectVersion.Metadata {
        var userMetadata: [String: String] = [:]
        var metadataSize = 0
        for header in request.headers {
            let name = header.name.lowercased()
            guard name.hasPrefix("x-amz-meta-") else { continue }
            let metaKey = String(name.dropFirst("x-amz-meta-".count))
            metadataSize += metaKey.utf8.count + header.value.utf8.count
            if let existing = userMetadata[metaKey] {
                userMetadata[metaKey] = existing + "," + header.value
            } else {
                userMetadata[metaKey] = header.value
            }
        }
        if metadataSize > Self.maximumUserMetadataSize {
            throw S3Error(
                "MetadataTooLarge", .badRequest, "Your metadata headers exceed the maximum allowed metadata size.",
                [("Size", String(metadataSize)), ("MaxSizeAllowed", String(Self.maximumUserMetadataSize))])
        }
        let storageClass = request.header("x-amz-storage-class") ?? "STANDARD"
        guard Self.storageClasses.contains(storageClass) else {
            throw S3Error(
                "InvalidStorageClass", .badRequest, "The storage class you specified is not valid",
                [("StorageClassRequested", storageClass)])
        }
        let encryption = request.header("x-amz-server-side-encryption") ?? "AES256"
        guard ["AES256", "aws:kms", "aws:kms:dsse"].contains(encryption) else {
            throw .invalidArgument(
                "The encryption method specified is not supported", name: "x-amz-server-side-encryption",
                value: encryption)
        }
        var tags: [S3Tag] = []
        if let tagging = request.header("x-amz-tagging") {
            guard let items = PercentEncoding.decodeQuery(tagging, plusAsSpace: true) else {
                throw S3Error(
                    "InvalidArgument", .badRequest,
                    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates."
                )
            }
            tags = items.map { S3Tag(key: $0.name, value: $0.value) }
            try validateTags(tags, maximum: 10)
        }
        var contentEncoding = request.header("content-encoding")
        if let encoding = contentEncoding {
            let remaining = encoding.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.lowercased() != "aws-chunked" && !$0.isEmpty }
            contentEncoding = remaining.isEmpty ? nil : remaining.joined(separator: ",")
        }
        return S3ObjectVersion.Metadata(
            key: key, versionId: "null", isDeleteMarker: false, lastModified: now, size: 0, etag: "",
            contentType: request.header("content-type") ?? "binary/octet-stream",
            cacheControl: request.header("cache-control"),
            contentDisposition: request.header("content-disposition"),
            contentEncoding: contentEncoding,
            contentLanguage: request.header("content-language"),
            expires: request.header("expires"),
            websiteRedirectLocation: request.header("x-amz-website-redirect-location"),
            userMetadata: userMetadata, checksums: [:], checksumType: nil, storageClass: storageClass,
            serverSideEncryption: encryption, tags: tags, partsCount: nil)
    }

    /// Writes the headers that describe a stored version (GET, HEAD).
    func writeObjectHeaders(
        _ metadata: S3ObjectVersion.Metadata, into headers: inout HTTPHeaders, versioned: Bool, checksums: Bool
    ) {
        headers.add(name: "ETag", value: metadata.etag)
        headers.add(name: "Last-Modified", value: AWSDate.httpDate(metadata.lastModified))
        headers.add(name: "Accept-Ranges", value: "bytes")
        if let value = metadata.contentType { headers.add(name: "Content-Type", value: value) }
        if let value = metadata.cacheControl { headers.add(name: "Cache-Control", value: value) }
        if let value = metadata.contentDisposition { headers.add(name: "Content-Disposition", value: value) }
        if let value = metadata.contentEncoding { headers.add(name: "Content-Encoding", value: value) }
        if let value = metadata.contentLanguage { headers.add(name: "Content-Language", value: value) }
        if let value = metadata.expires { headers.add(name: "Expires", value: value) }
        if let value = metadata.websiteRedirectLocation {
            headers.add(name: "x-amz-website-redirect-location", value: value)
        }
        for (name, value) in metadata.userMetadata.sorted(by: { $0.key < $1.key }) {
            headers.add(name: "x-amz-meta-\(name)", value: value)
        }
        if versioned { headers.add(name: "x-amz-version-id", value: metadata.versionId) }
        if let value = metadata.serverSideEncryption { headers.add(name: "x-amz-server-side-encryption", value: value) }
        if metadata.storageClass != "STANDARD" {
            headers.add(name: "x-amz-storage-class", value: metadata.storageClass)
        }
        if !metadata.tags.isEmpty { headers.add(name: "x-amz-tagging-count", value: String(metadata.tags.count)) }
        if let parts = metadata.partsCount { headers.add(name: "x-amz-mp-parts-count", value: String(parts)) }
        if checksums {
            for (name, value) in metadata.checksums.sorted(by: { $0.key < $1.key }) {
                headers.add(name: "x-amz-checksum-\(name.lowercased())", value: value)
            }
            if let type = metadata.checksumType, !metadata.checksums.isEmpty {
                headers.add(name: "x-amz-checksum-type", value: type)
            }
        }
    }
}
