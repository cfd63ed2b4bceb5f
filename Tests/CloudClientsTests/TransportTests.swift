import CloudClients
import Emulator
import Foundation
import Testing

@Suite("Transport: retries, capture, redaction")
struct TransportTests {
    @Test("backoff is jittered and exponential, Retry-After wins, both capped")
    func backoff() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.1, maxDelay: 2)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, random: 1) == 0.1)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, random: 1) == 0.4)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, random: 0.5) == 0.2)
        #expect(policy.delay(afterAttempt: 10, retryAfter: nil, random: 1) == 2)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 1.5) == 1.5)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 60) == 2)
        #expect(policy.shouldRetry(status: 400, code: "ThrottlingException"))
        #expect(policy.shouldRetry(status: 503, code: nil))
        #expect(!policy.shouldRetry(status: 400, code: "ValidationError"))
        #expect(!policy.shouldRetry(status: 403, code: "AccessDenied"))
    }

    @Test("secrets are redacted from headers, URLs and bodies")
    func redaction() {
        let redactor = Redactor(secrets: ["wJalrXUtnFEMI/K7MDENG"])
        let sigv4 =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc123"
        #expect(
            redactor.header("Authorization", sigv4)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/s3/aws4_request, SignedHeaders=..., Signature=<redacted>"
        )
        #expect(redactor.header("authorization", "Bearer dapi0123456789") == "Bearer <redacted>")
        #expect(redactor.header("X-Amz-Security-Token", "FQoGZXIvYXdzE") == "<redacted>")
        #expect(redactor.header("Content-Type", "application/json") == "application/json")
        let url = URL(string: "http://h/b/k?X-Amz-Credential=AKID&X-Amz-Signature=deadbeef&X-Amz-Security-Token=tok")!
        let shown = redactor.url(url)
        #expect(!shown.contains("deadbeef") && !shown.contains("tok") && shown.contains("AKID"))
        #expect(
            redactor.body(#"{"scope":"app","string_value":"hunter22"}"#)
                == #"{"scope":"app","string_value":"<redacted>"}"#)
        #expect(
            redactor.body(
                "<Credentials><SecretAccessKey>abc</SecretAccessKey><SessionToken>t</SessionToken></Credentials>")
                == "<Credentials><SecretAccessKey><redacted></SecretAccessKey><SessionToken><redacted></SessionToken></Credentials>"
        )
        #expect(redactor.body("grant_type=x&client_secret=s3cr3t") == "grant_type=x&client_secret=<redacted>")
        #expect(redactor.body("key is wJalrXUtnFEMI/K7MDENG here") == "key is <redacted> here")
    }

    @Test("throttled requests are retried, re-signed, and every attempt is captured redacted")
    func retriesThroughTheWire() async throws {
        let emulator = try await Emulator.start()
        defer { Task { await emulator.shutdown() } }
        let credentials = AWSCredentials(accessKeyId: "test", secretAccessKey: "test")
        let log = ExchangeLog()
        var policy = RetryPolicy.standard
        policy.baseDelay = 0.01
        let s3 = S3Client(
            endpoint: emulator.endpoint, credentials: credentials,
            transport: HTTPTransport(retry: policy, recorder: log))
        try await s3.createBucket("retried")
        emulator.faults.add(
            FaultRule(
                service: "s3", operation: "PutObject", error: .init(status: 503, code: "SlowDown", retryAfter: 0),
                count: 2))
        _ = log.take()
        try await s3.putObject(bucket: "retried", key: "k", body: Data("v".utf8))
        let exchanges = log.take()
        #expect(exchanges.map(\.status) == [503, 503, 200])
        #expect(exchanges.map(\.attempt) == [1, 2, 3])
        for exchange in exchanges {
            #expect(exchange.requestHeaders["authorization"]?.hasSuffix("Signature=<redacted>") == true)
            #expect(exchange.method == "PUT")
        }
        #expect(exchanges[0].responseBody.contains("<Code>SlowDown</Code>"))

        emulator.faults.add(
            FaultRule(service: "s3", operation: "PutObject", error: .init(status: 503, code: "SlowDown"), count: 1))
        let impatient = S3Client(
            endpoint: emulator.endpoint, credentials: credentials, transport: HTTPTransport(retry: .none))
        let refused = try await impatient.send("PUT", bucket: "retried", key: "k", body: Data("v".utf8))
        #expect(refused.status == 503)
        #expect(refused.errorCode == "SlowDown")
    }

    @Test("a Databricks exchange hides the bearer token and secret values")
    func databricksCapture() async throws {
        let emulator = try await Emulator.start()
        defer { Task { await emulator.shutdown() } }
        let databricks = emulator.configuration.databricks
        let log = ExchangeLog()
        let client = DatabricksClient(
            host: emulator.endpoint, authentication: .token(databricks.token),
            transport: HTTPTransport(recorder: log, redactor: Redactor(secrets: [databricks.token])))
        _ = try await client.send("GET", "/api/2.0/accounts/\(databricks.accountId)/workspaces")
        let exchange = try #require(log.take().last)
        #expect(exchange.status == 200)
        #expect(exchange.requestHeaders["authorization"] == "Bearer <redacted>")
        let encoded = String(decoding: try JSONEncoder().encode(exchange), as: UTF8.self)
        #expect(!encoded.contains(databricks.token))
    }
}
