import AWSWire
import NIOCore
import NIOHTTP1

/// An S3 error: code, HTTP status, message and the extra elements S3 adds (`BucketName`, `Key`, ...).
public struct S3Error: Error, Sendable, Equatable {
    /// The error code (`NoSuchBucket`).
    public var code: String
    /// The HTTP status.
    public var status: HTTPResponseStatus
    /// The message S3 gives.
    public var message: String
    /// Extra elements, in order.
    public var fields: [(String, String)]
    /// Extra response headers (`x-amz-delete-marker` on a `NoSuchKey` for a deleted key, ...).
    public var headers: [(String, String)] = []

    /// Creates an error.
    public init(_ code: String, _ status: HTTPResponseStatus, _ message: String, _ fields: [(String, String)] = []) {
        self.code = code
        self.status = status
        self.message = message
        self.fields = fields
    }

    public static func == (lhs: S3Error, rhs: S3Error) -> Bool {
        lhs.code == rhs.code && lhs.status == rhs.status && lhs.message == rhs.message
    }

    /// The error document.
    func xml(resource: String, requestId: String) -> String {
        var xml = XMLWriter()
        xml.element("Error") { xml in
            xml.element("Code", code)
            xml.element("Message", message)
            for (name, value) in fields { xml.element(name, value) }
            if !fields.contains(where: { $0.0 == "Resource" }) { xml.element("Resource", resource) }
            xml.element("RequestId", requestId)
            xml.element("HostId", S3RequestID.hostId(for: requestId))
        }
        return xml.text
    }
}

// MARK: - The errors S3 answers

extension S3Error {
    static func noSuchBucket(_ bucket: String) -> S3Error {
        S3Error("NoSuchBucket", .notFound, "The specified bucket does not exist", [("BucketName", bucket)])
    }
    static func noSuchKey(_ key: String) -> S3Error {
        S3Error("NoSuchKey", .notFound, "The specified key does not exist.", [("Key", key)])
    }
    static func noSuchVersion(key: String, versionId: String) -> S3Error {
        S3Error(
            "NoSuchVersion", .notFound, "The specified version does not exist.",
            [("Key", key), ("VersionId", versionId)])
    }
    static func invalidVersionId(_ versionId: String) -> S3Error {
        S3Error(
            "InvalidArgument", .badRequest, "Invalid version id specified",
            [("ArgumentName", "versionId"), ("ArgumentValue", versionId)])
    }
    static func noSuchUpload(_ uploadId: String) -> S3Error {
        S3Error(
            "NoSuchUpload", .notFound,
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            [("UploadId", uploadId)])
    }
    static func malformedXML() -> S3Error {
        S3Error(
            "MalformedXML", .badRequest,
            "The XML you provided was not well-formed or did not validate against our published schema")
    }
    static func invalidArgument(_ message: String, name: String, value: String) -> S3Error {
        S3Error("InvalidArgument", .badRequest, message, [("ArgumentName", name), ("ArgumentValue", value)])
    }
    static func invalidRequest(_ message: String) -> S3Error {
        S3Error("InvalidRequest", .badRequest, message)
    }
    static func notImplemented(header: String? = nil) -> S3Error {
        S3Error(
            "NotImplemented", .notImplemented, "A header you provided implies functionality that is not implemented",
            header.map { [("Header", $0)] } ?? [])
    }
    static func methodNotAllowed(_ method: String, resourceType: String) -> S3Error {
        S3Error(
            "MethodNotAllowed", .methodNotAllowed, "The specified method is not allowed against this resource.",
            [("Method", method), ("ResourceType", resourceType)])
    }
    static func accessDenied(_ message: String = "Access Denied") -> S3Error {
        S3Error("AccessDenied", .forbidden, message)
    }
    static func badDigest(
        _ message: String = "The Content-MD5 you specified did not match what we received."
    )
        -> S3Error
    {
        S3Error("BadDigest", .badRequest, message)
    }
    static func invalidDigest() -> S3Error {
        S3Error("InvalidDigest", .badRequest, "The Content-MD5 you specified is not valid.")
    }
    static func preconditionFailed(_ condition: String) -> S3Error {
        S3Error(
            "PreconditionFailed", .preconditionFailed, "At least one of the pre-conditions you specified did not hold",
            [("Condition", condition)])
    }
}
