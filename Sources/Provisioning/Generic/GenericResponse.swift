import AWSWire
import CloudClients
import FeatureRunner
import Foundation

/// The answer to a generic request, as the assertion steps read it: status, headers, and the body as JSON (for
/// field paths and fuzzy matching) or XML (for XPath).
public struct GenericResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The headers, names lowercased.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// The answer of the transport.
    public init(_ response: HTTPResponse) {
        status = response.status
        headers = response.headers
        body = response.body
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON document.
    /// - Throws: ``StepFailure`` when the body is empty or not JSON, with the start of what it is.
    public func json() throws -> AWSDocument {
        guard !body.isEmpty else { throw StepFailure("the response (HTTP \(status)) has no body, so no JSON") }
        do {
            return try AWSDocument.parseJSON(Array(body))
        } catch {
            let hint = text.hasPrefix("<") ? "; it is XML: assert on it with the response XPath steps" : ""
            throw StepFailure(
                "the response (HTTP \(status)) is not JSON (\(error.reason))\(hint): \(text.prefix(300))")
        }
    }

    /// The value a path reaches in the JSON body (`nil`: absent).
    public func field(_ path: String) throws -> AWSDocument? {
        try JSONPath(path).evaluate(try json())
    }

    /// An XPath query on the XML body.
    /// - Throws: ``StepFailure`` when the body is not XML or the expression is not XPath.
    public func xpath(_ expression: String) throws -> XMLXPath.Value {
        do {
            return try XMLXPath.evaluate(expression, in: body)
        } catch {
            throw StepFailure("XPath \"\(expression)\" on the response (HTTP \(status)): \(error.description)")
        }
    }

    /// A header's value (case-insensitive).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

extension AWSDocument {
    /// The value as the generic steps compare and remember it: strings as they are, numbers and booleans as JSON
    /// writes them, null as `null`, arrays and objects as compact JSON.
    var plainText: String {
        switch self {
        case .string(let text): return text
        case .double(let value) where value.rounded() == value && abs(value) < 1e15: return String(Int64(value))
        default: return String(decoding: jsonBytes(), as: UTF8.self)
        }
    }
}

/// What the generic steps keep between steps of a scenario.
struct GenericState: Sendable {
    /// The values `I remember ... as "NAME"` stored, for `${NAME}`.
    var variables: [String: String] = [:]
    /// Headers the next request carries (`Given the request headers:`).
    var pendingHeaders: [(name: String, value: String)] = []
    /// The service of `Given the AWS service "..."`, for `When I send a ... request to path "..."`.
    var service: GenericAWSService?
    /// The last request sent (waiting steps send it again).
    var lastRequest: GenericRequest?
    /// Its answer.
    var lastResponse: GenericResponse?
    /// The Databricks clients by host, kept so an OAuth token serves every request of the scenario (and every poll
    /// of a wait) until it expires.
    var databricksClients: [URL: DatabricksClient] = [:]
}
