import AWSWire
import Foundation
import NIOCore
import NIOFoundationCompat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only file of state changes: the emulator's durability.
///
/// Each record is `"BYJ1"`, a little-endian `UInt32` header length, a `UInt64` payload length, the header (JSON),
/// the payload (raw bytes) and a CRC32 of header and payload. A record is written with one `write(2)` before the change
/// is acknowledged, so a `kill -9` loses nothing that was acknowledged; a torn record at the end (power loss mid-write)
/// fails its length or CRC check and is dropped on replay, with everything before it kept.
final class StateJournal: @unchecked Sendable {
    /// A record read back.
    struct Record {
        var header: Data
        var payload: ByteBuffer
    }

    /// Why the journal could not be used.
    struct JournalError: Error, CustomStringConvertible {
        var description: String
    }

    private static let magic: [UInt8] = Array("BYJ1".utf8)
    let path: String
    private var descriptor: Int32
    // Callers serialise appends (each service appends under its own state lock).

    /// Opens (creating if needed) a journal for appending.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw JournalError(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends one record.
    func append(header: Data, payload: ByteBuffer) throws {
        try Self.writeAll(Self.encode(header: header, payload: payload), to: descriptor, path: path)
    }

    /// Writes a whole buffer, retrying short writes and interruptions.
    private static func writeAll(_ buffer: ByteBuffer, to descriptor: Int32, path: String) throws {
        try buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JournalError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Forces written records to the disk (for a clean shutdown).
    func sync() {
        fsync(descriptor)
    }

    /// Replaces the journal's contents with the given records (compaction), atomically.
    func rewrite(_ records: [(header: Data, payload: ByteBuffer)]) throws {
        let temporary = path + ".compact"
        let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if file < 0 { throw JournalError(description: "cannot open \(temporary)") }
        do {
            for record in records {
                try Self.writeAll(
                    Self.encode(header: record.header, payload: record.payload), to: file, path: temporary)
            }
        } catch {
            close(file)
            throw error
        }
        fsync(file)
        close(file)
        guard rename(temporary, path) == 0 else { throw JournalError(description: "cannot replace \(path)") }
        DurableFile.syncFolder(of: path)
        close(descriptor)
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw JournalError(description: "cannot reopen \(path)") }
    }

    /// Reads every intact record of a journal file (none when it does not exist).
    static func read(path: String) throws -> [Record] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError(description: "cannot read \(path)")
        }
        var buffer = ByteBuffer(data: data)
        var records: [Record] = []
        while buffer.readableBytes >= 16 {
            guard let magic = buffer.readBytes(length: 4), magic == Self.magic,
                let headerLength = buffer.readInteger(endianness: .little, as: UInt32.self),
                let payloadLength = buffer.readInteger(endianness: .little, as: UInt64.self),
                // A torn or damaged record can claim any length: compared before any conversion to Int.
                payloadLength <= UInt64(buffer.readableBytes),
                Int(headerLength) + Int(payloadLength) + 4 <= buffer.readableBytes,
                let header = buffer.readData(length: Int(headerLength)),
                let payload = buffer.readSlice(length: Int(payloadLength)),
                let crc = buffer.readInteger(endianness: .little, as: UInt32.self)
            else { break }
            var hasher = ChecksumHasher(.crc32)
            hasher.update(header)
            hasher.update(payload.readableBytesView)
            guard crc == Self.crcValue(hasher) else { break }
            records.append(Record(header: header, payload: payload))
        }
        return records
    }

    private static func encode(header: Data, payload: ByteBuffer) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(24 + header.count + payload.readableBytes)
        buffer.writeBytes(magic)
        buffer.writeInteger(UInt32(header.count), endianness: .little)
        buffer.writeInteger(UInt64(payload.readableBytes), endianness: .little)
        buffer.writeBytes(header)
        var payloadCopy = payload
        buffer.writeBuffer(&payloadCopy)
        var hasher = ChecksumHasher(.crc32)
        hasher.update(header)
        hasher.update(payload.readableBytesView)
        buffer.writeInteger(crcValue(hasher), endianness: .little)
        return buffer
    }

    private static func crcValue(_ hasher: ChecksumHasher) -> UInt32 {
        hasher.finalize().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
