import AWSWire
import CloudClients
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("S3 virtual-hosted addressing over the wire")
struct S3AddressingWireTests {
    @Test func hostHeaderNamesTheBucket() async throws {
        try await withEmulator { emulator, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "dir/file.txt", body: Data("virtual".utf8))
            // Send to 127.0.0.1 with a Host naming the bucket, signed for that host, over a raw connection.
            let host = "\(bucket).s3.localhost:\(emulator.endpoint.port!)"
            var request = URLRequest(url: URL(string: "http://\(host)/dir/file.txt")!)
            request.httpMethod = "GET"
            client.signer.sign(&request, payloadHash: SigV4.emptyPayloadHash)
            let connection = try RawConnection(port: emulator.endpoint.port!)
            var text = "GET /dir/file.txt HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
            for (name, value) in request.allHTTPHeaderFields ?? [:] { text += "\(name): \(value)\r\n" }
            connection.send(text + "\r\n")
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(answer.hasSuffix("virtual"))
        }
    }
}
