import CloudClients
import Emulator
import Foundation
import Testing

@Suite("Captured bodies: text shown as text, binary summarised, secrets still redacted")
struct CapturedBodyTests {
    @Test(
        "text by content type, or by its bytes when the type says nothing",
        arguments: [
            ("hello", "binary/octet-stream", true), ("hello\r\n\tworld", nil, true),
            ("a=1&b=2", "application/x-www-form-urlencoded", true), ("x: 1", "application/yaml", true),
            ("id,name", "text/csv; charset=utf-8", true), ("{}", "application/x-amz-json-1.1", true),
            ("var a", "application/javascript", true), ("bell\u{07}", "binary/octet-stream", false),
            ("hello", "image/png", false), ("hello", "application/cbor", false),
        ] as [(String, String?, Bool)])
    func classification(body: String, type: String?, text: Bool) {
        #expect(CapturedBody.isText(Data(body.utf8), contentType: type) == text)
    }

    @Test("bytes that are not UTF-8 are summarised with their size and type")
    func binary() {
        let data = Data([0xFF, 0xFE, 0x00, 0x01, 0x02, 0x03])
        #expect(!CapturedBody.isText(data, contentType: "binary/octet-stream"))
        #expect(CapturedBody.summary(data, contentType: "binary/octet-stream") == "(6 bytes of binary/octet-stream)")
        #expect(CapturedBody.summary(data, contentType: nil) == "(6 bytes of binary data)")
    }

    @Test("an object written as binary/octet-stream is captured as its text, known secrets redacted")
    func objectBodies() async throws {
        let emulator = try await Emulator.start()
        defer { Task { await emulator.shutdown() } }
        let credentials = AWSCredentials(accessKeyId: "test", secretAccessKey: "test")
        let log = ExchangeLog()
        let s3 = S3Client(
            endpoint: emulator.endpoint, credentials: credentials,
            transport: HTTPTransport(recorder: log, redactor: Redactor(secrets: ["s3cr3t-value"])))
        try await s3.createBucket("bodies")
        _ = try await s3.putObject(bucket: "bodies", key: "a.txt", body: Data("hello s3cr3t-value".utf8))
        _ = try await s3.getObject(bucket: "bodies", key: "a.txt")
        _ = try await s3.putObject(bucket: "bodies", key: "b.bin", body: Data([0, 1, 2, 0xFF]))
        _ = try await s3.getObject(bucket: "bodies", key: "b.bin")
        let exchanges = log.take()
        let reads = exchanges.filter { $0.method == "GET" }
        #expect(reads.map(\.responseBody) == ["hello <redacted>", "(4 bytes of binary/octet-stream)"])
        #expect(!exchanges.contains { $0.requestBody.contains("s3cr3t-value") })
    }
}
