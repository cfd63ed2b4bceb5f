/// Slicing-by-8 lookup tables for a reflected CRC of 32 or 64 bits, computed once per polynomial.
///
/// The tables are built generically; the update loops are written for `UInt32` and `UInt64` separately so that they
/// run on concrete integers even in debug builds (where generic code is not specialised and runs ~20 times slower).
struct CRCTable<Word: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// Eight tables of 256 entries end to end: entry `256 * k + b` is the CRC of byte `b` followed by `k` zero bytes.
    let entries: [Word]

    init(reflectedPolynomial polynomial: Word) {
        var entries = [Word](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = Word(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            entries[byte] = crc
        }
        for index in 256..<(8 * 256) {
            let previous = entries[index - 256]
            entries[index] = (previous >> 8) ^ entries[Int(truncatingIfNeeded: previous & 0xFF)]
        }
        self.entries = entries
    }
}

// MARK: - 32-bit CRCs

extension CRCTable where Word == UInt32 {
    /// Folds bytes into a running CRC (the register, before the final inversion), eight bytes at a time.
    func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        let count = bytes.count
        return entries.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var crc = crc
            var offset = 0
            while count &- offset >= 8 {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let low = UInt32(truncatingIfNeeded: word) ^ crc
                let high = UInt32(truncatingIfNeeded: word &>> 32)
                let a = t[1792 &+ Int(low & 0xFF)] ^ t[1536 &+ Int(low &>> 8 & 0xFF)]
                let b = t[1280 &+ Int(low &>> 16 & 0xFF)] ^ t[1024 &+ Int(low &>> 24)]
                let c = t[768 &+ Int(high & 0xFF)] ^ t[512 &+ Int(high &>> 8 & 0xFF)]
                let d = t[256 &+ Int(high &>> 16 & 0xFF)] ^ t[Int(high &>> 24)]
                crc = a ^ b ^ c ^ d
                offset &+= 8
            }
            while offset < count {
                let byte = UInt32(base.load(fromByteOffset: offset, as: UInt8.self))
                crc = (crc &>> 8) ^ t[Int((crc ^ byte) & 0xFF)]
                offset &+= 1
            }
            return crc
        }
    }
}

// MARK: - 64-bit CRCs

extension CRCTable where Word == UInt64 {
    /// Folds bytes into a running CRC (the register, before the final inversion), eight bytes at a time.
    func update(_ crc: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        let count = bytes.count
        return entries.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var crc = crc
            var offset = 0
            while count &- offset >= 8 {
                let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ crc
                let a = t[1792 &+ Int(x & 0xFF)] ^ t[1536 &+ Int(x &>> 8 & 0xFF)]
                let b = t[1280 &+ Int(x &>> 16 & 0xFF)] ^ t[1024 &+ Int(x &>> 24 & 0xFF)]
                let c = t[768 &+ Int(x &>> 32 & 0xFF)] ^ t[512 &+ Int(x &>> 40 & 0xFF)]
                let d = t[256 &+ Int(x &>> 48 & 0xFF)] ^ t[Int(x &>> 56)]
                crc = a ^ b ^ c ^ d
                offset &+= 8
            }
            while offset < count {
                let byte = UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
                crc = (crc &>> 8) ^ t[Int((crc ^ byte) & 0xFF)]
                offset &+= 1
            }
            return crc
        }
    }
}

// MARK: - The tables

/// The tables of the CRCs S3 supports, built on first use and shared (they are constants, not state).
enum CRCTables {
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib computes it.
    static let crc32 = CRCTable<UInt32>(reflectedPolynomial: 0xEDB8_8320)
    /// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78).
    static let crc32c = CRCTable<UInt32>(reflectedPolynomial: 0x82F6_3B78)
    /// CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5).
    static let crc64nvme = CRCTable<UInt64>(reflectedPolynomial: 0x9A6C_9329_AC4B_C9B5)
}
