/// An error answer of a Databricks API: `{"error_code", "message"}` (or SCIM's `detail`), with its HTTP status.
public struct DatabricksAPIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: Int
    /// The `error_code` (`INVALID_PARAMETER_VALUE`), or the status as text when the body has none.
    public var code: String
    /// The message.
    public var message: String

    /// Creates an error.
    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status) \(code): \(message)" }
}
