import AWSWire
import Foundation
import Testing

@Suite("aws-chunked: refused bodies")
struct AWSChunkedMalformedTests {
    typealias Fixtures = AWSChunkedFixtures

    static func decode(
        _ text: String, mode: AWSChunkedMode = .unsignedWithTrailer, length: Int? = nil
    )
        throws(AWSChunkedError) -> AWSChunkedDecoded
    {
        try AWSChunkedDecoder.decode(Array(text.utf8), mode: mode, decodedContentLength: length)
    }

    // MARK: - Signatures

    @Test func tamperedChunksAreRefused() throws {
        let mode = AWSChunkedMode.signed(Fixtures.documentedSigned)
        let chunks = Fixtures.chunks(sizes: [8_192, 8_192, 100])
        let body = Fixtures.frame(chunks, mode: mode)
        #expect(try AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: 16_484).payload.count == 16_484)

        var tampered = body
        tampered[body.count - 150] ^= 1  // a byte of the last data chunk
        #expect(throws: AWSChunkedError.chunkSignatureMismatch) {
            try AWSChunkedDecoder.decode(tampered, mode: mode, decodedContentLength: nil)
        }
        tampered = body
        tampered[30] = tampered[30] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")  // the first signature
        #expect(throws: AWSChunkedError.chunkSignatureMismatch) {
            try AWSChunkedDecoder.decode(tampered, mode: mode, decodedContentLength: nil)
        }
        // The first two chunks swapped, each keeping its signature: the chain breaks.
        let chunkLength = ";chunk-signature=".utf8.count + 4 + 64 + 2 + 8_192 + 2
        let spliced =
            Array(body[chunkLength..<(2 * chunkLength)]) + body[..<chunkLength] + body[(2 * chunkLength)...]
        #expect(spliced.count == body.count)
        #expect(throws: AWSChunkedError.chunkSignatureMismatch) {
            try AWSChunkedDecoder.decode(spliced, mode: mode, decodedContentLength: nil)
        }
    }

    @Test func wrongSeedOrKeyIsRefused() {
        let body = Fixtures.frame(Fixtures.chunks(sizes: [9_000]), mode: .signed(Fixtures.documentedSigned))
        var wrongSeed = Fixtures.documentedSigned
        wrongSeed.seedSignature = Fixtures.documentedTrailer.seedSignature
        var wrongKey = Fixtures.documentedSigned
        wrongKey.signingKey[0] ^= 1
        for context in [wrongSeed, wrongKey] {
            #expect(throws: AWSChunkedError.chunkSignatureMismatch) {
                try AWSChunkedDecoder.decode(body, mode: .signed(context), decodedContentLength: nil)
            }
        }
    }

    @Test func signedChunksNeedTheirSignature() {
        let mode = AWSChunkedMode.signed(Fixtures.documentedSigned)
        let signature = String(repeating: "0", count: 64)
        let malformed = [
            "3\r\nabc\r\n0\r\n\r\n", "3;chunk-signature=abc\r\nabc\r\n", "3;chunk-signature=\(signature)0\r\nabc\r\n",
            "3;chunk-sig=\(signature)\r\nabc\r\n",
        ]
        for text in malformed {
            #expect(throws: AWSChunkedError.malformedChunk("missing chunk-signature")) {
                try Self.decode(text, mode: mode)
            }
        }
        #expect(throws: AWSChunkedError.chunkSignatureMismatch) {
            try Self.decode("3;chunk-signature=\(signature)\r\nabc\r\n", mode: mode)
        }
    }

    @Test func tamperedTrailersAreRefused() throws {
        let mode = AWSChunkedMode.signedWithTrailer(Fixtures.documentedTrailer)
        let trailers = [("x-amz-checksum-crc32", "AAAAAA==")]
        let body = String(decoding: Fixtures.frame([Array("abc".utf8)], mode: mode, trailers: trailers), as: UTF8.self)
        #expect(try Self.decode(body, mode: mode).payload == Array("abc".utf8))
        let signatureLine = body.split(separator: "\r\n").first { $0.hasPrefix("x-amz-trailer-signature:") }!
        let variants = [
            body.replacingOccurrences(of: "AAAAAA==", with: "AAAAAB=="),
            body.replacingOccurrences(of: signatureLine + "\r\n", with: ""),
            body.replacingOccurrences(of: signatureLine, with: signatureLine + "\r\nx-amz-meta-extra:1"),
            body.replacingOccurrences(of: "x-amz-checksum-crc32:", with: "x-amz-checksum-crc32c:"),
        ]
        for variant in variants {
            #expect(throws: AWSChunkedError.trailerSignatureMismatch) { try Self.decode(variant, mode: mode) }
        }
    }

    // MARK: - Framing

    @Test(arguments: [
        ("", AWSChunkedError.incompleteBody),
        ("3", .incompleteBody),
        ("3\r", .incompleteBody),
        ("3\r\nab", .incompleteBody),
        ("3\r\nabc", .incompleteBody),
        ("3\r\nabc\r", .incompleteBody),
        ("3\r\nabc\r\n", .incompleteBody),
        ("3\r\nabc\r\n0\r\n", .incompleteBody),
        ("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n", .incompleteBody),
        ("7fffffffffffffff\r\nabc", .incompleteBody),
        ("zz\r\nabc\r\n0\r\n\r\n", .malformedChunk("chunk size is not hexadecimal")),
        (" 3\r\nabc\r\n0\r\n\r\n", .malformedChunk("chunk size is not hexadecimal")),
        ("-3\r\nabc\r\n0\r\n\r\n", .malformedChunk("chunk size is not hexadecimal")),
        ("\r\nabc\r\n0\r\n\r\n", .malformedChunk("missing chunk size")),
        (";x\r\n", .malformedChunk("missing chunk size")),
        ("fffffffffffffffff\r\n", .malformedChunk("chunk size is too large")),
        ("3\r\nabcXY0\r\n\r\n", .malformedChunk("expected CRLF")),
        ("2\r\nabc\r\n0\r\n\r\n", .malformedChunk("expected CRLF")),
        ("3\r\nabc\r\n0\r\nnocolon\r\n\r\n", .malformedTrailer("nocolon")),
        ("3\r\nabc\r\n0\r\n:value\r\n\r\n", .malformedTrailer(":value")),
        ("3\r\nabc\r\n0\r\nbad name:value\r\n\r\n", .malformedTrailer("bad name:value")),
        (String(repeating: "1", count: 5_000) + "\r\n", .malformedChunk("line longer than 4096 bytes")),
    ])
    func framingErrors(text: String, expected: AWSChunkedError) {
        #expect(throws: expected) { try Self.decode(text) }
    }

    @Test func signedBodiesEndWithAnEmptyLine() {
        let mode = AWSChunkedMode.signed(Fixtures.documentedSigned)
        let body = Fixtures.frame([Array("abc".utf8)], mode: mode)
        #expect(throws: AWSChunkedError.malformedChunk("expected CRLF")) {
            try AWSChunkedDecoder.decode(body.dropLast(2) + Array("XY".utf8), mode: mode, decodedContentLength: nil)
        }
        #expect(throws: AWSChunkedError.incompleteBody) {
            try AWSChunkedDecoder.decode(body.dropLast(1), mode: mode, decodedContentLength: nil)
        }
    }

    @Test func decodedLengthMustMatch() {
        #expect(throws: AWSChunkedError.decodedLengthMismatch(expected: 2, actual: 3)) {
            try Self.decode("3\r\nabc\r\n0\r\n\r\n", length: 2)
        }
        #expect(throws: AWSChunkedError.decodedLengthMismatch(expected: 4, actual: 3)) {
            try Self.decode("3\r\nabc\r\n0\r\n\r\n", length: 4)
        }
        #expect(throws: AWSChunkedError.decodedLengthMismatch(expected: -1, actual: 3)) {
            try Self.decode("3\r\nabc\r\n0\r\n\r\n", length: -1)
        }
    }

    @Test func trailerCountIsBounded() {
        let trailers = (0..<65).map { "x-amz-meta-\($0):v\r\n" }.joined()
        #expect(throws: AWSChunkedError.malformedTrailer("too many trailers")) {
            try Self.decode("0\r\n" + trailers + "\r\n")
        }
    }

    /// Every strict prefix of a valid body, in every mode, is an incomplete body: never a success, never another error.
    @Test func everyTruncationIsAnIncompleteBody() throws {
        for mode in Fixtures.allModes {
            let body = Fixtures.frame(
                Fixtures.chunks(sizes: [8_192, 40]), mode: mode, trailers: [("x-amz-checksum-crc32", "AAAAAA==")])
            #expect(try AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: 8_232).payload.count == 8_232)
            for length in 0..<body.count {
                #expect(throws: AWSChunkedError.incompleteBody) {
                    try AWSChunkedDecoder.decode(body[..<length], mode: mode, decodedContentLength: 8_232)
                }
            }
        }
    }

    // MARK: - Fuzzing

    /// Random bytes, and valid bodies with random bytes flipped, inserted, removed or cut: the decoder answers every
    /// one with a payload or an error, never a trap or a hang, and a payload it returns has the declared length.
    @Test func garbageNeverTraps() {
        var random = SplitMix64(seed: 0xB41C_4A2D)
        let alphabet = Array("0123456789abcdefABCDEF;:=-\r\n\r\nxz chunk-signature=x-amz-trailer-signature".utf8)
        let valid = Fixtures.allModes.map { mode in
            Fixtures.frame(
                Fixtures.chunks(sizes: [8_192, 300]), mode: mode, trailers: [("x-amz-checksum-crc32", "AAAAAA==")])
        }
        for round in 0..<3_000 {
            let modeIndex = round % 3
            var body: [UInt8]
            switch round % 4 {
            case 0:
                body = (0..<Int.random(in: 0...300, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            case 1:
                let count = Int.random(in: 0...300, using: &random)
                body = (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            default:
                body = valid[modeIndex]
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let position = Int.random(in: 0..<body.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: body[position] ^= UInt8.random(in: 1...255, using: &random)
                    case 1: body.insert(alphabet.randomElement(using: &random)!, at: position)
                    case 2: body.remove(at: position)
                    default: body.removeLast(Int.random(in: 0...(body.count - position), using: &random))
                    }
                    if body.isEmpty { break }
                }
            }
            for mode in Fixtures.allModes {
                if let decoded = try? AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: 8_492) {
                    #expect(decoded.payload.count == 8_492)
                }
                _ = try? AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: nil)
            }
        }
    }
}
