import AWSWire
import CloudClients
import Foundation
import Testing

@Suite("S3 versioning")
struct S3VersioningTests {
    func versionedBucket(_ client: S3Client, status: String = "Enabled") async throws -> String {
        let bucket = uniqueBucket()
        try await client.createBucket(bucket)
        let body = "<VersioningConfiguration><Status>\(status)</Status></VersioningConfiguration>"
        try await client.expectSuccess("PUT", bucket: bucket, query: "versioning", body: Data(body.utf8))
        return bucket
    }

    @Test func versionsDeleteMarkersAndSpecificVersions() async throws {
        try await withEmulator { _, client in
            let bucket = try await versionedBucket(client)
            let v1 = try #require(
                try await client.expectSuccess("PUT", bucket: bucket, key: "k", body: Data("one".utf8)).header(
                    "x-amz-version-id"))
            let v2 = try #require(
                try await client.expectSuccess("PUT", bucket: bucket, key: "k", body: Data("two".utf8)).header(
                    "x-amz-version-id"))
            #expect(v1 != v2)
            #expect(try await client.getObject(bucket: bucket, key: "k") == Data("two".utf8))
            let old = try await client.expectSuccess("GET", bucket: bucket, key: "k", query: "versionId=\(v1)")
            #expect(old.text == "one")
            #expect(old.header("x-amz-version-id") == v1)

            let delete = try await client.send("DELETE", bucket: bucket, key: "k")
            #expect(delete.status == 204)
            #expect(delete.header("x-amz-delete-marker") == "true")
            let marker = try #require(delete.header("x-amz-version-id"))
            let gone = try await client.send("GET", bucket: bucket, key: "k")
            #expect(gone.status == 404)
            #expect(gone.errorCode == "NoSuchKey")
            #expect(gone.header("x-amz-delete-marker") == "true")
            let markerGet = try await client.send("GET", bucket: bucket, key: "k", query: "versionId=\(marker)")
            #expect(markerGet.status == 405)

            let listing = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "versions").body)
            #expect(listing.children("Version").compactMap { $0.text(of: "VersionId") } == [v2, v1])
            #expect(listing.child("DeleteMarker")?.text(of: "IsLatest") == "true")

            #expect(
                try await client.send("DELETE", bucket: bucket, key: "k", query: "versionId=\(marker)").status == 204)
            #expect(try await client.getObject(bucket: bucket, key: "k") == Data("two".utf8))
            let missing = try await client.send(
                "GET", bucket: bucket, key: "k", query: "versionId=\(String(repeating: "A", count: 32))")
            #expect(missing.errorCode == "NoSuchVersion")
            let invalid = try await client.send("GET", bucket: bucket, key: "k", query: "versionId=bad")
            #expect(invalid.errorCode == "InvalidArgument")
        }
    }

    @Test func suspendedBucketsWriteTheNullVersion() async throws {
        try await withEmulator { _, client in
            let bucket = try await versionedBucket(client, status: "Suspended")
            let put = try await client.expectSuccess("PUT", bucket: bucket, key: "k", body: Data("a".utf8))
            #expect(put.header("x-amz-version-id") == nil)
            try await client.putObject(bucket: bucket, key: "k", body: Data("b".utf8))
            let listing = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "versions").body)
            #expect(listing.children("Version").compactMap { $0.text(of: "VersionId") } == ["null"])
        }
    }

    @Test func versionListingPaginates() async throws {
        try await withEmulator { _, client in
            let bucket = try await versionedBucket(client)
            for index in 0..<5 {
                try await client.putObject(bucket: bucket, key: "k\(index % 2)", body: Data("\(index)".utf8))
            }
            var seen = 0
            var query = "versions&max-keys=2"
            while true {
                let page = try XMLTree.parse(try await client.expectSuccess("GET", bucket: bucket, query: query).body)
                seen += page.children("Version").count
                guard page.text(of: "IsTruncated") == "true" else { break }
                let keyMarker = try #require(page.text(of: "NextKeyMarker"))
                let versionMarker = try #require(page.text(of: "NextVersionIdMarker"))
                query = "versions&max-keys=2&key-marker=\(keyMarker)&version-id-marker=\(versionMarker)"
            }
            #expect(seen == 5)
        }
    }
}
