import CloudClients
import Emulator
import Foundation
import Testing

/// The HTTP front end against clients that trickle, stall, or follow a request with garbage.
@Suite struct FrontEndDeadlineTests {
    func port(_ emulator: Emulator) -> Int { emulator.endpoint.port ?? 0 }

    /// One byte at a time, each well inside the idle timeout, never finishes a header section: the header
    /// deadline answers RequestTimeout and closes, where the idle timer alone would wait forever.
    @Test func aTricklingHeaderSectionMeetsItsDeadline() async throws {
        try await withEmulator({
            $0.limits.idleTimeout = .seconds(5)
            $0.limits.headerTimeout = .milliseconds(600)
        }) { emulator, _ in
            let connection = try RawConnection(port: port(emulator), timeoutSeconds: 10)
            let started = Date()
            var answer = ""
            for byte in "GET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa".utf8 {
                connection.send(Data([byte]))
                try await Task.sleep(for: .milliseconds(100))
                if Date().timeIntervalSince(started) > 3 { break }
            }
            answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 400"))
            #expect(answer.contains("<Code>RequestTimeout</Code>"))
            let health = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/health"))
            #expect(health.status == 200)
        }
    }

    /// A keep-alive connection may stay quiet between requests (the idle timeout governs that), and each new
    /// request's header section gets a fresh deadline.
    @Test func theDeadlineStartsAtEachRequestsFirstByte() async throws {
        try await withEmulator({
            $0.limits.idleTimeout = .seconds(5)
            $0.limits.headerTimeout = .milliseconds(800)
        }) { emulator, _ in
            let connection = try RawConnection(port: port(emulator), timeoutSeconds: 10)
            connection.send("GET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(await connection.read(until: "\"ok\"").hasPrefix("HTTP/1.1 200"))
            try await Task.sleep(for: .milliseconds(1200))
            connection.send("GET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(await connection.readAll().hasPrefix("HTTP/1.1 200"))
        }
    }

    /// A complete request followed by bytes that are not HTTP, then a half-close: the request is answered.
    @Test(arguments: ["GARBAGE\u{0}\u{1}\r\n\r\n", "\u{FF}\u{FE}", "GET / HTTP/1.1\r\nBad Header\r\n\r\n"])
    func aRequestFollowedByGarbageGetsItsAnswer(_ garbage: String) async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send("GET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + garbage)
            connection.shutdownWrite()
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            #expect(answer.contains("\"status\":\"ok\""))
        }
    }

    /// CONNECT (found by the wire fuzzer): its answer has no body framing, so the connection must close after it,
    /// or the client waits forever.
    @Test(arguments: ["/", "/fuzz-bucket", "/_brickyard/health", "127.0.0.1:443"])
    func connectIsAnsweredAndTheConnectionClosed(_ target: String) async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: port(emulator), timeoutSeconds: 10)
            let started = Date()
            connection.send("CONNECT \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 4"), "\(answer)")
            #expect(Date().timeIntervalSince(started) < 5, "the connection stayed open")
        }
    }
}
