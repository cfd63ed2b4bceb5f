import Foundation
import Synchronization

/// The framing of the worker protocol: each ``WorkerEvent`` is one frame, a header line with the payload's length
/// and then exactly that many bytes of JSON.
///
///     brickyard-worker 1234\n
///     {"started":{...}}\n
///
/// A frame is written whole, under a lock, by one writer, on a descriptor nothing else writes to (the worker's
/// standard output is moved to its standard error first, see ``WorkerChannel/claimStandardOutput()``). A payload of
/// any size therefore never shares bytes with another frame or with what step code prints.
enum WorkerFrame {
    static let headerPrefix = "brickyard-worker "
    /// The longest header line accepted (the prefix, 20 digits and the newline).
    static let maximumHeaderLength = 48
    /// The largest payload accepted: far above any event, small enough to be a sign of corruption when exceeded.
    static let maximumPayloadLength = 1 << 30

    /// The bytes of one frame.
    static func encode(_ payload: Data) -> Data {
        var data = Data("\(headerPrefix)\(payload.count)\n".utf8)
        data.append(payload)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Why the stream could not be read.
    struct ProtocolError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Reads frames from a stream of bytes as it arrives, in any chunking.
    struct Reader {
        private var buffer = Data()

        /// Adds bytes and returns the payloads of the frames now complete.
        mutating func append(_ chunk: Data) throws(ProtocolError) -> [Data] {
            buffer.append(chunk)
            var payloads: [Data] = []
            while true {
                guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else {
                    if buffer.count > maximumHeaderLength { throw ProtocolError(description: badHeader()) }
                    return payloads
                }
                let headerLength = newline - buffer.startIndex
                guard headerLength <= maximumHeaderLength,
                    let header = String(data: buffer[buffer.startIndex..<newline], encoding: .utf8),
                    header.hasPrefix(headerPrefix),
                    let length = Int(header.dropFirst(headerPrefix.count)), length >= 0,
                    length <= maximumPayloadLength
                else { throw ProtocolError(description: badHeader()) }
                let payloadStart = newline + 1
                // The payload, then its newline.
                guard buffer.endIndex - payloadStart >= length + 1 else { return payloads }
                let payloadEnd = payloadStart + length
                guard buffer[payloadEnd] == UInt8(ascii: "\n") else {
                    throw ProtocolError(description: "a frame of \(length) bytes does not end where its header says")
                }
                payloads.append(Data(buffer[payloadStart..<payloadEnd]))
                buffer.removeSubrange(buffer.startIndex...payloadEnd)
            }
        }

        /// Whether bytes of an unfinished frame are left (at the end of the stream: a truncated frame).
        var hasPartialFrame: Bool { !buffer.isEmpty }

        private func badHeader() -> String {
            let start = buffer.prefix(24).map { byte -> String in
                (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "."
            }.joined()
            return "expected a frame header, found \"\(start)\""
        }
    }
}

/// The worker's end of the protocol: writes frames on one descriptor, one at a time.
final class WorkerChannel: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    /// A channel on a descriptor the caller owns.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Moves this process's standard output aside for the protocol and points descriptor 1 at standard error, so
    /// that whatever step code prints (with `print`, `FileHandle.standardOutput` or C's stdio) reaches the console
    /// and never the protocol.
    static func claimStandardOutput() -> WorkerChannel {
        fflush(nil)  // every stdio stream, so nothing buffered before the move goes the wrong way
        let protocolDescriptor = dup(STDOUT_FILENO)
        guard protocolDescriptor >= 0 else { return WorkerChannel(descriptor: STDOUT_FILENO) }
        _ = fcntl(protocolDescriptor, F_SETFD, FD_CLOEXEC)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        return WorkerChannel(descriptor: protocolDescriptor)
    }

    /// Sends one event as a frame.
    func send(_ event: WorkerEvent) {
        let payload = (try? JSONEncoder().encode(event)) ?? Data("null".utf8)
        let frame = WorkerFrame.encode(payload)
        lock.withLock { _ in
            frame.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return  // the supervisor is gone; nothing is left to tell
                    }
                }
            }
        }
    }
}
