import AWSWire
import NIOCore
import NIOHTTP1

/// One complete HTTP request as the emulator's services see it: head and whole body.
public struct EmulatorRequest: Sendable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The request target as sent (`/bucket/key?uploads`).
    public var uri: String
    /// The path as sent, still percent encoded.
    public var rawPath: Substring
    /// The query as sent, without `?`.
    public var rawQuery: Substring
    /// The decoded query items, in order; `nil` when the query has a malformed escape.
    public var queryItems: [(name: String, value: String)]?
    /// The request headers.
    public var headers: HTTPHeaders
    /// The body (after any content decoding the authenticator performed).
    public var body: ByteBuffer
    /// The peer's address.
    public var remoteAddress: SocketAddress?

    /// Creates a request from its parts.
    public init(method: HTTPMethod, uri: String, headers: HTTPHeaders, body: ByteBuffer, remoteAddress: SocketAddress?)
    {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        if let question = uri.firstIndex(of: "?") {
            rawPath = uri[..<question]
            rawQuery = uri[uri.index(after: question)...]
        } else {
            rawPath = uri[...]
            rawQuery = ""
        }
        queryItems = PercentEncoding.decodeQuery(rawQuery)
    }

    /// The decoded path, or `nil` when it has a malformed escape.
    public var decodedPath: String? { PercentEncoding.decode(rawPath) }

    /// The first value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems?.first(where: { $0.name == name })?.value
    }

    /// Whether the query has a parameter (with or without a value).
    public func hasQuery(_ name: String) -> Bool {
        queryItems?.contains(where: { $0.name == name }) ?? false
    }

    /// The first value of a header (names are case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first(name: name)
    }

    /// The host named by the `Host` header, without its port, lowercased.
    public var hostName: String? {
        guard var host = headers.first(name: "host")?.lowercased() else { return nil }
        if host.hasPrefix("[") {
            if let close = host.firstIndex(of: "]") { host = String(host[...close]) }
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        return host
    }
}
