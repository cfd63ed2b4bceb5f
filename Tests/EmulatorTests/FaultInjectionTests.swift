import CloudClients
import Emulator
import Foundation
import Testing

@Suite("Fault injection")
struct FaultInjectionTests {
    @Test("a counted S3 fault answers SlowDown with Retry-After, then the request goes through")
    func counted() async throws {
        try await withEmulator { emulator, client in
            try await client.createBucket("faulty")
            emulator.faults.add(
                FaultRule(
                    service: "s3", operation: "PutObject",
                    error: .init(
                        status: 503, code: "SlowDown", message: "Please reduce your request rate.", retryAfter: 1),
                    count: 2))
            for _ in 0..<2 {
                let response = try await client.send("PUT", bucket: "faulty", key: "k", body: Data("v".utf8))
                #expect(response.status == 503)
                #expect(response.errorCode == "SlowDown")
                #expect(response.header("retry-after") == "1")
            }
            #expect(try await client.send("PUT", bucket: "faulty", key: "k", body: Data("v".utf8)).status == 200)
            #expect(try await client.send("GET", bucket: "faulty", key: "k").status == 200)
            #expect(emulator.faults.current.first?.hits == 2)
        }
    }

    @Test("faults over HTTP: add for IAM with a path-free rule, list, delete")
    func admin() async throws {
        try await withEmulator { emulator, _ in
            let url = emulator.endpoint.appendingPathComponent("_brickyard/faults")
            let body = #"{"service":"iam","operation":"ListUsers","error":{"status":429,"code":"Throttling"}}"#
            let created = try await plainRequest(
                url, method: "POST", body: Data(body.utf8), headers: ["Content-Type": "application/json"])
            #expect(created.status == 201)
            let iam = QueryClient(
                endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"),
                service: "iam", version: "2010-05-08", transport: HTTPTransport(retry: .none))
            let throttled = try await iam.send("ListUsers")
            #expect(throttled.status == 429)
            #expect(AWSServiceError(xmlResponse: throttled).code == "Throttling")
            #expect(try await iam.send("ListRoles").status == 200)
            let listed = try await plainRequest(url)
            #expect(listed.text.contains(#""hits":1"#))
            #expect(try await plainRequest(url, method: "DELETE", headers: ["X-Brickyard-Admin": "1"]).status == 200)
            #expect(try await iam.send("ListUsers").status == 200)
            let bad = try await plainRequest(
                url, method: "POST", body: Data(#"{"service":"s3"}"#.utf8), headers: ["Content-Type": "application/json"])
            #expect(bad.status == 400)
        }
    }
}
