import AWSWire
import Benchmark
import CloudClients
import Emulator
import Foundation
import NIOCore
import NIOHTTP1
import PolicyEngine

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))

    // An in-process emulator, from `start` to answering, then stopped: the goal is under 50 ms.
    Benchmark("Emulator start, first answer, shutdown", configuration: .init(maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            let emulator = try await Emulator.start()
            let (_, response) = try await URLSession.shared.data(
                from: emulator.endpoint.appendingPathComponent("_brickyard/health"))
            blackHole(response)
            await emulator.shutdown()
        }
    }

    // Verifying a presigned SigV4 URL (what every presigned GET pays).
    Benchmark("SigV4 presigned URL verification") { benchmark in
        let clock = EmulatorClock()
        let credentials = CredentialStore(
            bootstrap: AWSCredential(
                accessKeyId: "test", secretAccessKey: "test", principal: .root(accountId: "000000000000")))
        let authenticator = RequestAuthenticator(credentials: credentials, clock: clock, defaultRegion: "us-east-1")
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"), region: "us-east-1",
            service: "s3")
        let url = signer.presign(URL(string: "http://127.0.0.1:4566/bench/object-1k")!, expires: 3600)
        let uri = String(url.absoluteString.dropFirst("http://127.0.0.1:4566".count))
        let request = EmulatorRequest(
            method: .GET, uri: uri, headers: ["Host": "127.0.0.1:4566"], body: ByteBuffer(), remoteAddress: nil)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var copy = request
            blackHole(authenticator.authenticate(&copy, service: "s3"))
        }
    }

    // Canonical request and signature for a typical header-signed request.
    Benchmark("SigV4 canonical request and signature") { benchmark in
        let key = SigV4.signingKey(secretAccessKey: "test", date: "20261122", region: "us-east-1", service: "s3")
        for _ in benchmark.scaledIterations {
            let canonical = SigV4.canonicalRequest(
                method: "GET",
                canonicalURI: SigV4.canonicalURI(decodedPath: "/bucket/some/key.txt", doubleEncode: false),
                canonicalQuery: SigV4.canonicalQuery([("list-type", "2"), ("prefix", "some/")]),
                signedHeaders: [
                    ("host", "127.0.0.1:4566"), ("x-amz-content-sha256", SigV4.emptyPayloadHash),
                    ("x-amz-date", "20261122T101010Z"),
                ],
                payloadHash: SigV4.emptyPayloadHash)
            blackHole(
                SigV4.signature(
                    signingKey: key,
                    stringToSign: SigV4.stringToSign(
                        amzDate: "20261122T101010Z", scope: "20261122/us-east-1/s3/aws4_request",
                        canonicalRequest: canonical)))
        }
    }

    // CRC64NVME over 1 MiB: S3's default checksum, computed on every PUT.
    Benchmark("CRC64NVME 1 MiB", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        let data = [UInt8](repeating: 0x5A, count: 1 << 20)
        for _ in benchmark.scaledIterations {
            blackHole(ChecksumAlgorithm.crc64nvme.checksum(of: data))
        }
    }

    // The policy engine deciding one request against 20 statements (identity, bucket policy, conditions, variables).
    Benchmark("PolicyEvaluator, 20 statements") { benchmark in
        var statements: [String] = []
        for index in 0..<16 {
            statements.append(
                #"{"Sid":"S\#(index)","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"arn:aws:s3:::bucket-\#(index)/${aws:username}/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}"#
            )
        }
        statements.append(
            #"{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#
        )
        statements.append(
            #"{"Effect":"Allow","NotAction":"iam:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}"#
        )
        let identity = try PolicyDocument.parse(
            #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#)
        let bucket = try PolicyDocument.parse(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-7/*"},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bucket-7/secret/*"}]}"#
        )
        let policies = PolicySet(
            identity: [NamedPolicy(name: "identity", document: identity)],
            resource: NamedPolicy(name: "bucket", document: bucket))
        let principal = PrincipalIdentity(
            kind: .user, accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/alice",
            userId: "AIDAEXAMPLE", name: "alice", tags: ["team": "data"])
        let context = RequestContext(
            principal: principal, action: "s3:GetObject", resource: "arn:aws:s3:::bucket-7/alice/report.csv",
            keys: [
                "aws:SourceIp": "10.1.2.3", "aws:SecureTransport": "false", "aws:CurrentTime": "2026-11-23T00:00:00Z",
            ])
        let evaluator = PolicyEvaluator()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(evaluator.evaluate(context, policies: policies))
        }
    }

    // The Kinesis codecs on a PutRecords body of 500 records of 1 KiB: JSON (base64 data) and CBOR (byte strings).
    let records = AWSDocument.list(
        (0..<500).map { index in
            .map([
                "Data": .blob([UInt8](repeating: UInt8(index % 256), count: 1024)),
                "PartitionKey": .string("key-\(index)"),
            ])
        })
    let putRecords = AWSDocument.map(["StreamName": "bench", "Records": records])
    let jsonBody = putRecords.jsonBytes()
    let cborBody = putRecords.cborBytes()
    Benchmark("AWSDocument JSON, parse PutRecords of 500 x 1 KiB") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try AWSDocument.parseJSON(jsonBody))
        }
    }
    Benchmark("AWSDocument CBOR, parse PutRecords of 500 x 1 KiB") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try AWSDocument.parseCBOR(cborBody))
        }
    }
    Benchmark("AWSDocument JSON, write 500 records of 1 KiB") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(putRecords.jsonBytes())
        }
    }
}
