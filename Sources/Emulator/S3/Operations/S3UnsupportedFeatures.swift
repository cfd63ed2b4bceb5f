import Foundation
import NIOHTTP1

/// What S3 can do and the emulator cannot, listed in one place so that nothing is accepted and then ignored: a
/// request that needs one of these is refused with S3's error instead of being answered as if it had been honoured.
///
/// Headers are checked after the request is authenticated and authorized (``S3Service/refuseUnsupported(_:)``);
/// sub-resources are identified as ``S3Operation/unsupportedBucketOperation`` or
/// ``S3Operation/unsupportedObjectOperation`` and authorized with the IAM action of the real operation before they
/// are refused.
enum S3UnsupportedFeatures {
    /// The answer given instead of a feature.
    enum Answer: Sendable {
        /// `501 NotImplemented`, naming the header.
        case notImplemented
        /// `400 AccessControlListNotSupported`: every bucket here has Object Ownership `BucketOwnerEnforced`
        /// (S3's default), so object ACLs other than `bucket-owner-full-control` are refused as S3 refuses them.
        case objectACLsDisabled
        /// `400 InvalidBucketAclWithObjectOwnership`: a bucket ACL other than `private` at creation.
        case bucketACLsDisabled

        func error(header: String) -> S3Error {
            switch self {
            case .notImplemented: .notImplemented(header: header)
            case .objectACLsDisabled:
                S3Error("AccessControlListNotSupported", .badRequest, "The bucket does not allow ACLs")
            case .bucketACLsDisabled:
                S3Error(
                    "InvalidBucketAclWithObjectOwnership", .badRequest,
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting")
            }
        }
    }

    /// A request header (or a family of headers sharing a prefix) whose meaning the emulator does not implement, on
    /// the operations that take it.
    struct Header: Sendable {
        /// The lowercase name, or the prefix of the names when `isPrefix`.
        var name: String
        var isPrefix = false
        var operations: Set<S3Operation>
        /// Which values are refused.
        var refused: Values = .all
        var answer: Answer = .notImplemented
        /// What the header asks for that the emulator lacks.
        var reason: String

        func matches(_ headerName: String) -> Bool {
            isPrefix ? headerName.hasPrefix(name) : headerName == name
        }
    }

    /// The values of a header that are refused (compared without case).
    enum Values: Sendable {
        /// Whatever the value.
        case all
        /// Every value but these, which the emulator implements.
        case allBut(Set<String>)
        /// Only these (other values are S3's to validate).
        case only(Set<String>)

        func contains(_ value: String) -> Bool {
            let value = value.trimmingCharacters(in: .whitespaces).lowercased()
            switch self {
            case .all: return true
            case .allBut(let implemented): return !implemented.contains { $0.lowercased() == value }
            case .only(let refused): return refused.contains { $0.lowercased() == value }
            }
        }
    }

    /// The operations that write an object's data and settings.
    static let objectWrites: Set<S3Operation> = [.putObject, .copyObject, .createMultipartUpload]
    /// The operations that carry SSE-C keys (writing or reading an object's bytes).
    static let objectDataOperations: Set<S3Operation> = [
        .putObject, .copyObject, .createMultipartUpload, .uploadPart, .uploadPartCopy, .completeMultipartUpload,
        .getObject, .headObject,
    ]

    /// Every header refused, in the order they are checked.
    static let headers: [Header] = [
        Header(
            name: "x-amz-server-side-encryption-customer-", isPrefix: true, operations: objectDataOperations,
            reason: "SSE-C: objects encrypted with a key the client provides and must present to read them"),
        Header(
            name: "x-amz-copy-source-server-side-encryption-customer-", isPrefix: true,
            operations: [.copyObject, .uploadPartCopy], reason: "SSE-C: reading a copy source encrypted with SSE-C"),
        Header(
            name: "x-amz-server-side-encryption", operations: objectWrites,
            refused: .only(["aws:kms", "aws:kms:dsse"]),
            reason: "SSE-KMS and DSSE-KMS: objects encrypted under a KMS key (there is no KMS)"),
        Header(
            name: "x-amz-server-side-encryption-aws-kms-key-id", operations: objectWrites,
            reason: "SSE-KMS: a KMS key to encrypt under (there is no KMS)"),
        Header(
            name: "x-amz-server-side-encryption-context", operations: objectWrites,
            reason: "SSE-KMS: an encryption context (there is no KMS)"),
        Header(
            name: "x-amz-server-side-encryption-bucket-key-enabled", operations: objectWrites,
            reason: "SSE-KMS: S3 Bucket Keys (there is no KMS)"),
        Header(
            name: "x-amz-acl", operations: objectWrites, refused: .allBut(["bucket-owner-full-control"]),
            answer: .objectACLsDisabled, reason: "object ACLs (buckets here have ACLs disabled, as S3's default)"),
        Header(
            name: "x-amz-grant-", isPrefix: true, operations: objectWrites, answer: .objectACLsDisabled,
            reason: "object ACL grants (buckets here have ACLs disabled, as S3's default)"),
        Header(
            name: "x-amz-acl", operations: [.createBucket], refused: .allBut(["private"]),
            answer: .bucketACLsDisabled, reason: "bucket ACLs (buckets here have ACLs disabled, as S3's default)"),
        Header(
            name: "x-amz-grant-", isPrefix: true, operations: [.createBucket], answer: .bucketACLsDisabled,
            reason: "bucket ACL grants (buckets here have ACLs disabled, as S3's default)"),
        Header(
            name: "x-amz-object-ownership", operations: [.createBucket], refused: .allBut(["BucketOwnerEnforced"]),
            reason: "Object Ownership other than BucketOwnerEnforced (ACLs enabled)"),
        Header(
            name: "x-amz-bucket-object-lock-enabled", operations: [.createBucket], refused: .allBut(["false"]),
            reason: "S3 Object Lock"),
        Header(
            name: "x-amz-object-lock-", isPrefix: true, operations: objectWrites,
            reason: "S3 Object Lock: retention modes, retain-until dates, legal holds"),
        Header(
            name: "x-amz-storage-class", operations: objectWrites,
            refused: .only(["OUTPOSTS", "SNOW", "EXPRESS_ONEZONE"]),
            reason: "storage classes of S3 on Outposts, Snow devices and directory buckets"),
        Header(
            name: "x-amz-write-offset-bytes", operations: [.putObject],
            reason: "appending to an object (directory buckets only)"),
    ]

    /// The first header of a request that asks for something the operation cannot do here, with S3's answer.
    static func refusal(for operation: S3Operation, request: EmulatorRequest) -> S3Error? {
        for rule in headers where rule.operations.contains(operation) {
            for (name, value) in request.headers {
                let lowercased = name.lowercased()
                if rule.matches(lowercased), rule.refused.contains(value) {
                    return rule.answer.error(header: lowercased)
                }
            }
        }
        return nil
    }
}
