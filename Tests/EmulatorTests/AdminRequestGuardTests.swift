import CloudClients
import Emulator
import Foundation
import Testing

/// A web page cannot drive the admin endpoints: what a browser sends without a preflight is refused, and so is
/// any request from a foreign origin or for a rebound host name.
@Suite struct AdminRequestGuardTests {
    func admin(_ emulator: Emulator, _ path: String) -> URL {
        emulator.endpoint.appendingPathComponent("_brickyard/\(path)")
    }

    /// What `fetch(url, {method: 'POST', mode: 'no-cors'})` and an HTML form send.
    @Test(arguments: [
        ["Content-Type": "text/plain;charset=UTF-8"], ["Content-Type": "application/x-www-form-urlencoded"],
        ["Content-Type": "multipart/form-data; boundary=x"], [:],
        ["Content-Type": "text/plain", "Origin": "null"],
    ])
    func aSimpleRequestCannotChangeState(_ headers: [String: String]) async throws {
        try await withEmulator { emulator, s3 in
            try await s3.createBucket("survives-a-page")
            for path in ["reset", "clock/advance", "faults", "aws/principals"] {
                let answer = try await plainRequest(
                    admin(emulator, path), method: "POST", body: Data(#"{"seconds":60}"#.utf8), headers: headers)
                #expect(answer.status == 403, "\(path) \(headers)")
            }
            let deleted = try await plainRequest(admin(emulator, "faults"), method: "DELETE", headers: headers)
            #expect(deleted.status == 403)
            #expect(try await s3.send("HEAD", bucket: "survives-a-page").status == 200)
            #expect(emulator.clock.offsetSeconds == 0)
        }
    }

    @Test(arguments: ["https://example.com", "http://localhost.evil.example", "null", "http://192.168.1.10:8080"])
    func aForeignOriginIsRefusedEvenToRead(_ origin: String) async throws {
        try await withEmulator { emulator, _ in
            let info = try await plainRequest(admin(emulator, "info"), headers: ["Origin": origin])
            #expect(info.status == 403)
            #expect(!info.text.contains("secretAccessKey"))
            let reset = try await plainRequest(
                admin(emulator, "reset"), method: "POST",
                headers: ["Origin": origin, "Content-Type": "application/json"])
            #expect(reset.status == 403)
        }
    }

    @Test func aRequestMarkedCrossSiteIsRefused() async throws {
        try await withEmulator { emulator, _ in
            let info = try await plainRequest(admin(emulator, "info"), headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(info.status == 403)
        }
    }

    /// DNS rebinding: a page's own name pointed at 127.0.0.1 is same-origin to the browser, not to the emulator.
    @Test func aRequestForAReboundHostNameIsRefused() async throws {
        try await withEmulator { emulator, _ in
            let connection = try RawConnection(port: emulator.endpoint.port ?? 0)
            connection.send("GET /_brickyard/info HTTP/1.1\r\nHost: attacker.example:4566\r\nConnection: close\r\n\r\n")
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 403"))
            #expect(!answer.contains("secretAccessKey"))
        }
    }

    /// What the project's clients, the SDK-style scripts and curl with a JSON body send is accepted.
    @Test(arguments: [
        ["Content-Type": "application/json"], ["Content-Type": "application/json; charset=utf-8"],
        ["X-Brickyard-Admin": "1"], ["Content-Type": "application/json", "Origin": "http://127.0.0.1:4566"],
        ["Content-Type": "application/json", "Origin": "http://localhost:3000"],
    ])
    func whatAToolSendsIsAccepted(_ headers: [String: String]) async throws {
        try await withEmulator { emulator, _ in
            let answer = try await plainRequest(
                admin(emulator, "clock/advance"), method: "POST", body: Data(#"{"seconds":60}"#.utf8),
                headers: headers)
            #expect(answer.status == 200, "\(headers)")
            let counted = try await plainRequest(
                admin(emulator, "faults"), method: "POST",
                body: Data(#"{"count":1,"latencyMs":1,"error":{"status":503,"retryAfter":0}}"#.utf8), headers: headers)
            #expect(counted.status == 201, "\(counted.text)")
            #expect(try await plainRequest(admin(emulator, "info")).status == 200)
        }
    }

    /// No service changes state for a simple request without credentials: each is refused and nothing is made.
    @Test func noServiceChangesStateForAnUnsignedSimpleRequest() async throws {
        try await withEmulator { emulator, s3 in
            let harness = DatabricksHarness(emulator)
            let page = ["Content-Type": "text/plain;charset=UTF-8", "Origin": "https://example.com"]
            let form = ["Content-Type": "application/x-www-form-urlencoded", "Origin": "https://example.com"]
            let base = emulator.endpoint.absoluteString
            let attempts: [(String, String, String, [String: String])] = [
                ("PUT", "/made-by-a-page", "", page),
                ("POST", "/", "Action=CreateUser&UserName=page&Version=2010-05-08", form),
                ("POST", "/", "Action=CreateRole&RoleName=page&AssumeRolePolicyDocument=%7B%7D&Version=2010-05-08", form),
                ("POST", "\(harness.accountPath)/credentials", #"{"credentials_name":"page"}"#, page),
                ("POST", "\(harness.accountPath)/workspaces", #"{"workspace_name":"page"}"#, page),
            ]
            for (method, path, body, headers) in attempts {
                let answer = try await plainRequest(
                    URL(string: base + path)!, method: method, body: Data(body.utf8), headers: headers)
                #expect((400..<500).contains(answer.status), "\(method) \(path): \(answer.status)")
            }
            #expect(try await s3.send("HEAD", bucket: "made-by-a-page").status == 404)
            let users = try await Identities(emulator).iam().call("ListUsers")
            #expect(!"\(users)".contains("page"))
            let credentials = try await harness.account.list("\(harness.accountPath)/credentials")
            #expect(credentials.isEmpty)
        }
    }
}
