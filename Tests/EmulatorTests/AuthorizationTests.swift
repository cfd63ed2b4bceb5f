import CloudClients
import Emulator
import Foundation
import Testing

@Suite("IAM enforcement on S3")
struct AuthorizationTests {
    @Test("a user is denied until a policy allows, and an explicit deny wins")
    func identityPolicies() async throws {
        try await withEmulator { emulator, root in
            let ids = Identities(emulator)
            try await root.createBucket("data")
            _ = try await root.putObject(bucket: "data", key: "k", body: Data("v".utf8))
            let bob = try await ids.user("bob")
            let s3 = ids.s3(bob.credentials)
            let before = try await s3.send("GET", bucket: "data", key: "k")
            #expect(before.status == 403)
            #expect(before.errorCode == "AccessDenied")
            _ = try await ids.iam().call(
                "PutUserPolicy",
                [
                    ("UserName", "bob"), ("PolicyName", "read"),
                    (
                        "PolicyDocument",
                        Identities.policy(
                            #"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#,
                            #"{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::data/*"}"#)
                    ),
                ])
            #expect(try await s3.send("GET", bucket: "data", key: "k").status == 200)
            let delete = try await s3.send("DELETE", bucket: "data", key: "k")
            #expect(delete.status == 403)
            #expect(AWSServiceError(xmlResponse: delete).message.contains("with an explicit deny"))
        }
    }

    @Test("a bucket policy alone grants a same-account user")
    func bucketPolicyGrants() async throws {
        try await withEmulator { emulator, root in
            let ids = Identities(emulator)
            try await root.createBucket("shared")
            _ = try await root.putObject(bucket: "shared", key: "k", body: Data("v".utf8))
            let carol = try await ids.user("carol")
            let policy = Identities.policy(
                #"{"Effect":"Allow","Principal":{"AWS":"\#(carol.arn)"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}"#
            )
            let put = try await root.send("PUT", bucket: "shared", query: "policy", body: Data(policy.utf8))
            #expect(put.status == 204)
            let s3 = ids.s3(carol.credentials)
            #expect(try await s3.send("GET", bucket: "shared", key: "k").status == 200)
            #expect(try await s3.send("GET", bucket: "shared").status == 403)
        }
    }

    @Test("with enforcement off every signed request is allowed")
    func enforcementOff() async throws {
        try await withEmulator({ $0.enforcesIAM = false }) { emulator, root in
            let ids = Identities(emulator)
            try await root.createBucket("open")
            let dave = try await ids.user("dave")
            #expect(try await ids.s3(dave.credentials).send("GET", bucket: "open").status == 200)
        }
    }
}

@Suite("Anonymous S3 requests")
struct AnonymousAccessTests {
    @Test("an unsigned GET is allowed only by a public bucket policy, and RestrictPublicBuckets stops it")
    func publicRead() async throws {
        try await withEmulator { emulator, root in
            try await root.createBucket("public")
            _ = try await root.putObject(bucket: "public", key: "index.html", body: Data("hi".utf8))
            let url = root.url(bucket: "public", key: "index.html")
            #expect(try await plainRequest(url).status == 403)
            let policy = Identities.policy(
                #"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::public/*"}"#)
            #expect(
                try await root.send("PUT", bucket: "public", query: "policy", body: Data(policy.utf8)).status == 204)
            let open = try await plainRequest(url)
            #expect(open.status == 200)
            #expect(open.text == "hi")
            let put = try await plainRequest(url, method: "PUT", body: Data("x".utf8))
            #expect(put.status == 403)
            #expect(put.errorCode == "AccessDenied")
            #expect(try await plainRequest(root.url(bucket: "public")).status == 403)
            let block =
                "<PublicAccessBlockConfiguration><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"
            #expect(
                try await root.send("PUT", bucket: "public", query: "publicAccessBlock", body: Data(block.utf8)).status
                    == 200)
            #expect(try await plainRequest(url).status == 403)
        }
    }
}

@Suite("Block Public Access")
struct BlockPublicPolicyTests {
    @Test("BlockPublicPolicy refuses a public bucket policy and accepts a narrowed one")
    func blockPublicPolicy() async throws {
        try await withEmulator { _, root in
            try await root.createBucket("guarded")
            let block =
                "<PublicAccessBlockConfiguration><BlockPublicPolicy>true</BlockPublicPolicy></PublicAccessBlockConfiguration>"
            _ = try await root.send("PUT", bucket: "guarded", query: "publicAccessBlock", body: Data(block.utf8))
            let open = Identities.policy(
                #"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::guarded/*"}"#)
            let refused = try await root.send("PUT", bucket: "guarded", query: "policy", body: Data(open.utf8))
            #expect(refused.status == 403)
            #expect(AWSServiceError(xmlResponse: refused).message.contains("BlockPublicPolicy"))
            let narrowed = Identities.policy(
                #"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::guarded/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}"#
            )
            #expect(
                try await root.send("PUT", bucket: "guarded", query: "policy", body: Data(narrowed.utf8)).status == 204)
        }
    }
}
