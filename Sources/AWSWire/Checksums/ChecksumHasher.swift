import Crypto
import Foundation

/// Computes a checksum incrementally.
public struct ChecksumHasher: Sendable {
    private enum State: Sendable {
        case crc32(UInt32)
        case crc32c(UInt32)
        case crc64(UInt64)
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
    }

    /// The algorithm.
    public let algorithm: ChecksumAlgorithm
    private var state: State

    /// Starts a checksum.
    public init(_ algorithm: ChecksumAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .crc32: state = .crc32(0xFFFF_FFFF)
        case .crc32c: state = .crc32c(0xFFFF_FFFF)
        case .crc64nvme: state = .crc64(0xFFFF_FFFF_FFFF_FFFF)
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        }
    }

    /// Adds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .crc32(let crc): state = .crc32(CRCTables.crc32.update(crc, bytes))
        case .crc32c(let crc): state = .crc32c(CRCTables.crc32c.update(crc, bytes))
        case .crc64(let crc): state = .crc64(CRCTables.crc64nvme.update(crc, bytes))
        case .sha1(var hasher):
            hasher.update(bufferPointer: bytes)
            state = .sha1(hasher)
        case .sha256(var hasher):
            hasher.update(bufferPointer: bytes)
            state = .sha256(hasher)
        }
    }

    /// Adds bytes from any sequence (contiguous storage is read in place).
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// The digest, big-endian for CRCs.
    public func finalize() -> [UInt8] {
        switch state {
        case .crc32(let crc), .crc32c(let crc):
            let value = ~crc
            return [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        case .crc64(let crc):
            let value = ~crc
            return (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * $0)) }
        case .sha1(let hasher):
            return Array(hasher.finalize())
        case .sha256(let hasher):
            return Array(hasher.finalize())
        }
    }

    /// The digest in base64.
    public func finalizeBase64() -> String {
        Data(finalize()).base64EncodedString()
    }
}
