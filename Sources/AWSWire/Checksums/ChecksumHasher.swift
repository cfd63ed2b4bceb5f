import Crypto
import Foundation

/// Computes an S3 checksum incrementally: feed the bytes in any number of pieces, then finalize.
///
/// ```swift
/// var hasher = ChecksumHasher(.crc32)
/// hasher.update(Array("hello ".utf8))
/// hasher.update(Array("world".utf8))
/// hasher.finalizeBase64()  // "DUoRhQ==", as the x-amz-checksum-crc32 header carries it
/// ```
public struct ChecksumHasher: Sendable {
    private enum State: Sendable {
        case crc32(UInt32)
        case crc32c(UInt32)
        case crc64nvme(UInt64)
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
    }

    /// The algorithm being computed.
    public let algorithm: ChecksumAlgorithm
    private var state: State

    /// Starts a checksum.
    /// - Parameter algorithm: The algorithm to compute.
    public init(_ algorithm: ChecksumAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .crc32: state = .crc32(~0)
        case .crc32c: state = .crc32c(~0)
        case .crc64nvme: state = .crc64nvme(~0)
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        }
    }

    /// Adds bytes.
    /// - Parameter bytes: The next bytes of the input.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .crc32(let crc): state = .crc32(CRCTables.crc32.update(crc, bytes))
        case .crc32c(let crc): state = .crc32c(CRCTables.crc32c.update(crc, bytes))
        case .crc64nvme(let crc): state = .crc64nvme(CRCTables.crc64nvme.update(crc, bytes))
        case .sha1(var hasher):
            hasher.update(bufferPointer: bytes)
            state = .sha1(hasher)
        case .sha256(var hasher):
            hasher.update(bufferPointer: bytes)
            state = .sha256(hasher)
        }
    }

    /// Adds bytes from any sequence: contiguous storage (`[UInt8]`, `ArraySlice`, `Data`, NIO's `ByteBufferView`) is
    /// read in place, anything else is copied through a small stack buffer.
    /// - Parameter bytes: The next bytes of the input.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            var iterator = bytes.makeIterator()
            var filled = 0
            while let byte = iterator.next() {
                buffer[filled] = byte
                filled += 1
                if filled == buffer.count {
                    update(UnsafeRawBufferPointer(buffer))
                    filled = 0
                }
            }
            update(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<filled])))
        }
    }

    /// The digest of everything added so far; CRCs are written big-endian, as S3 transmits them.
    /// - Returns: ``ChecksumAlgorithm/digestLength`` bytes.
    public func finalize() -> [UInt8] {
        switch state {
        case .crc32(let crc), .crc32c(let crc):
            return Self.bigEndianBytes(~crc)
        case .crc64nvme(let crc):
            return Self.bigEndianBytes(~crc)
        case .sha1(let hasher):
            return Array(hasher.finalize())
        case .sha256(let hasher):
            return Array(hasher.finalize())
        }
    }

    /// The digest in base64, the form of the `x-amz-checksum-*` headers and trailers.
    /// - Returns: The base64 text (`"DUoRhQ=="`).
    public func finalizeBase64() -> String {
        Data(finalize()).base64EncodedString()
    }

    private static func bigEndianBytes<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
