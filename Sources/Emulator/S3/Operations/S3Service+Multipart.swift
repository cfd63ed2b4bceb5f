import AWSWire
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    static let minimumPartSize = 5 * 1024 * 1024
    /// The largest object CompleteMultipartUpload assembles: an object is held in one `ByteBuffer`, whose capacity is
    /// at most `UInt32.max` bytes (S3 itself takes 5 TiB; larger objects wait for storage on disk).
    static let maximumAssembledSize = Int(UInt32.max)
    static let maximumPartNumber = 10_000

    /// The upload a request names, or `NoSuchUpload`.
    func upload(_ context: Context, in state: S3State) throws(S3Error) -> S3MultipartUpload {
        let uploadId = context.request.query("uploadId") ?? ""
        let bucket = try bucket(context.bucket, in: state)
        guard let upload = bucket.uploads[uploadId], upload.metadata.key == context.key else {
            throw .noSuchUpload(uploadId)
        }
        return upload
    }

    // MARK: - CreateMultipartUpload

    func createMultipartUpload(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try validateKey(context.key)
        var object = try objectMetadata(from: context.request, key: context.key, now: context.now)
        var algorithm: String?
        if let name = context.request.header("x-amz-checksum-algorithm") {
            guard let parsed = ChecksumAlgorithm(name: name) else {
                throw .invalidRequest(
                    "Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"
                )
            }
            algorithm = parsed.rawValue
        }
        var checksumType = context.request.header("x-amz-checksum-type")?.uppercased()
        if let type = checksumType, type != "COMPOSITE", type != "FULL_OBJECT" {
            throw .invalidRequest("Value for x-amz-checksum-type header is invalid.")
        }
        if checksumType == nil, let algorithm {
            checksumType = algorithm == ChecksumAlgorithm.crc64nvme.rawValue ? "FULL_OBJECT" : "COMPOSITE"
        }
        if checksumType == "FULL_OBJECT", let algorithm, algorithm.hasPrefix("SHA") {
            throw .invalidRequest(
                "The FULL_OBJECT checksum type cannot be used with the \(algorithm.lowercased()) checksum algorithm.")
        }
        let uploadId = Self.makeUploadId()
        let metadata = try write { transaction throws(S3Error) in
            let bucket = try bucket(context.bucket, in: transaction.state)
            if let encryption = bucket.settings.encryption?.first,
                context.request.header("x-amz-server-side-encryption") == nil
            {
                object.serverSideEncryption = encryption.algorithm
            }
            let metadata = S3MultipartUpload.Metadata(
                uploadId: uploadId, key: context.key, initiated: context.now, object: object,
                checksumAlgorithm: algorithm, checksumType: checksumType)
            try transaction.commit(.createUpload(bucket: context.bucket, metadata))
            return metadata
        }
        var headers = HTTPHeaders()
        if let algorithm { headers.add(name: "x-amz-checksum-algorithm", value: algorithm) }
        if let checksumType { headers.add(name: "x-amz-checksum-type", value: checksumType) }
        if let encryption = metadata.object.serverSideEncryption {
            headers.add(name: "x-amz-server-side-encryption", value: encryption)
        }
        var xml = XMLWriter()
        xml.element("InitiateMultipartUploadResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("Bucket", context.bucket)
            xml.element("Key", context.key)
            xml.element("UploadId", uploadId)
        }
        return xmlResponse(xml, headers: headers)
    }

    // MARK: - UploadPart, UploadPartCopy

    func partNumber(_ context: Context) throws(S3Error) -> Int {
        let text = context.request.query("partNumber") ?? ""
        guard let number = Int(text), (1...Self.maximumPartNumber).contains(number) else {
            throw .invalidArgument(
                "Part number must be an integer between 1 and 10000, inclusive", name: "partNumber", value: text)
        }
        return number
    }

    func uploadPart(_ context: Context, copy: Bool) throws(S3Error) -> EmulatorResponse {
        let number = try partNumber(context)
        let upload = try store.read { state throws(S3Error) in try self.upload(context, in: state) }
        var data = context.request.body
        var copyResult: XMLWriter?
        var headers = HTTPHeaders()
        var checksums: [String: String] = [:]
        if copy {
            let source = try copySource(context)
            let version = try readCopySource(context, source)
            data = version.data
            if let rangeHeader = context.request.header("x-amz-copy-source-range") {
                guard let range = Self.copyRange(rangeHeader, size: version.data.readableBytes) else {
                    throw .invalidArgument(
                        "Range specified is not valid for source object of size: \(version.data.readableBytes)",
                        name: "x-amz-copy-source-range", value: rangeHeader)
                }
                data = version.data.getSlice(at: version.data.readerIndex + range.lowerBound, length: range.count)!
            }
            if version.versionId != "null" {
                headers.add(name: "x-amz-copy-source-version-id", value: version.versionId)
            }
        } else {
            checksums = try verifyIntegrity(context, data: data, defaultAlgorithm: nil)
        }
        if let algorithmName = upload.metadata.checksumAlgorithm, checksums[algorithmName] == nil,
            let algorithm = ChecksumAlgorithm(name: algorithmName)
        {
            if !copy, context.request.header("x-amz-sdk-checksum-algorithm") == nil,
                upload.metadata.checksumType == "COMPOSITE"
            {
                throw .invalidRequest(
                    "The upload was created using a \(algorithmName.lowercased()) checksum. The part must be uploaded with the same checksum."
                )
            }
            checksums[algorithmName] = algorithm.checksum(of: data.readableBytesView)
        }
        let etag = Self.etag(of: data)
        let part = S3MultipartUpload.Part.Metadata(
            partNumber: number, etag: etag, size: data.readableBytes, lastModified: context.now, checksums: checksums)
        try write { transaction throws(S3Error) in
            _ = try self.upload(context, in: transaction.state)
            try transaction.commit(
                .putPart(bucket: context.bucket, uploadId: upload.metadata.uploadId, part), payload: data)
        }
        for (name, value) in checksums { headers.add(name: "x-amz-checksum-\(name.lowercased())", value: value) }
        if let encryption = upload.metadata.object.serverSideEncryption {
            headers.add(name: "x-amz-server-side-encryption", value: encryption)
        }
        if copy {
            var xml = XMLWriter()
            xml.element("CopyPartResult", namespace: XMLWriter.s3Namespace) { xml in
                xml.element("ETag", etag)
                xml.element("LastModified", AWSDate.iso8601(context.now))
                for (name, value) in checksums { xml.element("Checksum\(name)", value) }
            }
            copyResult = xml
        }
        if let copyResult { return xmlResponse(copyResult, headers: headers) }
        headers.add(name: "ETag", value: etag)
        return emptyResponse(.ok, headers: headers)
    }

    /// `x-amz-copy-source-range: bytes=first-last`, both inclusive and within the source.
    static func copyRange(_ header: String, size: Int) -> Range<Int>? {
        guard header.hasPrefix("bytes=") else { return nil }
        let parts = header.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first >= 0, first <= last,
            last < size
        else { return nil }
        return first..<(last + 1)
    }

    // MARK: - ListParts

    /// A query argument S3 reads as an integer from 0 to 2^31 - 1.
    static func nonNegativeArgument(_ context: Context, _ name: String, default fallback: Int) throws(S3Error) -> Int {
        guard let text = context.request.query(name) else { return fallback }
        guard let value = Int32(text), value >= 0 else {
            throw .invalidArgument(
                "Argument \(name) must be an integer between 0 and 2147483647", name: name, value: text)
        }
        return Int(value)
    }

    func listParts(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let upload = try store.read { state throws(S3Error) in try self.upload(context, in: state) }
        let owner = try store.read { state throws(S3Error) in
            try bucket(context.bucket, in: state).metadata.ownerAccountId
        }
        let marker = try Self.nonNegativeArgument(context, "part-number-marker", default: 0)
        let maxParts = min(try Self.nonNegativeArgument(context, "max-parts", default: 1000), 1000)
        let all = upload.parts.values.map(\.metadata).filter { $0.partNumber > marker }
            .sorted { $0.partNumber < $1.partNumber }
        let page = all.prefix(maxParts)
        let truncated = all.count > page.count
        var headers = HTTPHeaders()
        if let algorithm = upload.metadata.checksumAlgorithm {
            headers.add(name: "x-amz-checksum-algorithm", value: algorithm)
        }
        var xml = XMLWriter()
        xml.element("ListPartsResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("Bucket", context.bucket)
            xml.element("Key", context.key)
            xml.element("UploadId", upload.metadata.uploadId)
            Self.writeOwner(&xml, accountId: owner, element: "Initiator")
            Self.writeOwner(&xml, accountId: owner)
            xml.element("StorageClass", upload.metadata.object.storageClass)
            xml.element("PartNumberMarker", String(marker))
            xml.element("NextPartNumberMarker", String(page.last?.partNumber ?? marker))
            xml.element("MaxParts", String(maxParts))
            xml.element("IsTruncated", String(truncated))
            xml.element("ChecksumAlgorithm", ifPresent: upload.metadata.checksumAlgorithm)
            xml.element("ChecksumType", ifPresent: upload.metadata.checksumType)
            for part in page {
                xml.element("Part") { xml in
                    xml.element("PartNumber", String(part.partNumber))
                    xml.element("LastModified", AWSDate.iso8601(part.lastModified))
                    xml.element("ETag", part.etag)
                    xml.element("Size", String(part.size))
                    for (name, value) in part.checksums.sorted(by: { $0.key < $1.key }) {
                        xml.element("Checksum\(name)", value)
                    }
                }
            }
        }
        return xmlResponse(xml, headers: headers)
    }

    // MARK: - AbortMultipartUpload

    func abortMultipartUpload(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try write { transaction throws(S3Error) in
            let upload = try upload(context, in: transaction.state)
            try transaction.commit(.removeUpload(bucket: context.bucket, uploadId: upload.metadata.uploadId))
        }
        return emptyResponse(.noContent)
    }
}
