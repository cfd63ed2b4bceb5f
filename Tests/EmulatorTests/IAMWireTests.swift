import AWSWire
import CloudClients
import Emulator
import Foundation
import Testing

@Suite("IAM over the wire")
struct IAMWireTests {
    @Test("errors are <ErrorResponse> documents with IAM's type, code, status and message")
    func errorShape() async throws {
        try await withEmulator { emulator, _ in
            let iam = Identities(emulator).iam()
            let response = try await iam.send("GetRole", [("RoleName", "missing")])
            #expect(response.status == 404)
            let tree = try XMLTree.parse(response.body)
            #expect(tree.name == "ErrorResponse")
            #expect(tree.child("Error")?.text(of: "Type") == "Sender")
            #expect(tree.child("Error")?.text(of: "Code") == "NoSuchEntity")
            #expect(tree.child("Error")?.text(of: "Message") == "The role with name missing cannot be found.")
            #expect(tree.text(of: "RequestId")?.isEmpty == false)
            let unknown = try await iam.send("FlyToTheMoon")
            #expect(unknown.status == 400)
            #expect(AWSServiceError(xmlResponse: unknown).code == "InvalidAction")
            let missing = try await iam.send("CreateRole", [("RoleName", "r")])
            #expect(AWSServiceError(xmlResponse: missing).code == "ValidationError")
        }
    }

    @Test("documents come back percent-encoded, ids and ARNs have IAM's shapes")
    func shapes() async throws {
        try await withEmulator { emulator, _ in
            let iam = Identities(emulator).iam()
            let trust = Identities.policy(
                #"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}"#)
            let created = try await iam.call(
                "CreateRole", [("RoleName", "shaped"), ("Path", "/svc/"), ("AssumeRolePolicyDocument", trust)])
            let role = try #require(created.child("Role"))
            #expect(role.text(of: "Arn") == "arn:aws:iam::000000000000:role/svc/shaped")
            #expect(role.text(of: "RoleId")?.count == 21)
            #expect(role.text(of: "AssumeRolePolicyDocument") == PercentEncoding.encode(trust))
            #expect(role.text(of: "MaxSessionDuration") == "3600")
            let profile = try await iam.call("CreateInstanceProfile", [("InstanceProfileName", "p")])
            #expect(profile.child("InstanceProfile")?.text(of: "InstanceProfileId")?.hasPrefix("AIPA") == true)
            let malformed = try await iam.send(
                "PutRolePolicy", [("RoleName", "shaped"), ("PolicyName", "x"), ("PolicyDocument", "{")])
            #expect(AWSServiceError(xmlResponse: malformed).code == "MalformedPolicyDocument")
        }
    }

    @Test("a user's AccessDenied names the user, the action and the resource")
    func accessDenied() async throws {
        try await withEmulator { emulator, _ in
            let ids = Identities(emulator)
            let gina = try await ids.user("gina")
            let response = try await ids.iam(gina.credentials).send("ListRoles")
            #expect(response.status == 403)
            let error = AWSServiceError(xmlResponse: response)
            #expect(error.code == "AccessDenied")
            #expect(
                error.message
                    == "User: arn:aws:iam::000000000000:user/gina is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::000000000000:role/ because no identity-based policy allows the iam:ListRoles action"
            )
        }
    }
}
