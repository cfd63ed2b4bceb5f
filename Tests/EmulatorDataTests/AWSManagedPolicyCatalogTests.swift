import EmulatorData
import PolicyEngine
import Testing

@Suite("AWS managed policy catalog")
struct AWSManagedPolicyCatalogTests {
    @Test("ships the policies provisioning guides attach, each a valid policy document")
    func catalog() throws {
        let catalog = try AWSManagedPolicyCatalog()
        let required = [
            "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2ContainerRegistryFullAccess",
            "AmazonSageMakerFullAccess", "AdministratorAccess", "ReadOnlyAccess", "AmazonKinesisFullAccess",
            "AWSGlueServiceRole",
        ]
        let names = Set(catalog.policies.map(\.policyName))
        for name in required { #expect(names.contains(name), "missing \(name)") }
        for policy in catalog.policies {
            #expect(policy.arn == "arn:aws:iam::aws:policy\(policy.path)\(policy.policyName)")
            #expect(policy.defaultVersionId.hasPrefix("v"))
            let document = try PolicyDocument.parse(policy.document)
            #expect(document.version == "2012-10-17")
            #expect(!document.statements.isEmpty)
        }
        #expect(catalog.policy(arn: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole") != nil)
        let s3 = try #require(catalog.policy(arn: "arn:aws:iam::aws:policy/AmazonS3FullAccess"))
        let full = try PolicyDocument.parse(s3.document)
        #expect(full.statements.first?.covers(action: "s3:PutObject") == true)
    }
}
