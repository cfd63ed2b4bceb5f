import AWSWire
import Foundation
import Testing

/// The expected values were computed with Python (`zlib.crc32`, `hashlib`, and bitwise reference implementations of
/// CRC-32C and CRC-64/NVME), and are the base64 of the big-endian digest, as the `x-amz-checksum-*` headers carry it.
@Suite("Checksums")
struct ChecksumTests {
    /// The catalogue check values of "123456789": CRC-32 0xCBF43926, CRC-32C 0xE3069283,
    /// CRC-64/NVME 0xAE8B14860A799888.
    @Test(arguments: [
        (ChecksumAlgorithm.crc32, "y/Q5Jg=="),
        (.crc32c, "4waSgw=="),
        (.crc64nvme, "rosUhgp5mIg="),
        (.sha1, "98O8HYCOBHMq32eZZczDTKeuNEE="),
        (.sha256, "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU="),
    ])
    func checkValues(algorithm: ChecksumAlgorithm, expected: String) {
        #expect(algorithm.checksum(of: Array("123456789".utf8)) == expected)
        var hasher = ChecksumHasher(algorithm)
        hasher.update(Array("123456789".utf8))
        #expect(hasher.finalize() == [UInt8](Data(base64Encoded: expected)!))
    }

    @Test(arguments: [
        (ChecksumAlgorithm.crc32, "AAAAAA==", "DUoRhQ=="),
        (.crc32c, "AAAAAA==", "yZRlqg=="),
        (.crc64nvme, "AAAAAAAAAAA=", "jSnVw/bqjr4="),
        (.sha1, "2jmj7l5rSw0yVb/vlWAYkK/YBwk=", "Kq5sNclPz7QV2+lfQIuc6R7oRu0="),
        (.sha256, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="),
    ])
    func emptyAndHelloWorld(algorithm: ChecksumAlgorithm, empty: String, helloWorld: String) {
        #expect(algorithm.checksum(of: [UInt8]()) == empty)
        #expect(ChecksumHasher(algorithm).finalizeBase64() == empty)
        #expect(algorithm.checksum(of: Array("hello world".utf8)) == helloWorld)
        #expect(algorithm.checksum(of: Data("hello world".utf8)) == helloWorld)
    }

    /// 1 MiB + 3 bytes of a linear congruential sequence: exercises the eight-byte loop and the tail at scale.
    @Test(arguments: [
        (ChecksumAlgorithm.crc32, "NxnTUg=="),
        (.crc32c, "UNSLvQ=="),
        (.crc64nvme, "cGLgchItWBg="),
        (.sha1, "WeAKZM+cJAY0ptCxtvMDsOOHwqg="),
        (.sha256, "QIS7nOQ2jQsFiYkOp6MO72wwrbtiZKqJpq0jlrrD56Y="),
    ])
    func largeBuffer(algorithm: ChecksumAlgorithm, expected: String) {
        let data = Self.lcgBytes(count: (1 << 20) + 3)
        #expect(Array(data.prefix(8)) == [0xc6, 0x7e, 0x81, 0x6b, 0x4b, 0xfb, 0xe2, 0xfb])
        #expect(algorithm.checksum(of: data) == expected)
        // The same bytes fed from unaligned offsets.
        var hasher = ChecksumHasher(algorithm)
        hasher.update(data[0..<3])
        hasher.update(data[3..<(data.count - 5)])
        hasher.update(data[(data.count - 5)...])
        #expect(hasher.finalizeBase64() == expected)
    }

    @Test(arguments: ChecksumAlgorithm.allCases)
    func incrementalEqualsOneShot(algorithm: ChecksumAlgorithm) {
        var random = SplitMix64(seed: 0xC0FFEE)
        let data = (0..<10_007).map { _ in UInt8.random(in: 0...255, using: &random) }
        let oneShot = algorithm.checksum(of: data)
        for round in 0..<20 {
            var hasher = ChecksumHasher(algorithm)
            var start = 0
            while start < data.count {
                let longest = round.isMultiple(of: 2) ? 17 : 3_000
                let length = Int.random(in: 0...longest, using: &random)
                let end = min(data.count, start + length)
                if round.isMultiple(of: 3) {
                    data[start..<end].withUnsafeBytes { hasher.update($0) }
                } else {
                    hasher.update(data[start..<end])
                }
                start = end
            }
            #expect(hasher.finalizeBase64() == oneShot)
        }
    }

    /// A sequence without contiguous storage goes through the stack buffer, across several of its 4 KiB fills.
    @Test(arguments: ChecksumAlgorithm.allCases)
    func nonContiguousSequences(algorithm: ChecksumAlgorithm) {
        let data = Self.lcgBytes(count: 10_007)
        #expect(algorithm.checksum(of: data.lazy.map { $0 }) == algorithm.checksum(of: data))
        #expect(algorithm.checksum(of: AnySequence(data)) == algorithm.checksum(of: data))
    }

    @Test(arguments: ChecksumAlgorithm.allCases)
    func digestLengths(algorithm: ChecksumAlgorithm) {
        #expect(ChecksumHasher(algorithm).finalize().count == algorithm.digestLength)
        #expect(ChecksumHasher(algorithm).algorithm == algorithm)
    }

    @Test func namesAndHeaders() {
        #expect(
            ChecksumAlgorithm.allCases.map(\.headerName) == [
                "x-amz-checksum-crc32", "x-amz-checksum-crc32c", "x-amz-checksum-crc64nvme", "x-amz-checksum-sha1",
                "x-amz-checksum-sha256",
            ])
        for algorithm in ChecksumAlgorithm.allCases {
            #expect(ChecksumAlgorithm(headerName: algorithm.headerName) == algorithm)
            #expect(ChecksumAlgorithm(headerName: algorithm.headerName.uppercased()) == algorithm)
            #expect(ChecksumAlgorithm(name: algorithm.rawValue.lowercased()) == algorithm)
            #expect(ChecksumAlgorithm(name: algorithm.rawValue) == algorithm)
        }
        #expect(ChecksumAlgorithm(headerName: "X-Amz-Checksum-CRC32C") == .crc32c)
        #expect(ChecksumAlgorithm(name: "Crc64Nvme") == .crc64nvme)
        #expect(ChecksumAlgorithm(headerName: "x-amz-checksum-mode") == nil)
        #expect(ChecksumAlgorithm(headerName: "x-amz-checksum-type") == nil)
        #expect(ChecksumAlgorithm(headerName: "x-amz-checksum-") == nil)
        #expect(ChecksumAlgorithm(headerName: "crc32") == nil)
        #expect(ChecksumAlgorithm(name: "MD5") == nil)
        #expect(ChecksumAlgorithm(name: "") == nil)
    }

    /// `x = x * 1103515245 + 12345 (mod 2^32)`, byte = bits 16...23, starting from x = 1 (the Python generator's twin).
    static func lcgBytes(count: Int) -> [UInt8] {
        var x: UInt32 = 1
        return (0..<count).map { _ in
            x = x &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: x >> 16)
        }
    }
}

/// A small deterministic generator, so that a failing random test fails the same way again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
