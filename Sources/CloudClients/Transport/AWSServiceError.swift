import AWSWire
import Foundation

/// An error answer from an AWS service: its code, message and HTTP status.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code (`NoSuchBucket`).
    public var code: String
    /// The message.
    public var message: String
    /// The HTTP status.
    public var status: Int
    /// The request id, when the service sent one.
    public var requestId: String?

    /// Creates an error.
    public init(code: String, message: String, status: Int, requestId: String? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.requestId = requestId
    }

    public var description: String { "\(code) (\(status)): \(message)" }

    /// Reads an error from an XML answer (`<Error>` or `<ErrorResponse><Error>`), or from the status alone.
    public init(xmlResponse response: HTTPResponse) {
        let tree = try? XMLTree.parse(response.body)
        let error = tree?.name == "Error" ? tree : tree?.child("Error")
        code = error?.text(of: "Code") ?? "HTTP\(response.status)"
        message = error?.text(of: "Message") ?? ""
        status = response.status
        requestId = tree?.text(of: "RequestId") ?? response.header("x-amz-request-id")
    }
}
