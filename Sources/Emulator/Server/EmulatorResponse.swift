import NIOCore
import NIOHTTP1

/// One complete HTTP response.
public struct EmulatorResponse: Sendable {
    /// The status.
    public var status: HTTPResponseStatus
    /// The headers; `Content-Length` is added from the body unless already set (as for `HEAD`).
    public var headers: HTTPHeaders
    /// The body.
    public var body: ByteBuffer

    /// Creates a response.
    public init(status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:], body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a UTF-8 text body.
    public init(status: HTTPResponseStatus = .ok, contentType: String, text: String, headers: HTTPHeaders = [:]) {
        self.status = status
        self.headers = headers
        self.headers.replaceOrAdd(name: "Content-Type", value: contentType)
        self.body = ByteBuffer(string: text)
    }
}
