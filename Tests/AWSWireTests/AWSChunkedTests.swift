import AWSWire
import Testing

@Suite("aws-chunked")
struct AWSChunkedTests {
    /// The example of the AWS documentation for `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: 66,560 bytes of `a` in 64 KiB
    /// chunks, PUT /examplebucket/chunkObject.txt on 2013-05-24.
    static let documented = ChunkSigningContext(
        signingKey: SigV4.signingKey(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", date: "20130524", region: "us-east-1",
            service: "s3"),
        amzDate: "20130524T000000Z", credentialScope: "20130524/us-east-1/s3/aws4_request",
        seedSignature: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")

    @Test func documentedChunkSignatures() {
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: 66_560)
        let body = AWSChunkedEncoder.encode(payload, chunkSize: 65_536, mode: .signed(Self.documented), trailers: [])
        let text = String(decoding: body.prefix(100), as: UTF8.self)
        #expect(
            text.hasPrefix("10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n")
        )
        let whole = String(decoding: body, as: UTF8.self)
        #expect(
            whole.contains("400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n"))
        #expect(
            whole.hasSuffix(
                "0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n"))
        let decoded = try? AWSChunkedDecoder.decode(body, mode: .signed(Self.documented), decodedContentLength: 66_560)
        #expect(decoded?.payload == payload)
    }

    @Test(arguments: [1, 7, 8192, 100_000])
    func roundTripsInEveryMode(chunkSize: Int) throws {
        let payload = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let trailers = [("x-amz-checksum-crc32", ChecksumAlgorithm.crc32.checksum(of: payload))]
        var modes: [AWSChunkedMode] = [.unsignedWithTrailer]
        if chunkSize >= 8192 { modes += [.signed(Self.documented), .signedWithTrailer(Self.documented)] }
        for mode in modes {
            let body = AWSChunkedEncoder.encode(payload, chunkSize: chunkSize, mode: mode, trailers: trailers)
            let decoded = try AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: payload.count)
            #expect(decoded.payload == payload)
            if case .signed = mode {
                #expect(decoded.trailers.isEmpty)
            } else {
                #expect(decoded.trailers.map(\.name) == ["x-amz-checksum-crc32"])
                #expect(decoded.trailers.first?.value == trailers[0].1)
            }
        }
    }

    @Test func tamperingIsDetected() {
        let payload = [UInt8](repeating: 1, count: 20_000)
        var body = AWSChunkedEncoder.encode(payload, chunkSize: 8192, mode: .signed(Self.documented), trailers: [])
        body[150] ^= 1
        #expect(throws: AWSChunkedError.chunkSignatureMismatch) {
            try AWSChunkedDecoder.decode(body, mode: .signed(Self.documented), decodedContentLength: nil)
        }
        let withTrailer = AWSChunkedEncoder.encode(
            payload, chunkSize: 8192, mode: .signedWithTrailer(Self.documented),
            trailers: [("x-amz-checksum-crc32", "AAAAAA==")])
        var text = String(decoding: withTrailer, as: UTF8.self)
        text = text.replacingOccurrences(of: "x-amz-checksum-crc32:AAAAAA==", with: "x-amz-checksum-crc32:AAAAAB==")
        #expect(throws: AWSChunkedError.trailerSignatureMismatch) {
            try AWSChunkedDecoder.decode(
                Array(text.utf8), mode: .signedWithTrailer(Self.documented), decodedContentLength: nil)
        }
    }

    @Test func smallSignedChunksAreRefused() {
        let payload = [UInt8](repeating: 1, count: 300)
        let body = AWSChunkedEncoder.encode(payload, chunkSize: 100, mode: .signed(Self.documented), trailers: [])
        #expect(throws: AWSChunkedError.chunkTooSmall) {
            try AWSChunkedDecoder.decode(body, mode: .signed(Self.documented), decodedContentLength: nil)
        }
    }

    @Test func truncationAndLengthMismatch() {
        let payload = [UInt8](repeating: 2, count: 1000)
        let body = AWSChunkedEncoder.encode(payload, chunkSize: 64, mode: .unsignedWithTrailer, trailers: [])
        #expect(throws: AWSChunkedError.incompleteBody) {
            try AWSChunkedDecoder.decode(Array(body.prefix(500)), mode: .unsignedWithTrailer, decodedContentLength: nil)
        }
        #expect(throws: AWSChunkedError.decodedLengthMismatch(expected: 999, actual: 1000)) {
            try AWSChunkedDecoder.decode(body, mode: .unsignedWithTrailer, decodedContentLength: 999)
        }
    }

    @Test func garbageNeverTraps() {
        var generator = SystemRandomNumberGenerator()
        let valid = AWSChunkedEncoder.encode(
            [UInt8](repeating: 3, count: 9000), chunkSize: 8192, mode: .signed(Self.documented), trailers: [])
        for round in 0..<500 {
            var body: [UInt8]
            if round % 2 == 0 {
                body = (0..<Int.random(in: 0...200, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
            } else {
                body = Array(valid.prefix(Int.random(in: 0...valid.count, using: &generator)))
                if !body.isEmpty { body[Int.random(in: 0..<body.count, using: &generator)] ^= 0x55 }
            }
            for mode in [
                AWSChunkedMode.unsignedWithTrailer, .signed(Self.documented), .signedWithTrailer(Self.documented),
            ] {
                _ = try? AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: nil)
            }
        }
        #expect(throws: AWSChunkedError.self) {
            try AWSChunkedDecoder.decode(
                Array("ffffffffffffffffff\r\n".utf8), mode: .unsignedWithTrailer, decodedContentLength: nil)
        }
    }
}
