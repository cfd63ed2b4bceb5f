import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare TCP connection for sending bytes no HTTP client would send (garbage, short bodies, half-closes).
final class RawConnection {
    private let socket: Int32

    /// Connects to `127.0.0.1:port` with a receive timeout.
    init(port: Int, timeoutSeconds: Int = 5) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    /// Sends bytes.
    func send(_ text: String) {
        send(Data(text.utf8))
    }

    /// Sends bytes.
    func send(_ data: Data) {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = Foundation.send(
                    socket, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    /// Closes the sending side (the server sees end of input).
    func shutdownWrite() {
        shutdown(socket, Int32(SHUT_WR))
    }

    /// Reads until the server closes the connection or the timeout passes.
    ///
    /// The blocking reads run on a thread of their own: on the concurrency pool (two threads on a two-core
    /// machine) they would starve the emulator's own request tasks while they wait.
    func readAll() async -> String {
        await read(until: nil)
    }

    /// Reads what arrives until `marker` has been seen (or timeout).
    func read(until marker: String?) async -> String {
        let socket = self.socket
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var data = Data()
                var buffer = [UInt8](repeating: 0, count: 65536)
                while marker == nil || !String(decoding: data, as: UTF8.self).contains(marker!) {
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count <= 0 { break }
                    data.append(contentsOf: buffer[0..<count])
                }
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
        }
    }
}
