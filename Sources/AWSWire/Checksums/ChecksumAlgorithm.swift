import Foundation

/// The checksum algorithms of S3's `x-amz-checksum-*` headers and trailers.
///
/// The raw value is the name S3 uses in `x-amz-sdk-checksum-algorithm`, `ChecksumAlgorithm` elements and
/// `x-amz-checksum-algorithm` (`CRC32`); ``headerName`` is the header that carries a value (`x-amz-checksum-crc32`).
public enum ChecksumAlgorithm: String, CaseIterable, Sendable {
    /// CRC-32 (IEEE 802.3), as zlib computes it.
    case crc32 = "CRC32"
    /// CRC-32C (Castagnoli).
    case crc32c = "CRC32C"
    /// CRC-64/NVME, S3's default for objects uploaded without a checksum.
    case crc64nvme = "CRC64NVME"
    /// SHA-1.
    case sha1 = "SHA1"
    /// SHA-256.
    case sha256 = "SHA256"

    private static let headerPrefix = "x-amz-checksum-"

    /// The header (or trailer) that carries the checksum, lowercase: `x-amz-checksum-crc32`.
    public var headerName: String { Self.headerPrefix + rawValue.lowercased() }

    /// The length of the digest in bytes (4, 8, 20 or 32); its base64 form is what the headers carry.
    public var digestLength: Int {
        switch self {
        case .crc32, .crc32c: 4
        case .crc64nvme: 8
        case .sha1: 20
        case .sha256: 32
        }
    }

    /// The algorithm a header or trailer name designates.
    /// - Parameter headerName: `x-amz-checksum-crc32`, in any case.
    /// - Returns: `nil` for other names, including `x-amz-checksum-mode` and `x-amz-checksum-type`.
    public init?(headerName: String) {
        let lower = headerName.lowercased()
        guard lower.hasPrefix(Self.headerPrefix) else { return nil }
        self.init(name: String(lower.dropFirst(Self.headerPrefix.count)))
    }

    /// The algorithm a name designates.
    /// - Parameter name: `CRC32`, `crc32` or any other case.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// The checksum of some bytes, in base64 as the `x-amz-checksum-*` headers carry it.
    /// - Parameter bytes: The bytes; contiguous collections are read in place.
    /// - Returns: The base64 digest (`"DUoRhQ=="` for the CRC32 of `hello world`).
    public func checksum<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = ChecksumHasher(self)
        hasher.update(bytes)
        return hasher.finalizeBase64()
    }
}
