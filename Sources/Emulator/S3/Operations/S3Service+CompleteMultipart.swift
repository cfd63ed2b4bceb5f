import AWSWire
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

extension S3Service {
    /// A part as `CompleteMultipartUpload` lists it.
    struct RequestedPart {
        var number: Int
        var etag: String
        var checksums: [String: String]
    }

    func requestedParts(_ context: Context) throws(S3Error) -> [RequestedPart] {
        let tree = try xmlBody(context, root: "CompleteMultipartUpload")
        var parts: [RequestedPart] = []
        for part in tree.children("Part") {
            guard let numberText = part.text(of: "PartNumber"), let number = Int(numberText),
                let etag = part.text(of: "ETag")
            else { throw .malformedXML() }
            var checksums: [String: String] = [:]
            for algorithm in ChecksumAlgorithm.allCases {
                if let value = part.text(of: "Checksum\(algorithm.rawValue)") { checksums[algorithm.rawValue] = value }
            }
            parts.append(RequestedPart(number: number, etag: etag, checksums: checksums))
        }
        guard !parts.isEmpty else { throw .malformedXML() }
        return parts
    }

    func completeMultipartUpload(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let requested = try requestedParts(context)
        for (previous, next) in zip(requested, requested.dropFirst()) where next.number <= previous.number {
            throw S3Error(
                "InvalidPartOrder", .badRequest,
                "The list of parts was not in ascending order. Parts must be ordered by part number.",
                [("UploadId", context.request.query("uploadId") ?? "")])
        }
        let stored = try write { transaction throws(S3Error) -> S3ObjectVersion.Metadata in
            let upload = try upload(context, in: transaction.state)
            let uploadId = upload.metadata.uploadId
            var parts: [S3MultipartUpload.Part] = []
            for (index, request) in requested.enumerated() {
                guard let part = upload.parts[request.number],
                    Self.etagMatches(request.etag, part.metadata.etag)
                else {
                    throw S3Error(
                        "InvalidPart", .badRequest,
                        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not have matched the part's entity tag.",
                        [("UploadId", uploadId), ("PartNumber", String(request.number)), ("ETag", request.etag)])
                }
                if index < requested.count - 1 && part.metadata.size < Self.minimumPartSize {
                    throw S3Error(
                        "EntityTooSmall", .badRequest, "Your proposed upload is smaller than the minimum allowed size",
                        [
                            ("ProposedSize", String(part.metadata.size)),
                            ("MinSizeAllowed", String(Self.minimumPartSize)),
                            ("PartNumber", String(request.number)), ("ETag", part.metadata.etag),
                        ])
                }
                for (algorithm, value) in request.checksums where part.metadata.checksums[algorithm] != value {
                    throw S3Error(
                        "InvalidPart", .badRequest,
                        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not have matched the part's entity tag.",
                        [("UploadId", uploadId), ("PartNumber", String(request.number)), ("ETag", request.etag)])
                }
                parts.append(part)
            }
            let bucket = try bucket(context.bucket, in: transaction.state)
            try checkWritePreconditions(context, current: bucket.currentObject(context.key))

            let total = parts.reduce(0) { $0 + $1.metadata.size }
            guard total <= Self.maximumAssembledSize else {
                // S3 takes up to 5 TiB; objects live in one buffer here, which holds at most 4 GiB.
                throw S3Error(
                    "EntityTooLarge", .badRequest, "Your proposed upload exceeds the maximum allowed size",
                    [("ProposedSize", String(total)), ("MaxSizeAllowed", String(Self.maximumAssembledSize))])
            }
            var data = ByteBuffer()
            data.reserveCapacity(total)
            var md5s: [UInt8] = []
            for var part in parts {
                data.writeBuffer(&part.data)
                md5s += Hex.decode(part.metadata.etag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) ?? []
            }
            var metadata = upload.metadata.object
            metadata.lastModified = context.now
            metadata.size = total
            metadata.partsCount = parts.count
            metadata.partSizes = parts.map(\.metadata.size)
            metadata.etag = "\"\(Hex.encode(Insecure.MD5.hash(data: md5s)))-\(parts.count)\""
            metadata.checksums = Self.completedChecksums(upload, parts: parts, data: data)
            metadata.checksumType = upload.metadata.checksumType ?? "FULL_OBJECT"
            metadata.versionId = bucket.settings.versioning == .enabled ? Self.makeVersionId(now: context.now) : "null"
            try transaction.commit(.putVersion(bucket: context.bucket, metadata), payload: data)
            try transaction.commit(.removeUpload(bucket: context.bucket, uploadId: uploadId))
            return metadata
        }
        var headers = HTTPHeaders()
        if stored.versionId != "null" { headers.add(name: "x-amz-version-id", value: stored.versionId) }
        if let encryption = stored.serverSideEncryption {
            headers.add(name: "x-amz-server-side-encryption", value: encryption)
        }
        let host = context.request.header("host") ?? "localhost"
        var xml = XMLWriter()
        xml.element("CompleteMultipartUploadResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element(
                "Location",
                "http://\(host)/\(context.bucket)/\(PercentEncoding.encode(context.key, encodeSlash: false))")
            xml.element("Bucket", context.bucket)
            xml.element("Key", context.key)
            xml.element("ETag", stored.etag)
            for (name, value) in stored.checksums.sorted(by: { $0.key < $1.key }) {
                xml.element("Checksum\(name)", value)
            }
            xml.element("ChecksumType", ifPresent: stored.checksumType)
        }
        return xmlResponse(xml, headers: headers)
    }

    /// The checksum of a completed upload: of the whole object (`FULL_OBJECT`, and S3's CRC64NVME default), or of the
    /// parts' checksums followed by `-N` (`COMPOSITE`).
    static func completedChecksums(
        _ upload: S3MultipartUpload, parts: [S3MultipartUpload.Part], data: ByteBuffer
    ) -> [String: String] {
        guard let name = upload.metadata.checksumAlgorithm, let algorithm = ChecksumAlgorithm(name: name) else {
            return [
                ChecksumAlgorithm.crc64nvme.rawValue: ChecksumAlgorithm.crc64nvme.checksum(of: data.readableBytesView)
            ]
        }
        if upload.metadata.checksumType == "FULL_OBJECT" {
            return [name: algorithm.checksum(of: data.readableBytesView)]
        }
        var concatenated: [UInt8] = []
        for part in parts {
            let value = part.metadata.checksums[name] ?? algorithm.checksum(of: part.data.readableBytesView)
            concatenated += Data(base64Encoded: value).map(Array.init) ?? []
        }
        return [name: "\(algorithm.checksum(of: concatenated))-\(parts.count)"]
    }
}
