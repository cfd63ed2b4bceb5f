import AWSWire
import CloudClients
import Foundation
import Testing

@Suite("S3 listings")
struct S3ListingTests {
    func seeded(_ client: S3Client, keys: [String]) async throws -> String {
        let bucket = uniqueBucket()
        try await client.createBucket(bucket)
        for key in keys { try await client.putObject(bucket: bucket, key: key, body: Data(key.utf8)) }
        return bucket
    }

    @Test func v2PaginatesInByteOrder() async throws {
        try await withEmulator { _, client in
            let keys = (0..<25).map { String(format: "key-%03d", $0) } + ["Zeta", "alpha", "é"]
            let bucket = try await seeded(client, keys: keys)
            var seen: [String] = []
            var token: String?
            var pages = 0
            repeat {
                var query = "list-type=2&max-keys=10"
                if let token { query += "&continuation-token=\(PercentEncoding.encode(token))" }
                let page = try XMLTree.parse(try await client.expectSuccess("GET", bucket: bucket, query: query).body)
                seen += page.children("Contents").compactMap { $0.text(of: "Key") }
                #expect(Int(page.text(of: "KeyCount") ?? "") == page.children("Contents").count)
                token = page.text(of: "IsTruncated") == "true" ? page.text(of: "NextContinuationToken") : nil
                pages += 1
            } while token != nil
            #expect(pages == 3)
            #expect(seen == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
    }

    @Test func delimiterRollsUpCommonPrefixes() async throws {
        try await withEmulator { _, client in
            let bucket = try await seeded(client, keys: ["a/1", "a/2", "b/1", "c", "d/e/f"])
            let page = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "list-type=2&delimiter=/").body)
            #expect(page.children("Contents").compactMap { $0.text(of: "Key") } == ["c"])
            #expect(page.children("CommonPrefixes").compactMap { $0.text(of: "Prefix") } == ["a/", "b/", "d/"])
            let nested = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "list-type=2&delimiter=/&prefix=d/").body)
            #expect(nested.children("CommonPrefixes").compactMap { $0.text(of: "Prefix") } == ["d/e/"])
        }
    }

    @Test func v1MarkersWithDelimiter() async throws {
        try await withEmulator { _, client in
            let bucket = try await seeded(client, keys: ["a/1", "a/2", "b", "c/1", "d"])
            let first = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "delimiter=/&max-keys=2").body)
            #expect(first.text(of: "IsTruncated") == "true")
            #expect(first.text(of: "NextMarker") == "b")
            #expect(first.children("CommonPrefixes").compactMap { $0.text(of: "Prefix") } == ["a/"])
            let second = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "delimiter=/&max-keys=2&marker=b").body)
            #expect(second.children("CommonPrefixes").compactMap { $0.text(of: "Prefix") } == ["c/"])
            #expect(second.children("Contents").compactMap { $0.text(of: "Key") } == ["d"])
            #expect(second.text(of: "IsTruncated") == "false")
        }
    }

    @Test func urlEncodingTypeAndStartAfter() async throws {
        try await withEmulator { _, client in
            let bucket = try await seeded(client, keys: ["a b", "c+d"])
            let page = try XMLTree.parse(
                try await client.expectSuccess(
                    "GET", bucket: bucket, query: "list-type=2&encoding-type=url&start-after=a%20b"
                ).body)
            #expect(page.children("Contents").compactMap { $0.text(of: "Key") } == ["c%2Bd"])
            #expect(
                try await client.send("GET", bucket: bucket, query: "encoding-type=base64").errorCode
                    == "InvalidArgument")
        }
    }
}
