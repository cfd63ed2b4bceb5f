import AWSWire
import Testing

@Suite("Checksums")
struct ChecksumTests {
    @Test(arguments: [
        (ChecksumAlgorithm.crc32, "y/Q5Jg=="),  // 0xCBF43926
        (.crc32c, "4waSgw=="),  // 0xE3069283
        (.crc64nvme, "rosUhgp5mIg="),  // 0xAE8B14860A799888
        (.sha1, "98O8HYCOBHMq32eZZczDTKeuNEE="),
        (.sha256, "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU="),
    ])
    func checkValues(algorithm: ChecksumAlgorithm, expected: String) {
        #expect(algorithm.checksum(of: Array("123456789".utf8)) == expected)
    }

    @Test func emptyAndKnownCRC32() {
        #expect(ChecksumAlgorithm.crc32.checksum(of: [UInt8]()) == "AAAAAA==")
        #expect(ChecksumAlgorithm.crc32.checksum(of: Array("hello world".utf8)) == "DUoRhQ==")
    }

    @Test(arguments: ChecksumAlgorithm.allCases)
    func incrementalEqualsOneShot(algorithm: ChecksumAlgorithm) {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<10_007).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let oneShot = algorithm.checksum(of: data)
        for _ in 0..<5 {
            var hasher = ChecksumHasher(algorithm)
            var start = 0
            while start < data.count {
                let end = min(data.count, start + Int.random(in: 1...300))
                hasher.update(data[start..<end])
                start = end
            }
            #expect(hasher.finalizeBase64() == oneShot)
        }
    }

    @Test func headerNames() {
        #expect(ChecksumAlgorithm(headerName: "X-Amz-Checksum-CRC32C") == .crc32c)
        #expect(ChecksumAlgorithm(headerName: "x-amz-checksum-mode") == nil)
        #expect(ChecksumAlgorithm.crc64nvme.headerName == "x-amz-checksum-crc64nvme")
        #expect(ChecksumAlgorithm(name: "sha256")?.digestLength == 32)
    }
}
