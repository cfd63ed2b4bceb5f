import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    /// Whether a version id has the shape S3 accepts (`null` or the emulator's 32-character ids).
    static func isWellFormedVersionId(_ id: String) -> Bool {
        if id == "null" { return true }
        return id.utf8.count == 32
            && id.utf8.allSatisfy { byte in
                PercentEncoding.isUnreserved(byte)
            }
    }

    /// Finds the version a read addresses: `versionId` or the current one, with S3's answers for delete markers.
    func readVersion(_ context: Context) throws(S3Error) -> (S3ObjectVersion, versioned: Bool) {
        let versionId = context.request.query("versionId")
        if let versionId, !Self.isWellFormedVersionId(versionId) { throw .invalidVersionId(versionId) }
        return try store.read { state throws(S3Error) in
            let bucket = try bucket(context.bucket, in: state)
            let versioned = bucket.settings.versioning != .unversioned
            let versions = bucket.objects[context.key] ?? []
            if let versionId {
                guard let version = versions.last(where: { $0.versionId == versionId }) else {
                    throw .noSuchVersion(key: context.key, versionId: versionId)
                }
                if version.isDeleteMarker {
                    var error = S3Error.methodNotAllowed(context.request.method.rawValue, resourceType: "DeleteMarker")
                    error.headers = [
                        ("x-amz-delete-marker", "true"), ("x-amz-version-id", versionId),
                        ("Last-Modified", AWSDate.httpDate(version.metadata.lastModified)),
                        ("Allow", "DELETE"),
                    ]
                    throw error
                }
                return (version, versioned)
            }
            guard let latest = versions.last else { throw .noSuchKey(context.key) }
            if latest.isDeleteMarker {
                var error = S3Error.noSuchKey(context.key)
                error.headers = [("x-amz-delete-marker", "true"), ("x-amz-version-id", latest.versionId)]
                throw error
            }
            return (latest, versioned)
        }
    }

    func getObject(_ context: Context, head: Bool) throws(S3Error) -> EmulatorResponse {
        let part = try requestedPart(context)
        let (version, versioned) = try readVersion(context)
        let metadata = version.metadata
        if !head { try Self.checkReadable(metadata) }
        if let status = try evaluateReadPreconditions(context, metadata: metadata) {
            var headers = HTTPHeaders()
            headers.add(name: "ETag", value: metadata.etag)
            headers.add(name: "Last-Modified", value: AWSDate.httpDate(metadata.lastModified))
            headers.add(name: "Content-Length", value: "0")
            return emptyResponse(status, headers: headers)
        }
        let checksumMode = context.request.header("x-amz-checksum-mode")?.uppercased() == "ENABLED"
        var headers = HTTPHeaders()
        var status = HTTPResponseStatus.ok
        var body = version.data
        if let part, case let range = try Self.partRange(part, of: metadata), !range.isEmpty {
            status = .partialContent
            body = version.data.getSlice(at: version.data.readerIndex + range.lowerBound, length: range.count)!
            writeObjectHeaders(metadata, into: &headers, versioned: versioned, checksums: false)
            headers.add(
                name: "Content-Range", value: "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(metadata.size)")
        } else if let rangeHeader = context.request.header("range"),
            let range = try Self.byteRange(rangeHeader, size: metadata.size)
        {
            status = .partialContent
            body = version.data.getSlice(at: version.data.readerIndex + range.lowerBound, length: range.count)!
            writeObjectHeaders(metadata, into: &headers, versioned: versioned, checksums: false)
            headers.add(
                name: "Content-Range", value: "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(metadata.size)")
        } else {
            writeObjectHeaders(metadata, into: &headers, versioned: versioned, checksums: checksumMode)
        }
        applyResponseOverrides(context, to: &headers)
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        return EmulatorResponse(status: status, headers: headers, body: head ? ByteBuffer() : body)
    }

    /// Parses a `Range` header against an object size. A header S3 ignores (syntax it does not know, several
    /// ranges) yields `nil`, meaning the whole object; one that cannot be satisfied is `InvalidRange`.
    static func byteRange(_ header: String, size: Int) throws(S3Error) -> Range<Int>? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("bytes="), !trimmed.contains(",") else { return nil }
        let spec = trimmed.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let startText = spec[..<dash]
        let endText = spec[spec.index(after: dash)...]
        let unsatisfiable = S3Error(
            "InvalidRange", .rangeNotSatisfiable, "The requested range is not satisfiable",
            [("RangeRequested", trimmed), ("ActualObjectSize", String(size))])
        if startText.isEmpty {
            guard let suffix = Int(endText), suffix >= 0 else { return nil }
            if suffix == 0 || size == 0 { throw unsatisfiable }
            return max(0, size - suffix)..<size
        }
        guard let start = Int(startText), start >= 0 else { return nil }
        var end = size - 1
        if !endText.isEmpty {
            guard let parsed = Int(endText) else { return nil }
            if parsed < start { return nil }
            end = min(parsed, size - 1)
        }
        if start >= size { throw unsatisfiable }
        return start..<(end + 1)
    }

    /// `If-Match`, `If-None-Match`, `If-Modified-Since`, `If-Unmodified-Since`, with S3's precedence.
    /// - Returns: `304` when the read should answer "not modified", `nil` to go on.
    func evaluateReadPreconditions(
        _ context: Context, metadata: S3ObjectVersion.Metadata
    ) throws(S3Error) -> HTTPResponseStatus? {
        let request = context.request
        let lastModified = metadata.lastModified.timeIntervalSince1970.rounded(.down)
        let ifMatch = request.header("if-match")
        if let ifMatch, !Self.etagMatches(ifMatch, metadata.etag) { throw .preconditionFailed("If-Match") }
        if ifMatch == nil, let text = request.header("if-unmodified-since"), let date = AWSDate.parseHTTPDate(text),
            lastModified > date.timeIntervalSince1970
        {
            throw .preconditionFailed("If-Unmodified-Since")
        }
        let ifNoneMatch = request.header("if-none-match")
        if let ifNoneMatch, Self.etagMatches(ifNoneMatch, metadata.etag) { return .notModified }
        if ifNoneMatch == nil, let text = request.header("if-modified-since"), let date = AWSDate.parseHTTPDate(text),
            lastModified <= date.timeIntervalSince1970, date <= context.now
        {
            return .notModified
        }
        return nil
    }

    /// `response-content-type` and friends replace the stored headers in a GET answer.
    func applyResponseOverrides(_ context: Context, to headers: inout HTTPHeaders) {
        let overrides = [
            ("response-content-type", "Content-Type"), ("response-content-language", "Content-Language"),
            ("response-expires", "Expires"), ("response-cache-control", "Cache-Control"),
            ("response-content-disposition", "Content-Disposition"),
            ("response-content-encoding", "Content-Encoding"),
        ]
        for (parameter, header) in overrides {
            if let value = context.request.query(parameter) { headers.replaceOrAdd(name: header, value: value) }
        }
    }
}
