/// Slicing-by-8 tables for a reflected CRC of 32 or 64 bits, computed once per polynomial.
struct CRCTable<Word: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// `tables[k][b]`: the CRC of byte `b` followed by `k` zero bytes.
    let tables: [[Word]]

    init(reflectedPolynomial polynomial: Word) {
        var first = [Word](repeating: 0, count: 256)
        for index in 0..<256 {
            var crc = Word(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            first[index] = crc
        }
        var tables = [first]
        for slice in 1..<8 {
            tables.append(
                (0..<256).map { index in
                    let previous = tables[slice - 1][index]
                    return (previous >> 8) ^ first[Int(truncatingIfNeeded: previous & 0xFF)]
                })
        }
        self.tables = tables
    }

    /// Folds bytes into a running (not yet inverted) CRC, eight bytes at a time.
    func update(_ crc: Word, _ bytes: UnsafeRawBufferPointer) -> Word {
        var crc = crc
        var index = 0
        let count = bytes.count
        tables.withUnsafeBufferPointer { t in
            let t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7]
            while count - index >= 8 {
                var word: UInt64 = 0
                for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << UInt64(8 * offset) }
                let x = UInt64(truncatingIfNeeded: crc) ^ word
                crc =
                    t7[Int(x & 0xFF)] ^ t6[Int(x >> 8 & 0xFF)] ^ t5[Int(x >> 16 & 0xFF)] ^ t4[Int(x >> 24 & 0xFF)]
                    ^ t3[Int(x >> 32 & 0xFF)] ^ t2[Int(x >> 40 & 0xFF)] ^ t1[Int(x >> 48 & 0xFF)] ^ t0[Int(x >> 56)]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ t0[Int(truncatingIfNeeded: (crc ^ Word(bytes[index])) & 0xFF)]
                index += 1
            }
        }
        return crc
    }
}

/// The tables of the CRCs S3 supports.
enum CRCTables {
    /// CRC-32 (IEEE 802.3), as zlib computes it.
    static let crc32 = CRCTable<UInt32>(reflectedPolynomial: 0xEDB8_8320)
    /// CRC-32C (Castagnoli).
    static let crc32c = CRCTable<UInt32>(reflectedPolynomial: 0x82F6_3B78)
    /// CRC-64/NVME.
    static let crc64nvme = CRCTable<UInt64>(reflectedPolynomial: 0x9A6C_9329_AC4B_C9B5)
}
