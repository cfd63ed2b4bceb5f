import CloudClients
import Emulator
import Foundation
import Testing

@Suite("Bad input never breaks the server")
struct BadInputTests {
    func port(_ emulator: Emulator) -> Int { emulator.endpoint.port ?? 0 }

    func expectStillServing(_ emulator: Emulator) async throws {
        let health = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/health"))
        #expect(health.status == 200)
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n",
        "\u{0}\u{1}\u{2}\u{3}\r\n\r\n",
        "PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    ])
    func garbageGetsA400AndTheServerKeepsServing(bytes: String) async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send(bytes)
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 400"))
            try await expectStillServing(emulator)
        }
    }

    @Test func oversizedHeaderSection() async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send("GET /b HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 16 * 1024))\r\n\r\n")
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 400"))
            #expect(answer.contains("RequestHeaderSectionTooLarge"))
            try await expectStillServing(emulator)
        }
    }

    @Test func shortBodyThenHalfCloseIsIncompleteBody() async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a few bytes")
            connection.shutdownWrite()
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 400"))
            #expect(answer.contains("IncompleteBody"))
            try await expectStillServing(emulator)
        }
    }

    @Test func stalledBodyIsRequestTimeout() async throws {
        try await withEmulator({ $0.limits.idleTimeout = .milliseconds(300) }) { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nten bytes.")
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 400"))
            #expect(answer.contains("<Code>RequestTimeout</Code>"))
            try await expectStillServing(emulator)
        }
    }

    @Test func declaredBodyLargerThanTheLimitIsRefusedAtOnce() async throws {
        try await withEmulator({ $0.limits.maxBodySize = 1024 }) { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
            let answer = await connection.read(until: "</Error>")
            #expect(answer.contains("EntityTooLarge"))
            try await expectStillServing(emulator)
        }
    }

    @Test func unknownSubresourceIsNotImplementedAndUnknownMethodNotAllowed() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let torrent = try await client.send("GET", bucket: bucket, key: "k", query: "torrent")
            #expect(torrent.status == 501)
            #expect(torrent.errorCode == "NotImplemented")
            let patch = try await client.send("PATCH", bucket: bucket, key: "k")
            #expect(patch.status == 405)
            #expect(patch.errorCode == "MethodNotAllowed")
        }
    }

    @Test func malformedXMLBodies() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            for (query, body) in [
                ("tagging", "<Tagging><TagSet><Tag><Key>a</Key>"), ("versioning", "{}"), ("delete", "<<>>"),
                ("publicAccessBlock", "<Wrong/>"), ("encryption", ""),
            ] {
                let method = query == "delete" ? "POST" : "PUT"
                let response = try await client.send(method, bucket: bucket, query: query, body: Data(body.utf8))
                #expect(response.status == 400, "\(query)")
                #expect(response.errorCode == "MalformedXML", "\(query)")
            }
        }
    }

    @Test func keepAliveSurvivesErrors() async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: port(emulator))
            connection.send(
                "GET /_brickyard/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /_brickyard/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            let answer = await connection.readAll()
            #expect(answer.contains("HTTP/1.1 404"))
            #expect(answer.contains("\"status\":\"ok\""))
        }
    }
}
