import Foundation
import NIOHTTP1

/// One call of a Databricks API as a handler sees it: the caller, the path's parameters, the query and the JSON body.
struct DatabricksCall: Sendable {
    /// The HTTP request.
    var request: EmulatorRequest
    /// The path below the host (a workspace's prefix removed), decoded.
    var path: String
    /// The values of the route's `{name}` segments.
    var parameters: [String: String] = [:]
    /// The JSON body (an empty object when there is none).
    var body: JSONObject
    /// Who is calling.
    var caller: DatabricksCaller
    /// The emulator's time.
    var now: Date

    var method: HTTPMethod { request.method }

    /// Creates a call, parsing a JSON body.
    /// - Throws: `MALFORMED_REQUEST` when a body is not a JSON object.
    init(request: EmulatorRequest, path: String, caller: DatabricksCaller, now: Date) throws(DatabricksError) {
        self.request = request
        self.path = path
        self.caller = caller
        self.now = now
        body = try Self.parseBody(request)
    }

    static func parseBody(_ request: EmulatorRequest) throws(DatabricksError) -> JSONObject {
        let bytes = request.body.readableBytesView
        guard !bytes.isEmpty, bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return [:]
        }
        let contentType = request.header("content-type")?.lowercased() ?? ""
        if contentType.hasPrefix("multipart/") || contentType.hasPrefix("application/x-www-form-urlencoded") {
            return [:]
        }
        guard let value = try? JSONValue.parse(Data(bytes)) else {
            throw .malformed("Invalid JSON given in the body of the request - failed to parse given JSON")
        }
        guard case .object(let object) = value else {
            throw .malformed("Invalid JSON given in the body of the request - expected a map")
        }
        return object
    }

    // MARK: - Fields

    /// A field of the body, or for GET and DELETE a query parameter.
    func value(_ name: String) -> JSONValue? {
        if let value = body[name], value != .null { return value }
        if let query = request.query(name) { return .string(query) }
        return nil
    }

    /// A string field.
    func string(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        switch value {
        case .string(let string): return string
        case .int(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }

    /// A required, non-empty string field.
    /// - Throws: `INVALID_PARAMETER_VALUE` naming the field when it is missing or empty.
    func required(_ name: String) throws(DatabricksError) -> String {
        guard let value = string(name), !value.isEmpty else { throw .missing(name) }
        return value
    }

    /// An integer field (a number, or a string of digits in a query).
    func int(_ name: String) -> Int64? { value(name)?.int }

    /// A required integer field.
    func requiredInt(_ name: String) throws(DatabricksError) -> Int64 {
        guard let value = value(name) else { throw .missing(name) }
        guard let number = value.int else {
            throw .invalidParameter("Invalid value for \(name): expected an integer")
        }
        return number
    }

    /// A boolean field (`true`/`false`, also in a query).
    func bool(_ name: String) -> Bool? {
        guard let value = value(name) else { return nil }
        if let flag = value.bool { return flag }
        return value.string.flatMap { Bool($0.lowercased()) }
    }

    /// A path parameter of the route.
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The body's members that are set (not `null`), restricted to some names: what a resource keeps of a request.
    func fields(_ names: [String]) -> JSONObject {
        var object = JSONObject()
        for name in names {
            if let value = body[name], value != .null { object[name] = value }
        }
        return object
    }
}
