import AWSWire
import CloudClients
import Emulator
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("S3 authentication")
struct S3AuthTests {
    @Test func unknownKeyWrongSecretAndUnsigned() async throws {
        try await withEmulator { emulator, _ in
            let unknown = S3Client(
                endpoint: emulator.endpoint,
                credentials: AWSCredentials(accessKeyId: "AKIANOBODY", secretAccessKey: "x"))
            let response = try await unknown.send("GET")
            #expect(response.status == 403)
            #expect(response.errorCode == "InvalidAccessKeyId")
            let wrong = S3Client(
                endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "wrong"))
            let mismatch = try await wrong.send("GET")
            #expect(mismatch.status == 403)
            #expect(mismatch.errorCode == "SignatureDoesNotMatch")
            #expect(mismatch.text.contains("<StringToSign>"))
            #expect(!mismatch.text.contains("wrong"))
            let anonymous = try await plainRequest(emulator.endpoint.appendingPathComponent("some-bucket"))
            #expect(anonymous.status == 403)
            #expect(anonymous.errorCode == "AccessDenied")
        }
    }

    @Test func skewedClockIsRejected() async throws {
        try await withEmulator { _, client in
            let response = try await client.send("GET", date: Date().addingTimeInterval(-20 * 60))
            #expect(response.status == 403)
            #expect(response.errorCode == "RequestTimeTooSkewed")
        }
    }

    @Test func payloadHashMustMatch() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            var request = URLRequest(url: client.url(bucket: bucket, key: "k"))
            request.httpMethod = "PUT"
            request.httpBody = Data("actual".utf8)
            client.signer.sign(&request, payloadHash: SigV4.sha256Hex("something else"))
            let response = try await client.perform(request)
            #expect(response.status == 400)
            #expect(response.errorCode == "XAmzContentSHA256Mismatch")
        }
    }

    @Test func presignedV4GetAndPut() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let putURL = client.signer.presign(client.url(bucket: bucket, key: "p q"), method: "PUT", expires: 300)
            let put = try await plainRequest(putURL, method: "PUT", body: Data("presigned".utf8))
            #expect(put.status == 200)
            let getURL = client.signer.presign(client.url(bucket: bucket, key: "p q"), expires: 300)
            let get = try await plainRequest(getURL)
            #expect(get.status == 200)
            #expect(get.text == "presigned")
            let tampered = URL(string: getURL.absoluteString.replacingOccurrences(of: "p%20q", with: "p%20r"))!
            let tamperedResponse = try await plainRequest(tampered)
            #expect(tamperedResponse.status == 403)
            #expect(tamperedResponse.errorCode == "SignatureDoesNotMatch")
            let expiredURL = client.signer.presign(
                client.url(bucket: bucket, key: "p q"), expires: 60, date: Date().addingTimeInterval(-120))
            let expired = try await plainRequest(expiredURL)
            #expect(expired.status == 403)
            #expect(expired.errorCode == "AccessDenied")
            #expect(expired.text.contains("Request has expired"))
            let tooLong = client.signer.presign(client.url(bucket: bucket, key: "p q"), expires: 604_801)
            #expect(try await plainRequest(tooLong).errorCode == "AuthorizationQueryParametersError")
        }
    }

    @Test func legacyQuerySignature() async throws {
        try await withEmulator { emulator, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "legacy", body: Data("v2".utf8))
            func url(expires: Int, secret: String) -> URL {
                let resource = SigV2.canonicalizedResource(
                    virtualHostBucket: nil, rawPath: "/\(bucket)/legacy", rawQuery: "")
                let signature = SigV2.signature(
                    secretAccessKey: secret,
                    stringToSign: SigV2.stringToSign(
                        method: "GET", contentMD5: "", contentType: "", dateOrExpires: String(expires), amzHeaders: [],
                        canonicalizedResource: resource))
                return URL(
                    string:
                        "\(emulator.endpoint.absoluteString)/\(bucket)/legacy?AWSAccessKeyId=test&Expires=\(expires)&Signature=\(PercentEncoding.encode(signature))"
                )!
            }
            let future = Int(Date().timeIntervalSince1970) + 300
            #expect(try await plainRequest(url(expires: future, secret: "test")).text == "v2")
            #expect(try await plainRequest(url(expires: future, secret: "nope")).errorCode == "SignatureDoesNotMatch")
            #expect(try await plainRequest(url(expires: future - 600, secret: "test")).errorCode == "AccessDenied")
        }
    }

    @Test func signedAWSChunkedUpload() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let payload = Array((0..<70_000).map { UInt8(truncatingIfNeeded: $0) })
            func upload(tamper: Bool) async throws -> HTTPResponse {
                let date = Date()
                var request = URLRequest(url: client.url(bucket: bucket, key: "chunked"))
                request.httpMethod = "PUT"
                request.setValue("aws-chunked", forHTTPHeaderField: "Content-Encoding")
                request.setValue(String(payload.count), forHTTPHeaderField: "x-amz-decoded-content-length")
                let seed = client.signer.sign(&request, payloadHash: "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", date: date)
                let scopeDate = AWSDate.scopeDate(date)
                let context = ChunkSigningContext(
                    signingKey: client.signer.signingKey(date: scopeDate), amzDate: AWSDate.amzDate(date),
                    credentialScope: SigV4.credentialScope(date: scopeDate, region: "us-east-1", service: "s3"),
                    seedSignature: seed)
                var body = AWSChunkedEncoder.encode(payload, chunkSize: 65_536, mode: .signed(context), trailers: [])
                if tamper { body[200] ^= 0xFF }
                request.httpBody = Data(body)
                return try await client.perform(request)
            }
            #expect(try await upload(tamper: false).status == 200)
            #expect(try await client.getObject(bucket: bucket, key: "chunked") == Data(payload))
            let tampered = try await upload(tamper: true)
            #expect(tampered.status == 403)
            #expect(tampered.errorCode == "SignatureDoesNotMatch")
        }
    }

    @Test func unsignedChunkedUploadWithTrailingChecksum() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let payload = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            func upload(checksum: String) async throws -> HTTPResponse {
                var request = URLRequest(url: client.url(bucket: bucket, key: "trailer"))
                request.httpMethod = "PUT"
                request.setValue("aws-chunked", forHTTPHeaderField: "Content-Encoding")
                request.setValue(String(payload.count), forHTTPHeaderField: "x-amz-decoded-content-length")
                request.setValue("x-amz-checksum-crc32", forHTTPHeaderField: "x-amz-trailer")
                request.setValue("CRC32", forHTTPHeaderField: "x-amz-sdk-checksum-algorithm")
                client.signer.sign(&request, payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                request.httpBody = Data(
                    AWSChunkedEncoder.encode(
                        payload, chunkSize: 8_192, mode: .unsignedWithTrailer,
                        trailers: [("x-amz-checksum-crc32", checksum)]))
                return try await client.perform(request)
            }
            let good = try await upload(checksum: ChecksumAlgorithm.crc32.checksum(of: payload))
            #expect(good.status == 200)
            #expect(try await client.getObject(bucket: bucket, key: "trailer") == Data(payload))
            let bad = try await upload(checksum: ChecksumAlgorithm.crc32.checksum(of: Array("other".utf8)))
            #expect(bad.errorCode == "BadDigest")
        }
    }
}

@Suite("Temporary credentials")
struct TemporaryCredentialTests {
    @Test func sessionTokenIsRequiredAndChecked() async throws {
        try await withEmulator { emulator, _ in
            emulator.credentials.add(
                AWSCredential(
                    accessKeyId: "ASIATEMPORARY0000000", secretAccessKey: "temporary-secret", sessionToken: "token-1",
                    expiration: Date().addingTimeInterval(3600), principal: .root(accountId: "000000000000")))
            func client(token: String?) -> S3Client {
                S3Client(
                    endpoint: emulator.endpoint,
                    credentials: AWSCredentials(
                        accessKeyId: "ASIATEMPORARY0000000", secretAccessKey: "temporary-secret", sessionToken: token))
            }
            #expect(try await client(token: "token-1").send("GET").status == 200)
            let missing = try await client(token: nil).send("GET")
            #expect(missing.errorCode == "InvalidToken")
            let wrong = try await client(token: "token-2").send("GET")
            #expect(wrong.errorCode == "InvalidToken")
            emulator.clock.advance(by: 7200)
            let expired = try await client(token: "token-1").send("GET", date: emulator.clock.now())
            #expect(expired.errorCode == "ExpiredToken")
        }
    }
}
