import CloudClients
import Emulator
import FeatureRunner
import Foundation
import Testing

@testable import Reports

@Suite("Publishing reports to S3")
struct PublisherTests {
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    static func entry(_ runId: String, started: String, failed: Int = 0) -> RunHistory.Entry {
        RunHistory.Entry(
            runId: runId, started: started, target: "emulator", commit: "0123456789abcdef",
            counts: failed > 0 ? ["passed": 3, "failed": failed] : ["passed": 3], total: 3 + failed,
            passRate: 3 / Double(3 + failed), duration: 1.5, flaky: 1, link: "\(runId)/index.html")
    }

    @Test("two runs give a browsable index with both and a history")
    func twoRuns() async throws {
        let emulator = try await Emulator.start()
        defer { Task { await emulator.shutdown() } }
        let s3 = S3Client(
            endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"))
        try await s3.createBucket("reports")
        let publisher = ReportPublisher(s3: s3, destination: try #require(S3Location("s3://reports/team/nightly")))
        let first = try Self.folder([
            "index.html": "<html>1</html>", "junit.xml": "<testsuite/>", "index-files/http-0.js": "brickyardHTTP(0,{})",
        ])
        let outcome = try await publisher.publish(
            folder: first, entry: Self.entry("20261123-010000-aaaa", started: "2026-11-23T01:00:00Z"))
        #expect(outcome.keys.first == "team/nightly/20261123-010000-aaaa/index-files/http-0.js")
        #expect(outcome.keys.contains("team/nightly/20261123-010000-aaaa/index.html"))
        #expect(outcome.index == "team/nightly/index.html")
        let second = try Self.folder(["index.html": "<html>2</html>"])
        try await publisher.publish(
            folder: second, entry: Self.entry("20261123-020000-bbbb", started: "2026-11-23T02:00:00Z", failed: 2))

        let history = try RunHistory.decode(try await s3.getObject(bucket: "reports", key: "team/nightly/history.json"))
        #expect(history.runs.map(\.runId) == ["20261123-010000-aaaa", "20261123-020000-bbbb"])
        let index = String(
            decoding: try await s3.getObject(bucket: "reports", key: "team/nightly/index.html"), as: UTF8.self)
        #expect(index.contains(#"<a href="20261123-010000-aaaa/index.html">"#))
        #expect(
            index.range(of: "20261123-020000-bbbb")!.lowerBound < index.range(of: "20261123-010000-aaaa")!.lowerBound)
        #expect(index.contains("Pass rate") && index.contains("<polyline"))
        #expect(index.contains(#"<tr class="failed">"#))
        let page = try await s3.send("HEAD", bucket: "reports", key: "team/nightly/20261123-010000-aaaa/index.html")
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        let junit = try await s3.send("HEAD", bucket: "reports", key: "team/nightly/20261123-010000-aaaa/junit.xml")
        #expect(junit.header("content-type") == "application/xml")

        // Publishing the same run again replaces its entry.
        try await publisher.publish(
            folder: second, entry: Self.entry("20261123-020000-bbbb", started: "2026-11-23T02:00:00Z"))
        let again = try RunHistory.decode(try await s3.getObject(bucket: "reports", key: "team/nightly/history.json"))
        #expect(again.runs.count == 2)
        #expect(again.runs.last?.failed == false)
    }

    @Test("a failed upload says which key and why, and a foreign history.json is left alone")
    func failures() async throws {
        let emulator = try await Emulator.start()
        defer { Task { await emulator.shutdown() } }
        let s3 = S3Client(
            endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"))
        let folder = try Self.folder(["index.html": "<html/>"])
        let missing = ReportPublisher(s3: s3, destination: try #require(S3Location("s3://missing-bucket")))
        await #expect {
            try await missing.publish(folder: folder, entry: Self.entry("20261123-010000-aaaa", started: "x"))
        } throws: { error in
            String(describing: error).contains(
                "cannot write s3://missing-bucket/20261123-010000-aaaa/index.html: NoSuchBucket")
        }
        try await s3.createBucket("mixed")
        try await s3.putObject(bucket: "mixed", key: "history.json", body: Data("not ours".utf8))
        let mixed = ReportPublisher(s3: s3, destination: try #require(S3Location("s3://mixed")))
        await #expect {
            try await mixed.publish(folder: folder, entry: Self.entry("20261123-010000-aaaa", started: "x"))
        } throws: { error in
            String(describing: error).contains("is not a Brickyard history")
        }
        #expect(try await s3.getObject(bucket: "mixed", key: "history.json") == Data("not ours".utf8))
    }

    @Test("s3:// locations")
    func locations() {
        #expect(S3Location("s3://bucket/a/b/")?.prefix == "a/b")
        #expect(S3Location("s3://bucket")?.key("index.html") == "index.html")
        #expect(S3Location("s3://bucket/p")?.key("index.html") == "p/index.html")
        #expect(S3Location("https://bucket") == nil)
        #expect(S3Location("s3://Bad_Bucket/x") == nil)
        #expect(ReportPublisher.contentType(of: "a/b/messages.ndjson") == "application/x-ndjson")
    }
}
