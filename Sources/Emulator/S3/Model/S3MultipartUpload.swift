import Foundation
import NIOCore

/// A multipart upload in progress.
struct S3MultipartUpload: Sendable {
    /// What the upload will create.
    struct Metadata: Codable, Sendable {
        var uploadId: String
        var key: String
        var initiated: Date
        var object: S3ObjectVersion.Metadata
        var checksumAlgorithm: String?
        var checksumType: String?
    }

    /// One uploaded part.
    struct Part: Sendable {
        struct Metadata: Codable, Sendable {
            var partNumber: Int
            var etag: String
            var size: Int
            var lastModified: Date
            var checksums: [String: String]
        }
        var metadata: Metadata
        var data: ByteBuffer
    }

    var metadata: Metadata
    var parts: [Int: Part] = [:]
}
