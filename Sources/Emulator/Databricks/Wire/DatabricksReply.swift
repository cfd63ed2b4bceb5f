import Foundation
import NIOCore
import NIOHTTP1

/// A successful answer of a Databricks API: a JSON value (or raw bytes), a status and extra headers.
struct DatabricksReply: Sendable {
    var status: HTTPResponseStatus = .ok
    var headers: HTTPHeaders = [:]
    var body: Body

    enum Body: Sendable {
        case json(JSONValue)
        case bytes(Data, contentType: String)
    }

    /// A JSON answer.
    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> DatabricksReply {
        DatabricksReply(status: status, body: .json(value))
    }

    /// An object answer.
    static func object(_ object: JSONObject) -> DatabricksReply { .json(.object(object)) }

    /// The empty object most mutating calls answer.
    static let empty = DatabricksReply.json(.object([:]))

    /// Raw bytes (a direct download).
    static func bytes(_ data: Data, contentType: String = "application/octet-stream") -> DatabricksReply {
        DatabricksReply(body: .bytes(data, contentType: contentType))
    }

    /// The HTTP response.
    func response(requestId: String) -> EmulatorResponse {
        var headers = headers
        headers.replaceOrAdd(name: "x-request-id", value: requestId)
        switch body {
        case .json(let value):
            headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            return EmulatorResponse(status: status, headers: headers, body: ByteBuffer(bytes: value.encoded()))
        case .bytes(let data, let contentType):
            headers.replaceOrAdd(name: "Content-Type", value: contentType)
            return EmulatorResponse(status: status, headers: headers, body: ByteBuffer(bytes: data))
        }
    }
}

extension DatabricksError {
    /// The error as an answer: its body, status and `Retry-After`.
    var reply: DatabricksReply {
        var reply = DatabricksReply.json(body, status: status)
        if let retryAfter { reply.headers.add(name: "Retry-After", value: String(retryAfter)) }
        return reply
    }

    /// The HTTP response of the error.
    func response(requestId: String) -> EmulatorResponse {
        reply.response(requestId: requestId)
    }
}
