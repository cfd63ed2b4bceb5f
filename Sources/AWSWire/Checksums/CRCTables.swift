/// Slicing-by-8 tables for a reflected CRC, computed once per polynomial.
struct CRCTable32: Sendable {
    let tables: [[UInt32]]

    init(reflectedPolynomial polynomial: UInt32) {
        var first = [UInt32](repeating: 0, count: 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            first[index] = crc
        }
        var tables = [first]
        for slice in 1..<8 {
            tables.append(
                (0..<256).map { index in
                    let previous = tables[slice - 1][index]
                    return (previous >> 8) ^ first[Int(previous & 0xFF)]
                })
        }
        self.tables = tables
    }

    func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = crc
        var index = 0
        let count = bytes.count
        tables.withUnsafeBufferPointer { t in
            let t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7]
            while count - index >= 8 {
                let low =
                    crc
                    ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                        | UInt32(bytes[index + 3]) << 24)
                crc =
                    t7[Int(low & 0xFF)] ^ t6[Int(low >> 8 & 0xFF)] ^ t5[Int(low >> 16 & 0xFF)] ^ t4[Int(low >> 24)]
                    ^ t3[Int(bytes[index + 4])] ^ t2[Int(bytes[index + 5])] ^ t1[Int(bytes[index + 6])]
                    ^ t0[Int(bytes[index + 7])]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ t0[Int((crc ^ UInt32(bytes[index])) & 0xFF)]
                index += 1
            }
        }
        return crc
    }
}

/// Slicing-by-8 tables for a reflected 64-bit CRC.
struct CRCTable64: Sendable {
    let tables: [[UInt64]]

    init(reflectedPolynomial polynomial: UInt64) {
        var first = [UInt64](repeating: 0, count: 256)
        for index in 0..<256 {
            var crc = UInt64(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            first[index] = crc
        }
        var tables = [first]
        for slice in 1..<8 {
            tables.append(
                (0..<256).map { index in
                    let previous = tables[slice - 1][index]
                    return (previous >> 8) ^ first[Int(previous & 0xFF)]
                })
        }
        self.tables = tables
    }

    func update(_ crc: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var crc = crc
        var index = 0
        let count = bytes.count
        tables.withUnsafeBufferPointer { t in
            let t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7]
            while count - index >= 8 {
                var word: UInt64 = 0
                for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << UInt64(8 * offset) }
                let value = crc ^ word
                crc =
                    t7[Int(value & 0xFF)] ^ t6[Int(value >> 8 & 0xFF)] ^ t5[Int(value >> 16 & 0xFF)]
                    ^ t4[Int(value >> 24 & 0xFF)] ^ t3[Int(value >> 32 & 0xFF)] ^ t2[Int(value >> 40 & 0xFF)]
                    ^ t1[Int(value >> 48 & 0xFF)] ^ t0[Int(value >> 56)]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ t0[Int((crc ^ UInt64(bytes[index])) & 0xFF)]
                index += 1
            }
        }
        return crc
    }
}

/// The tables of the CRCs S3 supports.
enum CRCTables {
    /// CRC-32 (IEEE 802.3), as zlib computes it.
    static let crc32 = CRCTable32(reflectedPolynomial: 0xEDB8_8320)
    /// CRC-32C (Castagnoli).
    static let crc32c = CRCTable32(reflectedPolynomial: 0x82F6_3B78)
    /// CRC-64/NVME.
    static let crc64nvme = CRCTable64(reflectedPolynomial: 0x9A6C_9329_AC4B_C9B5)
}
