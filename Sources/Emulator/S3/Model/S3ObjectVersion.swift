import Foundation
import NIOCore

/// One version of an object (or a delete marker). Unversioned buckets hold a single version whose id is `null`.
struct S3ObjectVersion: Sendable {
    /// The stored description of a version, without its bytes (what the journal records beside the payload).
    struct Metadata: Codable, Sendable, Equatable {
        var key: String
        var versionId: String
        var isDeleteMarker: Bool
        var lastModified: Date
        var size: Int
        var etag: String
        var contentType: String?
        var cacheControl: String?
        var contentDisposition: String?
        var contentEncoding: String?
        var contentLanguage: String?
        var expires: String?
        var websiteRedirectLocation: String?
        var userMetadata: [String: String]
        var checksums: [String: String]
        var checksumType: String?
        var storageClass: String
        var serverSideEncryption: String?
        var tags: [S3Tag]
        var partsCount: Int?
        /// The sizes of a multipart object's parts, in order (what `partNumber` reads address); `nil` for objects
        /// written in one piece, and for multipart objects journaled before the sizes were kept.
        var partSizes: [Int]? = nil
    }

    var metadata: Metadata
    /// The object's bytes (empty for delete markers).
    var data: ByteBuffer

    var key: String { metadata.key }
    var versionId: String { metadata.versionId }
    var isDeleteMarker: Bool { metadata.isDeleteMarker }
}

/// A tag (`Key`/`Value`).
struct S3Tag: Codable, Sendable, Equatable {
    var key: String
    var value: String
}
