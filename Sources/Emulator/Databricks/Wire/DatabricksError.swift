import NIOHTTP1

/// An error of the Databricks REST APIs, which know their wire form: `{"error_code": ..., "message": ...}` with the
/// HTTP status the service pairs with the code (clients map `error_code` first, then the status).
public struct DatabricksError: Error, Sendable, Equatable {
    /// The code (`INVALID_PARAMETER_VALUE`, `RESOURCE_DOES_NOT_EXIST`).
    public var code: String
    /// The HTTP status.
    public var status: HTTPResponseStatus
    /// The message.
    public var message: String
    /// Seconds a client should wait before retrying (`Retry-After`), for 429 and 503.
    public var retryAfter: Int?

    /// Creates an error.
    public init(_ code: String, _ status: HTTPResponseStatus, _ message: String, retryAfter: Int? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// The error's body.
    public var body: JSONValue {
        ["error_code": .string(code), "message": .string(message)]
    }
}

// MARK: - The codes clients map

extension DatabricksError {
    /// 400 `INVALID_PARAMETER_VALUE`: a field has a value the service refuses (also "Cluster X does not exist").
    public static func invalidParameter(_ message: String) -> DatabricksError {
        DatabricksError("INVALID_PARAMETER_VALUE", .badRequest, message)
    }

    /// 400 `MALFORMED_REQUEST`: the body cannot be read, or a validation of the AWS side failed.
    public static func malformed(_ message: String) -> DatabricksError {
        DatabricksError("MALFORMED_REQUEST", .badRequest, message)
    }

    /// 400 `INVALID_STATE`: the resource is not in a state that allows the call.
    public static func invalidState(_ message: String) -> DatabricksError {
        DatabricksError("INVALID_STATE", .badRequest, message)
    }

    /// 404 `RESOURCE_DOES_NOT_EXIST`.
    public static func notFound(_ message: String) -> DatabricksError {
        DatabricksError("RESOURCE_DOES_NOT_EXIST", .notFound, message)
    }

    /// `RESOURCE_ALREADY_EXISTS` (400 on the 2.0 workspace APIs, 409 on the account API).
    public static func alreadyExists(_ message: String, status: HTTPResponseStatus = .badRequest) -> DatabricksError {
        DatabricksError("RESOURCE_ALREADY_EXISTS", status, message)
    }

    /// 400 `RESOURCE_LIMIT_EXCEEDED`.
    public static func limitExceeded(_ message: String) -> DatabricksError {
        DatabricksError("RESOURCE_LIMIT_EXCEEDED", .badRequest, message)
    }

    /// 401 `UNAUTHENTICATED`.
    public static func unauthenticated(_ message: String) -> DatabricksError {
        DatabricksError("UNAUTHENTICATED", .unauthorized, message)
    }

    /// 403 `PERMISSION_DENIED`.
    public static func permissionDenied(_ message: String) -> DatabricksError {
        DatabricksError("PERMISSION_DENIED", .forbidden, message)
    }

    /// 404 `ENDPOINT_NOT_FOUND`: no API at that method and path.
    public static func endpointNotFound(_ method: HTTPMethod, _ path: String) -> DatabricksError {
        DatabricksError("ENDPOINT_NOT_FOUND", .notFound, "No API found for '\(method.rawValue) \(path)'")
    }

    /// A required field is missing, in the words of the service.
    public static func missing(_ field: String) -> DatabricksError {
        .invalidParameter("Missing required field: \(field)")
    }
}
