import AWSWire
import NIOHTTP1

/// An error of a query-protocol service (IAM, STS): code, HTTP status, fault type and message.
///
/// Rendered as AWS does:
/// ```xml
/// <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
///   <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>...</Message></Error>
///   <RequestId>...</RequestId>
/// </ErrorResponse>
/// ```
public struct QueryError: Error, Sendable, Equatable {
    /// Whose fault the error is.
    public enum Fault: String, Sendable {
        /// The caller's (4xx).
        case sender = "Sender"
        /// The service's (5xx).
        case receiver = "Receiver"
    }

    /// The error code (`NoSuchEntity`).
    public var code: String
    /// The HTTP status.
    public var status: HTTPResponseStatus
    /// The message the service gives.
    public var message: String
    /// Whose fault it is.
    public var fault: Fault

    /// Creates an error.
    public init(_ code: String, _ status: HTTPResponseStatus = .badRequest, _ message: String, fault: Fault = .sender) {
        self.code = code
        self.status = status
        self.message = message
        self.fault = fault
    }

    /// The error document.
    func xml(namespace: String, requestId: String) -> String {
        var xml = XMLWriter()
        xml.element("ErrorResponse", namespace: namespace) { xml in
            xml.element("Error") { xml in
                xml.element("Type", fault.rawValue)
                xml.element("Code", code)
                xml.element("Message", message)
            }
            xml.element("RequestId", requestId)
        }
        return xml.text
    }
}

// MARK: - Errors every query service shares

extension QueryError {
    /// A required parameter is absent.
    public static func missingParameter(_ name: String) -> QueryError {
        QueryError("MissingParameter", .badRequest, "The request must contain the parameter \(name).")
    }

    /// A parameter breaks a constraint; AWS's message lists each violation.
    public static func validation(_ message: String) -> QueryError {
        QueryError("ValidationError", .badRequest, message)
    }

    /// A parameter value is not valid.
    public static func invalidInput(_ message: String) -> QueryError {
        QueryError("InvalidInput", .badRequest, message)
    }

    /// The action is not one the service has.
    public static func invalidAction(_ action: String) -> QueryError {
        QueryError("InvalidAction", .badRequest, "The action \(action) is not valid for this web service.")
    }

    /// The request names no action.
    static let missingAction = QueryError(
        "MissingAction", .badRequest, "The request must contain the parameter Action.")

    /// The caller may not perform the action on the resource.
    public static func accessDenied(_ message: String) -> QueryError {
        QueryError("AccessDenied", .forbidden, message)
    }
}
