import Foundation
import Testing

@testable import Emulator

@Suite("S3 pieces on their own")
struct S3UnitTests {
    @Test(
        arguments: [
            ("127.0.0.1", "/b/k/x", "b", "k/x", false),
            ("localhost", "/b", "b", nil, false),
            ("s3.localhost", "/", nil, nil, false),
            ("my-bucket.s3.localhost", "/k", "my-bucket", "k", true),
            ("my.dotted.bucket.localhost", "/a/b", "my.dotted.bucket", "a/b", true),
            ("bkt.s3.us-west-2.amazonaws.com", "/", "bkt", nil, true),
            ("bkt.s3.amazonaws.com", "/k", "bkt", "k", true),
        ] as [(String, String, String?, String?, Bool)])
    func addressing(host: String, path: String, bucket: String?, key: String?, virtual: Bool) {
        let address = S3Addressing(
            host: host, decodedPath: path, suffixes: EmulatorConfiguration().virtualHostSuffixes)
        #expect(address.bucket == bucket)
        #expect(address.key == key)
        #expect(address.virtualHosted == virtual)
    }

    @Test(arguments: [
        ("abc", true), ("my-bucket.example", true), ("a.b-c", true), ("ab", false), ("Abc", false),
        ("abc-", false), ("a..b", false), ("a.-b", false), ("10.0.0.1", false), ("xn--abc", false),
        ("abc-s3alias", false), ("a_b", false),
    ])
    func bucketNames(name: String, valid: Bool) {
        #expect(S3Service.isValidBucketName(name) == valid)
    }

    @Test func rangesFollowS3() throws {
        #expect(try S3Service.byteRange("bytes=0-0", size: 10) == 0..<1)
        #expect(try S3Service.byteRange("bytes=-20", size: 10) == 0..<10)
        #expect(try S3Service.byteRange("bytes=0-1,3-4", size: 10) == nil)
        #expect(try S3Service.byteRange("items=0-1", size: 10) == nil)
        #expect(throws: S3Error.self) { try S3Service.byteRange("bytes=10-", size: 10) }
        #expect(throws: S3Error.self) { try S3Service.byteRange("bytes=0-", size: 0) }
    }

    @Test func etagMatching() {
        #expect(S3Service.etagMatches("\"abc\"", "\"abc\""))
        #expect(S3Service.etagMatches("abc", "\"abc\""))
        #expect(S3Service.etagMatches("\"x\", \"abc\"", "\"abc\""))
        #expect(S3Service.etagMatches("*", "\"abc\""))
        #expect(!S3Service.etagMatches("\"abd\"", "\"abc\""))
    }

    @Test func versionIdsAreWellFormedAndIncreasing() {
        let first = S3Service.makeVersionId(now: Date(timeIntervalSince1970: 1_000))
        let second = S3Service.makeVersionId(now: Date(timeIntervalSince1970: 2_000))
        #expect(S3Service.isWellFormedVersionId(first))
        #expect(first.count == 32)
        #expect(first.prefix(10) < second.prefix(10))
        #expect(!S3Service.isWellFormedVersionId("short"))
        #expect(S3Service.isWellFormedVersionId("null"))
    }

    @Test func stateReplaysToTheSameBuckets() {
        var state = S3State()
        let metadata = S3Bucket.Metadata(name: "b", region: "us-east-1", ownerAccountId: "1", creationDate: Date())
        state.apply(.createBucket(metadata), payload: .init())
        let object = S3ObjectVersion.Metadata(
            key: "k", versionId: "null", isDeleteMarker: false, lastModified: Date(), size: 1, etag: "\"e\"",
            userMetadata: [:], checksums: [:], storageClass: "STANDARD", tags: [])
        state.apply(.putVersion(bucket: "b", object), payload: .init(string: "x"))
        state.apply(.putVersion(bucket: "b", object), payload: .init(string: "y"))
        #expect(state.buckets["b"]?.objects["k"]?.count == 1)
        var replayed = S3State()
        for (mutation, payload) in state.snapshot() { replayed.apply(mutation, payload: payload) }
        #expect(replayed.buckets["b"]?.sortedKeys == ["k"])
        #expect(replayed.buckets["b"]?.currentObject("k")?.data == .init(string: "y"))
    }
}
