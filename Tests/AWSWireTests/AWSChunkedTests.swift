import AWSWire
import Foundation
import Testing

@Suite("aws-chunked")
struct AWSChunkedTests {
    typealias Fixtures = AWSChunkedFixtures

    // MARK: - Golden examples

    /// The chunk signatures the AWS documentation lists for its `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` example.
    @Test func documentedSignedExample() throws {
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: 66_560)
        let body = AWSChunkedEncoder.encode(
            payload, chunkSize: 65_536, mode: .signed(Fixtures.documentedSigned), trailers: [])
        let a = String(repeating: "a", count: 1_024)
        let lines = [
            "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n",
            String(repeating: a, count: 64), "\r\n",
            "400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n",
            a, "\r\n",
            "0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n",
            "\r\n",
        ]
        let expected = Array(lines.joined().utf8)
        #expect(body == expected)
        let decoded = try AWSChunkedDecoder.decode(
            expected, mode: .signed(Fixtures.documentedSigned), decodedContentLength: 66_560)
        #expect(decoded.payload == payload)
        #expect(decoded.trailers.isEmpty)
    }

    /// The chunk and trailer signatures the AWS documentation lists for its
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER` example; the trailer is the CRC32C of the payload.
    @Test func documentedTrailerExample() throws {
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: 66_560)
        #expect(ChecksumAlgorithm.crc32c.checksum(of: payload) == "sOO8/Q==")
        let a = String(repeating: "a", count: 1_024)
        let lines = [
            "10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n",
            String(repeating: a, count: 64), "\r\n",
            "400;chunk-signature=1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7\r\n",
            a, "\r\n",
            "0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n",
            "x-amz-checksum-crc32c:sOO8/Q==\r\n",
            "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n",
            "\r\n",
        ]
        let expected = Array(lines.joined().utf8)
        let mode = AWSChunkedMode.signedWithTrailer(Fixtures.documentedTrailer)
        let body = AWSChunkedEncoder.encode(
            payload, chunkSize: 65_536, mode: mode, trailers: [("x-amz-checksum-crc32c", "sOO8/Q==")])
        #expect(body == expected)
        let decoded = try AWSChunkedDecoder.decode(expected, mode: mode, decodedContentLength: 66_560)
        #expect(decoded.payload == payload)
        #expect(decoded.trailers.map(\.name) == ["x-amz-checksum-crc32c"])
        #expect(decoded.trailers.map(\.value) == ["sOO8/Q=="])
        #expect(
            Fixtures.documentedTrailer.trailerSignature(
                previous: "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
                trailers: [("x-amz-checksum-crc32c", "sOO8/Q==")])
                == "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435")
    }

    /// The exact bodies botocore 1.43's `AwsChunkedWrapper` sends for `hello world` and for an empty object.
    @Test(arguments: [
        ("hello world", "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n"),
        ("", "0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n"),
    ])
    func botocoreUnsignedBodies(payload: String, wire: String) throws {
        let payload = Array(payload.utf8)
        let decoded = try AWSChunkedDecoder.decode(
            Array(wire.utf8), mode: .unsignedWithTrailer, decodedContentLength: payload.count)
        #expect(decoded.payload == payload)
        #expect(decoded.trailers.map(\.name) == ["x-amz-checksum-crc32"])
        #expect(decoded.trailers.first?.value == ChecksumAlgorithm.crc32.checksum(of: payload))
        let encoded = AWSChunkedEncoder.encode(
            payload, chunkSize: 1 << 20, mode: .unsignedWithTrailer,
            trailers: [("x-amz-checksum-crc32", ChecksumAlgorithm.crc32.checksum(of: payload))])
        #expect(encoded == Array(wire.utf8))
    }

    // MARK: - Round trips

    @Test(arguments: [8_192, 10_000, 65_536], [0, 1, 8_191, 8_192, 8_193, 100_000])
    func roundTripsInEveryMode(chunkSize: Int, payloadSize: Int) throws {
        let payload = ChecksumTests.lcgBytes(count: payloadSize)
        // Two trailers, not in name order, one with spaces around its value: the trailer signature canonicalises.
        let trailers = [
            ("x-amz-checksum-crc64nvme", ChecksumAlgorithm.crc64nvme.checksum(of: payload)),
            ("x-amz-checksum-crc32", " " + ChecksumAlgorithm.crc32.checksum(of: payload) + "\t"),
        ]
        for mode in Fixtures.allModes {
            let body = AWSChunkedEncoder.encode(payload, chunkSize: chunkSize, mode: mode, trailers: trailers)
            let chunks = stride(from: 0, to: payload.count, by: chunkSize).map {
                Array(payload[$0..<min($0 + chunkSize, payload.count)])
            }
            #expect(body == Fixtures.frame(chunks, mode: mode, trailers: trailers))
            let decoded = try AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: payload.count)
            #expect(decoded.payload == payload)
            if case .signed = mode {
                #expect(decoded.trailers.isEmpty)
            } else {
                #expect(decoded.trailers.map(\.name) == ["x-amz-checksum-crc64nvme", "x-amz-checksum-crc32"])
                #expect(decoded.trailers.map(\.value) == trailers.map { $0.1.trimmingCharacters(in: .whitespaces) })
            }
        }
    }

    /// `[UInt8]`, a slice that does not start at zero, `Data` and a sequence without contiguous storage all decode.
    @Test func bodyRepresentations() throws {
        let payload = ChecksumTests.lcgBytes(count: 20_000)
        let mode = AWSChunkedMode.signedWithTrailer(Fixtures.documentedTrailer)
        let body = AWSChunkedEncoder.encode(payload, chunkSize: 8_192, mode: mode, trailers: [("x-amz-meta-a", "1")])
        let padded = [0, 1, 2] + body
        #expect(try AWSChunkedDecoder.decode(padded[3...], mode: mode, decodedContentLength: nil).payload == payload)
        #expect(try AWSChunkedDecoder.decode(Data(body), mode: mode, decodedContentLength: nil).payload == payload)
        let nonContiguous = body.lazy.map { $0 }
        #expect(try AWSChunkedDecoder.decode(nonContiguous, mode: mode, decodedContentLength: nil).payload == payload)
    }

    @Test func uppercaseSizesAndExtensionsOfUnsignedChunks() throws {
        let body = Array("A;ext=1\r\n0123456789\r\n0\r\nx-amz-checksum-crc32: AAAAAA== \r\n\r\n".utf8)
        let decoded = try AWSChunkedDecoder.decode(body, mode: .unsignedWithTrailer, decodedContentLength: 10)
        #expect(decoded.payload == Array("0123456789".utf8))
        #expect(decoded.trailers.map(\.value) == ["AAAAAA=="])
    }

    @Test func trailerNamesAreLowercasedAndOtherTrailersKept() throws {
        let body = Array("3\r\nabc\r\n0\r\nX-Amz-Checksum-CRC32:NSRBwg==\r\nx-amz-meta-note:a:b\r\n\r\n".utf8)
        let decoded = try AWSChunkedDecoder.decode(body, mode: .unsignedWithTrailer, decodedContentLength: 3)
        #expect(decoded.trailers.map(\.name) == ["x-amz-checksum-crc32", "x-amz-meta-note"])
        #expect(decoded.trailers.map(\.value) == ["NSRBwg==", "a:b"])
    }

    // MARK: - Chunk sizes

    /// What S3 answers (reported from real S3 by the versitygw project's compatibility tests): every chunk followed by
    /// another data chunk must be at least 8 KiB, in every mode; `<Chunk>` is the number of the chunk that follows the
    /// small one and `<BadChunkSize>` the small one's size (sizes 3, 2, 0 give `<Chunk>2</Chunk><BadChunkSize>3`).
    @Test(
        arguments: [
            ([8_192, 8_192, 100], nil),
            ([100], nil),
            ([10_000, 9_500, 20], nil),
            ([8_200, 8_201, 10_000, 10], nil),
            ([3, 2], AWSChunkedError.chunkTooSmall(chunk: 2, size: 3)),
            ([100, 8_192, 100], .chunkTooSmall(chunk: 2, size: 100)),
            ([8_192, 10, 100], .chunkTooSmall(chunk: 3, size: 10)),
            ([10, 10, 10], .chunkTooSmall(chunk: 2, size: 10)),
            ([10_000, 10, 8_192, 8_192], .chunkTooSmall(chunk: 3, size: 10)),
        ] as [([Int], AWSChunkedError?)])
    func minimumChunkSize(sizes: [Int], expected: AWSChunkedError?) throws {
        let chunks = Fixtures.chunks(sizes: sizes)
        for mode in Fixtures.allModes {
            let body = Fixtures.frame(chunks, mode: mode, trailers: [("x-amz-checksum-crc32", "AAAAAA==")])
            if let expected {
                #expect(throws: expected) {
                    try AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: nil)
                }
            } else {
                let decoded = try AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: sizes.reduce(0, +))
                #expect(decoded.payload == chunks.flatMap { $0 })
            }
        }
    }
}
