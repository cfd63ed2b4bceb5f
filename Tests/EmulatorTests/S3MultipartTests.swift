import AWSWire
import CloudClients
import Crypto
import Foundation
import Testing

@Suite("S3 multipart uploads")
struct S3MultipartTests {
    static let partSize = 5 * 1024 * 1024

    func create(_ client: S3Client, bucket: String, key: String) async throws -> String {
        let response = try await client.expectSuccess("POST", bucket: bucket, key: key, query: "uploads")
        return try #require(try XMLTree.parse(response.body).text(of: "UploadId"))
    }

    func upload(
        _ client: S3Client, bucket: String, key: String, uploadId: String, number: Int, data: Data
    )
        async throws -> String
    {
        let response = try await client.expectSuccess(
            "PUT", bucket: bucket, key: key, query: "partNumber=\(number)&uploadId=\(PercentEncoding.encode(uploadId))",
            body: data)
        return try #require(response.header("etag"))
    }

    func completeBody(_ parts: [(Int, String)]) -> Data {
        Data(
            ("<CompleteMultipartUpload>"
                + parts.map { "<Part><PartNumber>\($0.0)</PartNumber><ETag>\($0.1)</ETag></Part>" }.joined()
                + "</CompleteMultipartUpload>").utf8)
    }

    @Test func uploadListCompleteWithTheMultipartETag() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let uploadId = try await create(client, bucket: bucket, key: "big")
            let first = Data(repeating: 0x61, count: Self.partSize)
            let second = Data("tail".utf8)
            let etag1 = try await upload(client, bucket: bucket, key: "big", uploadId: uploadId, number: 1, data: first)
            let etag2 = try await upload(
                client, bucket: bucket, key: "big", uploadId: uploadId, number: 2, data: second)
            let parts = try XMLTree.parse(
                try await client.expectSuccess(
                    "GET", bucket: bucket, key: "big", query: "uploadId=\(PercentEncoding.encode(uploadId))"
                ).body)
            #expect(parts.children("Part").compactMap { $0.text(of: "PartNumber") } == ["1", "2"])
            let uploads = try XMLTree.parse(
                try await client.expectSuccess("GET", bucket: bucket, query: "uploads").body)
            #expect(uploads.children("Upload").compactMap { $0.text(of: "UploadId") } == [uploadId])
            let complete = try await client.expectSuccess(
                "POST", bucket: bucket, key: "big", query: "uploadId=\(PercentEncoding.encode(uploadId))",
                body: completeBody([(1, etag1), (2, etag2)]))
            let md5s = Data(Insecure.MD5.hash(data: first)) + Data(Insecure.MD5.hash(data: second))
            let expected = "\"\(Hex.encode(Insecure.MD5.hash(data: md5s)))-2\""
            #expect(try XMLTree.parse(complete.body).text(of: "ETag") == expected)
            let object = try await client.expectSuccess("GET", bucket: bucket, key: "big")
            #expect(object.body == first + second)
            #expect(object.header("etag") == expected)
            let again = try await client.send(
                "GET", bucket: bucket, key: "big", query: "uploadId=\(PercentEncoding.encode(uploadId))")
            #expect(again.errorCode == "NoSuchUpload")
        }
    }

    @Test func completionErrors() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let uploadId = try await create(client, bucket: bucket, key: "k")
            let query = "uploadId=\(PercentEncoding.encode(uploadId))"
            let etag1 = try await upload(
                client, bucket: bucket, key: "k", uploadId: uploadId, number: 1, data: Data("small".utf8))
            let etag2 = try await upload(
                client, bucket: bucket, key: "k", uploadId: uploadId, number: 2, data: Data("x".utf8))
            let tooSmall = try await client.send(
                "POST", bucket: bucket, key: "k", query: query, body: completeBody([(1, etag1), (2, etag2)]))
            #expect(tooSmall.errorCode == "EntityTooSmall")
            let order = try await client.send(
                "POST", bucket: bucket, key: "k", query: query, body: completeBody([(2, etag2), (1, etag1)]))
            #expect(order.errorCode == "InvalidPartOrder")
            let wrongETag = try await client.send(
                "POST", bucket: bucket, key: "k", query: query, body: completeBody([(1, "\"0000\"")]))
            #expect(wrongETag.errorCode == "InvalidPart")
            let badNumber = try await client.send(
                "PUT", bucket: bucket, key: "k", query: "partNumber=10001&\(query)", body: Data("x".utf8))
            #expect(badNumber.errorCode == "InvalidArgument")
            #expect(
                try await client.send("POST", bucket: bucket, key: "k", query: query, body: Data("<Complete".utf8))
                    .errorCode == "MalformedXML")
            #expect(try await client.send("DELETE", bucket: bucket, key: "k", query: query).status == 204)
            let aborted = try await client.send(
                "PUT", bucket: bucket, key: "k", query: "partNumber=1&\(query)", body: Data("x".utf8))
            #expect(aborted.status == 404)
            #expect(aborted.errorCode == "NoSuchUpload")
        }
    }

    @Test func uploadPartCopyWithRange() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "source", body: Data("0123456789".utf8))
            let uploadId = try await create(client, bucket: bucket, key: "dest")
            let query = "partNumber=1&uploadId=\(PercentEncoding.encode(uploadId))"
            let copy = try await client.expectSuccess(
                "PUT", bucket: bucket, key: "dest", query: query,
                headers: ["x-amz-copy-source": "\(bucket)/source", "x-amz-copy-source-range": "bytes=2-5"])
            let etag = try #require(try XMLTree.parse(copy.body).text(of: "ETag"))
            try await client.expectSuccess(
                "POST", bucket: bucket, key: "dest", query: "uploadId=\(PercentEncoding.encode(uploadId))",
                body: completeBody([(1, etag)]))
            #expect(try await client.getObject(bucket: bucket, key: "dest") == Data("2345".utf8))
        }
    }
}
