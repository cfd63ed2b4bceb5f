import AWSWire

/// Fixtures of the aws-chunked tests.
enum AWSChunkedFixtures {
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let signingKey = SigV4.signingKey(
        secretAccessKey: secretAccessKey, date: "20130524", region: "us-east-1", service: "s3")

    /// The example of the AWS documentation "Signature Calculations for the Authorization Header: Transferring
    /// Payload in Multiple Chunks" (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`): PUT /examplebucket/chunkObject.txt,
    /// 66,560 bytes of `a` in 64 KiB chunks, on 2013-05-24 with the documentation's example key.
    static let documentedSigned = ChunkSigningContext(
        signingKey: signingKey, amzDate: "20130524T000000Z", credentialScope: "20130524/us-east-1/s3/aws4_request",
        seedSignature: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")

    /// The example of "Signature calculations for trailing headers (chunked uploads)"
    /// (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`): the same object with an `x-amz-checksum-crc32c` trailer, whose
    /// header signature (the seed) differs because the request also signs `x-amz-trailer`.
    static let documentedTrailer = ChunkSigningContext(
        signingKey: signingKey, amzDate: "20130524T000000Z", credentialScope: "20130524/us-east-1/s3/aws4_request",
        seedSignature: "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e")

    static let allModes: [AWSChunkedMode] = [
        .unsignedWithTrailer, .signed(documentedSigned), .signedWithTrailer(documentedTrailer),
    ]

    /// Frames chunks of any sizes by hand (a second implementation, to check the encoder against and to build bodies
    /// the encoder will not make).
    static func frame(_ chunks: [[UInt8]], mode: AWSChunkedMode, trailers: [(String, String)] = []) -> [UInt8] {
        var body: [UInt8] = []
        let context: ChunkSigningContext? =
            switch mode {
            case .unsignedWithTrailer: nil
            case .signed(let context), .signedWithTrailer(let context): context
            }
        var previous = context?.seedSignature ?? ""
        for chunk in chunks + [[]] {
            var header = String(chunk.count, radix: 16)
            if let context {
                previous = chunk.withUnsafeBytes { context.chunkSignature(previous: previous, chunk: $0) }
                header += ";chunk-signature=" + previous
            }
            body += Array((header + "\r\n").utf8)
            if !chunk.isEmpty { body += chunk + Array("\r\n".utf8) }
        }
        switch mode {
        case .signed:
            break
        case .unsignedWithTrailer:
            for (name, value) in trailers { body += Array("\(name):\(value)\r\n".utf8) }
        case .signedWithTrailer(let context):
            for (name, value) in trailers { body += Array("\(name):\(value)\r\n".utf8) }
            let signature = context.trailerSignature(previous: previous, trailers: trailers.map { ($0.0, $0.1) })
            body += Array("x-amz-trailer-signature:\(signature)\r\n".utf8)
        }
        return body + Array("\r\n".utf8)
    }

    /// Chunks of the given sizes, filled with a pattern.
    static func chunks(sizes: [Int]) -> [[UInt8]] {
        sizes.enumerated().map { index, size in (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) } }
    }
}
