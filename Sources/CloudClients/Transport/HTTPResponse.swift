import Foundation

/// A complete HTTP response as the clients return it.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The headers, names lowercased.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A header's value (case-insensitive).
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, when it is one.
    public var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }

    /// The body as a JSON array, when it is one.
    public var array: [Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [Any] }
}

extension HTTPResponse {
    /// The error code an error answer carries: S3 and query-protocol `<Code>`, JSON protocols' `__type` (without
    /// its namespace), Databricks' `error_code`.
    public var errorCode: String? {
        guard status >= 300, !body.isEmpty else { return nil }
        let text = self.text
        if let start = text.range(of: "<Code>"),
            let end = text.range(of: "</Code>", range: start.upperBound..<text.endIndex)
        {
            return String(text[start.upperBound..<end.lowerBound])
        }
        guard let object else { return nil }
        if let type = object["__type"] as? String { return String(type.split(separator: "#").last ?? "") }
        return object["error_code"] as? String ?? object["error"] as? String
    }
}
