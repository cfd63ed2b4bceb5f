import Foundation

/// The checksum algorithms of S3's `x-amz-checksum-*` headers.
public enum ChecksumAlgorithm: String, CaseIterable, Sendable {
    case crc32 = "CRC32"
    case crc32c = "CRC32C"
    case crc64nvme = "CRC64NVME"
    case sha1 = "SHA1"
    case sha256 = "SHA256"

    /// The header that carries the checksum (`x-amz-checksum-crc32`).
    public var headerName: String { "x-amz-checksum-\(rawValue.lowercased())" }

    /// The length of the digest in bytes.
    public var digestLength: Int {
        switch self {
        case .crc32, .crc32c: 4
        case .crc64nvme: 8
        case .sha1: 20
        case .sha256: 32
        }
    }

    /// The algorithm a header names (`x-amz-checksum-crc32`, any case).
    public init?(headerName: String) {
        let lower = headerName.lowercased()
        guard lower.hasPrefix("x-amz-checksum-") else { return nil }
        self.init(name: String(lower.dropFirst("x-amz-checksum-".count)))
    }

    /// The algorithm a name designates (`crc32`, `CRC32`).
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// The base64 checksum of bytes, as the headers carry it.
    public func checksum<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = ChecksumHasher(self)
        hasher.update(bytes)
        return hasher.finalizeBase64()
    }
}
