import AWSWire
import CloudClients
import Crypto
import Foundation
import Testing

@Suite("S3 objects")
struct S3ObjectTests {
    @Test func putGetHeadDeleteWithMetadata() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let body = Data("hello, brickyard".utf8)
            let etag = try await client.putObject(
                bucket: bucket, key: "dir/my file+ü.txt", body: body,
                headers: ["Content-Type": "text/plain", "x-amz-meta-owner": "team-a", "Cache-Control": "no-cache"])
            #expect(etag == "\"\(Hex.encode(Insecure.MD5.hash(data: body)))\"")
            let get = try await client.expectSuccess("GET", bucket: bucket, key: "dir/my file+ü.txt")
            #expect(get.body == body)
            #expect(get.header("content-type") == "text/plain")
            #expect(get.header("x-amz-meta-owner") == "team-a")
            #expect(get.header("cache-control") == "no-cache")
            #expect(get.header("etag") == etag)
            let head = try await client.send("HEAD", bucket: bucket, key: "dir/my file+ü.txt")
            #expect(head.status == 200)
            #expect(head.header("content-length") == String(body.count))
            #expect(head.body.isEmpty)
            #expect(try await client.send("DELETE", bucket: bucket, key: "dir/my file+ü.txt").status == 204)
            let missing = try await client.send("GET", bucket: bucket, key: "dir/my file+ü.txt")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "NoSuchKey")
            #expect(try await client.send("HEAD", bucket: bucket, key: "nope").status == 404)
            #expect(try await client.send("DELETE", bucket: bucket, key: "nope").status == 204)
            #expect(try await client.send("GET", bucket: uniqueBucket(), key: "k").errorCode == "NoSuchBucket")
        }
    }

    @Test(arguments: [
        ("bytes=0-4", 206, "01234", "bytes 0-4/10"),
        ("bytes=7-", 206, "789", "bytes 7-9/10"),
        ("bytes=-3", 206, "789", "bytes 7-9/10"),
        ("bytes=5-100", 206, "56789", "bytes 5-9/10"),
        ("bytes=3-1", 200, "0123456789", nil),
    ])
    func ranges(range: String, status: Int, body: String, contentRange: String?) async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "digits", body: Data("0123456789".utf8))
            let response = try await client.send("GET", bucket: bucket, key: "digits", headers: ["Range": range])
            #expect(response.status == status)
            #expect(response.text == body)
            #expect(response.header("content-range") == contentRange)
        }
    }

    @Test func unsatisfiableRangeIs416() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "digits", body: Data("0123456789".utf8))
            let response = try await client.send(
                "GET", bucket: bucket, key: "digits", headers: ["Range": "bytes=10-20"])
            #expect(response.status == 416)
            #expect(response.errorCode == "InvalidRange")
        }
    }

    @Test func contentMD5AndChecksums() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let body = Data("checksummed".utf8)
            let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
            #expect(
                try await client.send("PUT", bucket: bucket, key: "ok", headers: ["Content-MD5": md5], body: body)
                    .status == 200)
            let wrong = Data(Insecure.MD5.hash(data: Data("other".utf8))).base64EncodedString()
            #expect(
                try await client.send("PUT", bucket: bucket, key: "bad", headers: ["Content-MD5": wrong], body: body)
                    .errorCode == "BadDigest")
            #expect(
                try await client.send("PUT", bucket: bucket, key: "bad", headers: ["Content-MD5": "nope"], body: body)
                    .errorCode == "InvalidDigest")

            let sha = Data(SHA256.hash(data: body)).base64EncodedString()
            let put = try await client.send(
                "PUT", bucket: bucket, key: "sha",
                headers: ["x-amz-checksum-sha256": sha, "x-amz-sdk-checksum-algorithm": "SHA256"],
                body: body)
            #expect(put.status == 200)
            #expect(put.header("x-amz-checksum-sha256") == sha)
            let withMode = try await client.send(
                "HEAD", bucket: bucket, key: "sha", headers: ["x-amz-checksum-mode": "ENABLED"])
            #expect(withMode.header("x-amz-checksum-sha256") == sha)
            let withoutMode = try await client.send("HEAD", bucket: bucket, key: "sha")
            #expect(withoutMode.header("x-amz-checksum-sha256") == nil)
            let crc = ChecksumAlgorithm.crc32.checksum(of: Array("other".utf8))
            let mismatch = try await client.send(
                "PUT", bucket: bucket, key: "crc", headers: ["x-amz-checksum-crc32": crc], body: body)
            #expect(mismatch.status == 400)
            #expect(mismatch.errorCode == "BadDigest")
            let defaulted = try await client.send(
                "HEAD", bucket: bucket, key: "ok", headers: ["x-amz-checksum-mode": "ENABLED"])
            #expect(
                defaulted.header("x-amz-checksum-crc64nvme") == ChecksumAlgorithm.crc64nvme.checksum(of: Array(body)))
        }
    }

    @Test func copyObjectKeepsOrReplacesMetadata() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(
                bucket: bucket, key: "src", body: Data("payload".utf8),
                headers: ["Content-Type": "text/plain", "x-amz-meta-a": "1"])
            let copy = try await client.expectSuccess(
                "PUT", bucket: bucket, key: "copy", headers: ["x-amz-copy-source": "/\(bucket)/src"])
            #expect(try XMLTree.parse(copy.body).text(of: "ETag") != nil)
            let copied = try await client.expectSuccess("GET", bucket: bucket, key: "copy")
            #expect(copied.text == "payload")
            #expect(copied.header("x-amz-meta-a") == "1")
            try await client.expectSuccess(
                "PUT", bucket: bucket, key: "replaced",
                headers: [
                    "x-amz-copy-source": "\(bucket)/src", "x-amz-metadata-directive": "REPLACE", "x-amz-meta-b": "2",
                    "Content-Type": "application/json",
                ])
            let replaced = try await client.expectSuccess("HEAD", bucket: bucket, key: "replaced")
            #expect(replaced.header("x-amz-meta-a") == nil)
            #expect(replaced.header("x-amz-meta-b") == "2")
            #expect(replaced.header("content-type") == "application/json")
            let toItself = try await client.send(
                "PUT", bucket: bucket, key: "src", headers: ["x-amz-copy-source": "\(bucket)/src"])
            #expect(toItself.errorCode == "InvalidRequest")
            let missing = try await client.send(
                "PUT", bucket: bucket, key: "x", headers: ["x-amz-copy-source": "\(bucket)/none"])
            #expect(missing.errorCode == "NoSuchKey")
        }
    }

    @Test func deleteObjectsBatch() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            for key in ["a", "b", "c"] { try await client.putObject(bucket: bucket, key: key, body: Data(key.utf8)) }
            let body =
                "<Delete><Object><Key>a</Key></Object><Object><Key>b</Key></Object><Object><Key>zzz</Key></Object></Delete>"
            let response = try await client.expectSuccess(
                "POST", bucket: bucket, query: "delete", body: Data(body.utf8))
            let deleted = try XMLTree.parse(response.body).children("Deleted").compactMap { $0.text(of: "Key") }
            #expect(Set(deleted) == ["a", "b", "zzz"])
            #expect(try await client.listKeys(bucket: bucket) == ["c"])
            let quiet = "<Delete><Quiet>true</Quiet><Object><Key>c</Key></Object></Delete>"
            let quietResponse = try await client.expectSuccess(
                "POST", bucket: bucket, query: "delete", body: Data(quiet.utf8))
            #expect(try XMLTree.parse(quietResponse.body).children.isEmpty)
            let malformed = try await client.send(
                "POST", bucket: bucket, query: "delete", body: Data("<Delete><Object>".utf8))
            #expect(malformed.errorCode == "MalformedXML")
        }
    }

    @Test func conditionalRequests() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let etag = try await client.putObject(bucket: bucket, key: "k", body: Data("v1".utf8))
            #expect(
                try await client.send("GET", bucket: bucket, key: "k", headers: ["If-None-Match": etag]).status == 304)
            #expect(
                try await client.send("GET", bucket: bucket, key: "k", headers: ["If-Match": "\"nope\""]).status == 412)
            let create = try await client.send(
                "PUT", bucket: bucket, key: "k", headers: ["If-None-Match": "*"], body: Data("v2".utf8))
            #expect(create.status == 412)
            #expect(create.errorCode == "PreconditionFailed")
        }
    }

    @Test func objectTagging() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(
                bucket: bucket, key: "k", body: Data("v".utf8), headers: ["x-amz-tagging": "a=1&b=two%20words"])
            let head = try await client.expectSuccess("HEAD", bucket: bucket, key: "k")
            #expect(head.header("x-amz-tagging-count") == "2")
            let tags = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, key: "k", query: "tagging").body)
            let values = tags.child("TagSet")?.children("Tag").compactMap { $0.text(of: "Value") }
            #expect(values == ["1", "two words"])
        }
    }

    @Test func keyTooLongAndMetadataTooLarge() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let long = try await client.send(
                "PUT", bucket: bucket, key: String(repeating: "k", count: 1025), body: Data())
            #expect(long.errorCode == "KeyTooLongError")
            let big = try await client.send(
                "PUT", bucket: bucket, key: "k", headers: ["x-amz-meta-big": String(repeating: "v", count: 2100)],
                body: Data())
            #expect(big.errorCode == "MetadataTooLarge")
        }
    }
}
