import CloudClients
import Emulator
import Foundation
import Testing

@Suite("Emulator lifecycle and admin endpoints")
struct EmulatorLifecycleTests {
    @Test func startsOnAFreeLoopbackPortAndAnswersHealth() async throws {
        try await withEmulator { emulator, _ in
            #expect(emulator.endpoint.host == "127.0.0.1")
            #expect((emulator.endpoint.port ?? 0) > 0)
            let health = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/health"))
            #expect(health.status == 200)
            let json = try JSONSerialization.jsonObject(with: health.body) as? [String: Any]
            #expect(json?["status"] as? String == "ok")
        }
    }

    @Test func infoNamesTheAWSEndpointAndCredentials() async throws {
        try await withEmulator { emulator, _ in
            let info = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/info"))
            let json = try #require(try JSONSerialization.jsonObject(with: info.body) as? [String: Any])
            let aws = try #require(json["aws"] as? [String: Any])
            #expect(aws["endpoint"] as? String == emulator.endpoint.absoluteString)
            #expect(aws["region"] as? String == "us-east-1")
            #expect(aws["accountId"] as? String == "000000000000")
            #expect(aws["accessKeyId"] as? String == "test")
            #expect(aws["secretAccessKey"] as? String == "test")
        }
    }

    @Test func resetForgetsEverything() async throws {
        try await withEmulator { emulator, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let reset = try await plainRequest(
                emulator.endpoint.appendingPathComponent("_brickyard/reset"), method: "POST",
                headers: ["X-Brickyard-Admin": "1"])
            #expect(reset.status == 200)
            let head = try await client.send("HEAD", bucket: bucket)
            #expect(head.status == 404)
        }
    }

    @Test func unknownAdminPathIs404AndWrongMethodIs405() async throws {
        try await withEmulator { emulator, _ in
            let missing = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/nothing"))
            #expect(missing.status == 404)
            let wrong = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/reset"))
            #expect(wrong.status == 405)
        }
    }

    @Test func twoEmulatorsShareNothing() async throws {
        try await withEmulator { first, firstClient in
            try await withEmulator { second, secondClient in
                #expect(first.endpoint != second.endpoint)
                let bucket = uniqueBucket()
                try await firstClient.createBucket(bucket)
                #expect(try await firstClient.send("HEAD", bucket: bucket).status == 200)
                #expect(try await secondClient.send("HEAD", bucket: bucket).status == 404)
            }
        }
    }

    @Test func clockCanBeAdvanced() async throws {
        try await withEmulator { emulator, _ in
            let before = emulator.clock.now()
            let response = try await plainRequest(
                emulator.endpoint.appendingPathComponent("_brickyard/clock/advance"), method: "POST",
                body: Data(#"{"seconds": 3600}"#.utf8), headers: ["Content-Type": "application/json"])
            #expect(response.status == 200)
            #expect(emulator.clock.now().timeIntervalSince(before) >= 3600)
        }
    }

    @Test func stateDirectoryKeepsStateAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bucket = uniqueBucket()
        let payload = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try await withEmulator({ $0.stateDirectory = directory }) { _, client in
            try await client.createBucket(bucket)
            try await client.expectSuccess(
                "PUT", bucket: bucket, query: "versioning",
                body: Data("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>".utf8))
            try await client.putObject(bucket: bucket, key: "a/b.bin", body: payload)
            try await client.putObject(bucket: bucket, key: "a/b.bin", body: Data("second".utf8))
            try await client.putObject(bucket: bucket, key: "gone", body: Data("x".utf8))
            try await client.deleteObject(bucket: bucket, key: "gone")
        }
        try await withEmulator({ $0.stateDirectory = directory }) { _, client in
            #expect(try await client.getObject(bucket: bucket, key: "a/b.bin") == Data("second".utf8))
            let versions = try await client.expectSuccess("GET", bucket: bucket, query: "versions")
            #expect(versions.text.components(separatedBy: "<Version>").count - 1 == 3)
            #expect(versions.text.contains("<DeleteMarker>"))
            #expect(try await client.send("GET", bucket: bucket, key: "gone").status == 404)
        }
    }
}
