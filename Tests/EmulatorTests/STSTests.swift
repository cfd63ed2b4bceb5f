import CloudClients
import Emulator
import Foundation
import Testing

@Suite("STS")
struct STSTests {
    @Test("GetCallerIdentity names root, users and role sessions")
    func callerIdentity() async throws {
        try await withEmulator { emulator, _ in
            let ids = Identities(emulator)
            let root = try await ids.sts().getCallerIdentity()
            #expect(
                root == .init(account: "000000000000", arn: "arn:aws:iam::000000000000:root", userId: "000000000000"))
            let alice = try await ids.user("alice")
            let identity = try await ids.sts(alice.credentials).getCallerIdentity()
            #expect(identity.arn == "arn:aws:iam::000000000000:user/alice")
            #expect(identity.userId.hasPrefix("AIDA"))
        }
    }

    @Test("AssumeRole enforces the external id of a cross-account trust policy")
    func externalId() async throws {
        try await withEmulator { emulator, _ in
            let ids = Identities(emulator)
            let trust = Identities.policy(
                #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},"Action":"sts:AssumeRole","#
                    + #""Condition":{"StringEquals":{"sts:ExternalId":"account-1234"}}}"#)
            let role = try await ids.role("cross-account", trust: trust)
            let databricks = try emulator.externalPrincipal(accountId: "414351767826", userName: "databricks")
            let sts = ids.sts(
                AWSCredentials(accessKeyId: databricks.accessKeyId, secretAccessKey: databricks.secretAccessKey))
            let missing = await serviceError { try await sts.assumeRole(roleArn: role, sessionName: "session") }
            #expect(missing?.code == "AccessDenied")
            #expect(
                missing?.message
                    == "User: arn:aws:iam::414351767826:user/databricks is not authorized to perform: sts:AssumeRole on resource: \(role)"
            )
            let wrong = await serviceError {
                try await sts.assumeRole(roleArn: role, sessionName: "session", externalId: "account-9999")
            }
            #expect(wrong?.code == "AccessDenied")
            let session = try await sts.assumeRole(roleArn: role, sessionName: "session", externalId: "account-1234")
            #expect(session.arn == "arn:aws:sts::000000000000:assumed-role/cross-account/session")
            #expect(session.credentials.accessKeyId.hasPrefix("ASIA"))
            let who = try await ids.sts(session.credentials).getCallerIdentity()
            #expect(who.arn == session.arn)
            #expect(who.userId == session.assumedRoleId)
        }
    }

    @Test("temporary credentials expire on the emulator's clock")
    func expiry() async throws {
        try await withEmulator { emulator, _ in
            let ids = Identities(emulator)
            let alice = try await ids.user("alice")
            let trust = Identities.policy(
                #"{"Effect":"Allow","Principal":{"AWS":"\#(alice.arn)"},"Action":"sts:AssumeRole"}"#)
            let role = try await ids.role("short", trust: trust)
            let session = try await ids.sts(alice.credentials).assumeRole(
                roleArn: role, sessionName: "session", durationSeconds: 900)
            _ = try await ids.sts(session.credentials).getCallerIdentity()
            emulator.clock.advance(by: 901)
            let expired = await serviceError { try await ids.sts(session.credentials).getCallerIdentity() }
            #expect(expired?.code == "ExpiredToken")
        }
    }

    @Test("DurationSeconds outside 900 to MaxSessionDuration is a ValidationError")
    func durations() async throws {
        try await withEmulator { emulator, _ in
            let ids = Identities(emulator)
            let alice = try await ids.user("alice")
            let trust = Identities.policy(
                #"{"Effect":"Allow","Principal":{"AWS":"\#(alice.arn)"},"Action":"sts:AssumeRole"}"#)
            let role = try await ids.role("limited", trust: trust)
            for duration in [899, 3601] {
                let error = await serviceError {
                    try await ids.sts(alice.credentials).assumeRole(
                        roleArn: role, sessionName: "session", durationSeconds: duration)
                }
                #expect(error?.code == "ValidationError")
                #expect(error?.status == 400)
            }
        }
    }
}
