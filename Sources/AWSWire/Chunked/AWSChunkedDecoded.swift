/// A decoded aws-chunked body: the payload the client meant to send, and its trailing headers.
public struct AWSChunkedDecoded: Sendable {
    /// The payload: the chunks' data, concatenated (`x-amz-decoded-content-length` bytes).
    public var payload: [UInt8]
    /// The trailing headers in the order received, names lowercased (`x-amz-checksum-crc32`), values trimmed; never
    /// `x-amz-trailer-signature`, which the decoder verifies and drops.
    public var trailers: [(name: String, value: String)]

    /// Creates a decoded body.
    /// - Parameters:
    ///   - payload: The payload.
    ///   - trailers: The trailing headers.
    public init(payload: [UInt8], trailers: [(name: String, value: String)]) {
        self.payload = payload
        self.trailers = trailers
    }
}
