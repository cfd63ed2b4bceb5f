import AWSWire
import CloudClients
import Emulator
import Foundation
import Testing

/// The requests that killed the emulator (issue 15, found by fuzzing the release binary). Each must get the
/// service's error, and the emulator must go on serving.
@Suite struct CrashReproducerTests {
    func expectStillServing(_ emulator: Emulator) async throws {
        let health = try await plainRequest(emulator.endpoint.appendingPathComponent("_brickyard/health"))
        #expect(health.status == 200)
    }

    static let xmlBodies: [[UInt8]] = [
        [UInt8]("<a".utf8) + [0xFF] + [UInt8]("></a>".utf8),
        [UInt8]("<a>&a".utf8) + [0xFF] + [UInt8](";</a>".utf8),
        [UInt8]("<?xml?>".utf8),
    ]

    /// 1-3: bodies that trapped or crashed the XML parser, unsigned (also shaped as a web page's `no-cors` fetch)
    /// and signed.
    @Test(arguments: xmlBodies)
    func malformedXMLBodies(_ body: [UInt8]) async throws {
        try await withEmulator { emulator, s3 in
            let url = URL(string: "\(emulator.endpoint.absoluteString)/x?delete")!
            // Anonymous, and no bucket policy could grant it anything: refused before the body is read, as S3 does.
            let unsigned = try await plainRequest(url, method: "POST", body: Data(body))
            #expect(unsigned.status == 403)
            #expect(unsigned.text.contains("<Code>AccessDenied</Code>"))
            let page = try await plainRequest(
                url, method: "POST", body: Data(body),
                headers: ["Content-Type": "text/plain;charset=UTF-8", "Origin": "https://example.com"])
            #expect((400..<500).contains(page.status))
            try await s3.createBucket("xml-bodies")
            let signed = try await s3.send("POST", bucket: "xml-bodies", query: "delete", body: Data(body))
            #expect(signed.status == 400)
            #expect(signed.text.contains("<Code>MalformedXML</Code>"))
            try await expectStillServing(emulator)
        }
    }

    /// 4: a legacy presigned URL expiring at the ends of the 64-bit range: expired long ago (AccessDenied, "Request
    /// has expired"), far in the future (checked, so the wrong signature shows), or not a number S3 reads.
    @Test(arguments: [
        ("-9223372036854775808", 403, "AccessDenied"), ("9223372036854775807", 403, "SignatureDoesNotMatch"),
        ("-1", 403, "AccessDenied"), ("99999999999999999999", 400, "AuthorizationQueryParametersError"),
    ])
    func presignedExpiryAtTheEndsOfTheRange(_ expires: String, status: Int, code: String) async throws {
        try await withEmulator { emulator, _ in
            let url = URL(
                string: "\(emulator.endpoint.absoluteString)/b/k?AWSAccessKeyId=test&Signature=x&Expires=\(expires)")!
            let answer = try await plainRequest(url)
            #expect(answer.status == status, "\(answer.text)")
            #expect(answer.text.contains("<Code>\(code)</Code>"))
            try await expectStillServing(emulator)
        }
    }

    /// 5: the clock moved by more than any date can hold.
    @Test(arguments: [#"{"seconds":1e16}"#, #"{"seconds":1e308}"#, #"{"seconds":-1}"#, #"{"seconds":"1"}"#])
    func clockAdvanceOutOfRange(_ body: String) async throws {
        try await withEmulator { emulator, _ in
            let answer = try await plainRequest(
                emulator.endpoint.appendingPathComponent("_brickyard/clock/advance"), method: "POST",
                body: Data(body.utf8), headers: ["Content-Type": "application/json"])
            #expect(answer.status == 400)
            // Many advances in range still leave every date writable.
            for _ in 0..<20 {
                let moved = try await plainRequest(
                    emulator.endpoint.appendingPathComponent("_brickyard/clock/advance"), method: "POST",
                    body: Data(#"{"seconds":3155760000}"#.utf8), headers: ["Content-Type": "application/json"])
                #expect(moved.status == 200)
            }
            let iam = Identities(emulator).iam()
            _ = try await iam.call("ListUsers")
            try await expectStillServing(emulator)
        }
    }

    /// 6: a signed Kinesis CBOR body with an epoch timestamp of -2^63.
    @Test func cborTimestampAtTheEndOfTheRange() async throws {
        try await withEmulator { emulator, _ in
            let kinesis = KinesisTests.client(emulator, .cbor)
            let body: [UInt8] = [0xA1, 0x61, 0x61, 0xC1, 0x3B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
            // A member ListStreams does not have is ignored, as the service does; the timestamp was still read.
            let answer = try await kinesis.send("ListStreams", body: body)
            #expect(answer.status == 200)
            let described = try await kinesis.send("DescribeStream", body: body)
            #expect((400..<500).contains(described.status))
            try await expectStillServing(emulator)
        }
    }

    /// 7: cluster events from a negative offset.
    @Test func clusterEventsFromANegativeOffset() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let workspace = harness.workspace(try await harness.runningWorkspace().url)
            let created = try await workspace.json(
                "POST", "/api/2.1/clusters/create",
                body: [
                    "cluster_name": "c", "spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge",
                    "num_workers": 1,
                ])
            let id = try #require(created["cluster_id"] as? String)
            let answer = try await workspace.send(
                "POST", "/api/2.0/clusters/events", body: ["cluster_id": id, "offset": -1])
            #expect(answer.status == 400)
            #expect(answer.object?["error_code"] as? String == "INVALID_PARAMETER_VALUE")
            try await expectStillServing(emulator)
        }
    }

    /// 8: CompleteMultipartUpload of more than 4 GiB (257 parts of 16 MiB, copied from one object so the test
    /// itself stays small).
    @Test func multipartUploadOverFourGibibytes() async throws {
        try await withEmulator { emulator, s3 in
            try await s3.createBucket("big")
            let part = Data(repeating: 0x61, count: 16 << 20)
            _ = try await s3.expectSuccess("PUT", bucket: "big", key: "source", body: part)
            let created = try await s3.expectSuccess("POST", bucket: "big", key: "large", query: "uploads")
            let uploadId = try #require(XMLTree.parse(created.body).text(of: "UploadId"))
            var completion = "<CompleteMultipartUpload>"
            for number in 1...257 {
                let copied = try await s3.expectSuccess(
                    "PUT", bucket: "big", key: "large", query: "partNumber=\(number)&uploadId=\(uploadId)",
                    headers: ["x-amz-copy-source": "/big/source"])
                let etag = try #require(XMLTree.parse(copied.body).text(of: "ETag"))
                completion += "<Part><PartNumber>\(number)</PartNumber><ETag>\(etag)</ETag></Part>"
            }
            completion += "</CompleteMultipartUpload>"
            let completed = try await s3.send(
                "POST", bucket: "big", key: "large", query: "uploadId=\(uploadId)", body: Data(completion.utf8))
            #expect(completed.status == 400)
            #expect(completed.text.contains("<Code>EntityTooLarge</Code>"))
            try await expectStillServing(emulator)
        }
    }
}
