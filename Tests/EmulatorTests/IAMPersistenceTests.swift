import CloudClients
import Emulator
import Foundation
import Testing

@Suite("IAM and STS state across restarts")
struct IAMPersistenceTests {
    @Test("users, keys, policies, roles and sessions survive a restart with a state directory")
    func restart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (user, session) = try await withEmulator({ $0.stateDirectory = directory }) { emulator, root in
            let ids = Identities(emulator)
            try await root.createBucket("kept")
            let erin = try await ids.user(
                "erin", policy: Identities.policy(#"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}"#))
            let trust = Identities.policy(
                #"{"Effect":"Allow","Principal":{"AWS":"\#(erin.arn)"},"Action":"sts:AssumeRole"}"#)
            let role = try await ids.role("kept-role", trust: trust)
            let session = try await ids.sts(erin.credentials).assumeRole(roleArn: role, sessionName: "kept")
            return (erin.credentials, session.credentials)
        }
        try await withEmulator({ $0.stateDirectory = directory }) { emulator, _ in
            let ids = Identities(emulator)
            #expect(try await ids.s3(user).send("GET", bucket: "kept").status == 200)
            #expect(try await ids.s3(user).send("PUT", bucket: "kept", key: "k").status == 403)
            let who = try await ids.sts(session).getCallerIdentity()
            #expect(who.arn == "arn:aws:sts::000000000000:assumed-role/kept-role/kept")
            let role = try await ids.iam().call("GetRole", [("RoleName", "kept-role")])
            #expect(role.child("Role")?.text(of: "RoleId")?.hasPrefix("AROA") == true)
        }
    }

    @Test("reset forgets IAM users and their keys stop signing")
    func reset() async throws {
        try await withEmulator { emulator, _ in
            let ids = Identities(emulator)
            let frank = try await ids.user("frank")
            _ = try await ids.sts(frank.credentials).getCallerIdentity()
            try emulator.reset()
            let error = await serviceError { try await ids.sts(frank.credentials).getCallerIdentity() }
            #expect(error?.code == "InvalidClientTokenId")
            #expect(try await ids.sts().getCallerIdentity().account == "000000000000")
        }
    }
}
