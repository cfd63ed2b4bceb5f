import PolicyEngine
import Testing

@Suite("Policy validation")
struct PolicyValidatorTests {
    static let rootBucketPolicy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"GrantDatabricksAccess","Effect":"Allow",
        "Principal":{"AWS":"arn:aws:iam::414351767826:root"},
        "Action":["s3:GetObject","s3:GetObjectVersion","s3:PutObject","s3:DeleteObject","s3:ListBucket","s3:GetBucketLocation"],
        "Resource":["arn:aws:s3:::root-bucket/*","arn:aws:s3:::root-bucket"]}]}
        """
    static let crossAccountTrust = """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},
        "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"0d26daa6-5e44-4c97-a497-ef015f91254a"}}}}
        """

    @Test func databricksRootBucketPolicyIsValid() throws {
        let document = try PolicyValidator.validate(Self.rootBucketPolicy, kind: .resource(.s3Bucket("root-bucket")))
        #expect(document.statements.count == 1)
        #expect(document.statements[0].principal?.values(of: "AWS") == ["arn:aws:iam::414351767826:root"])
        #expect(document.text == Self.rootBucketPolicy)
    }

    @Test func crossAccountTrustPolicyIsValid() throws {
        let document = try PolicyValidator.validate(Self.crossAccountTrust, kind: .trust)
        let condition = try #require(document.statements.first?.conditions.first)
        #expect(condition.baseOperator == "StringEquals")
        #expect(condition.key == "sts:ExternalId")
        #expect(condition.values == ["0d26daa6-5e44-4c97-a497-ef015f91254a"])
    }

    @Test(arguments: [
        ("[]", PolicyValidator.Kind.identity, "Syntax errors in policy.", "Policies must be valid JSON and the first byte must be '{'"),
        ("{not json", .identity, "Syntax errors in policy.", "Policies must be valid JSON and the first byte must be '{'"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#, .trust,
         "Missing required field Principal", "Missing required field Principal"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#, .identity,
         "Policy document should not specify a principal.", "Policy document should not specify a principal."),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}]}"#, .trust,
         "Has prohibited field Resource", "Has prohibited field Resource"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}"#, .identity,
         "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.", "Policy has invalid action"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}}]}"#,
         .identity, "Invalid Condition type : StringEqualz.", "Invalid Condition type : StringEqualz"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#, .identity,
         "Policy statement must contain resources.", "Missing required field Resource"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}"#, .identity,
         "Syntax errors in policy.", "Invalid effect: Maybe"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"}]}"#,
         .resource(.s3Bucket("mine")), "Policy has invalid resource", "Policy has invalid resource"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"not-an-arn"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::mine/*"}]}"#,
         .resource(.s3Bucket("mine")), "Invalid principal in policy: \"AWS\":\"not-an-arn\"", "Invalid principal in policy"),
        (#"{"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"a","Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#,
         .identity, "Statement IDs (SID) in a single policy must be unique.", "Statement IDs (SID) must be unique within a policy"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Extra":1}]}"#, .identity,
         "Syntax errors in policy.", "Unknown field Extra"),
        (#"{"Version":"2012-10-17"}"#, .identity, "Missing required field Statement", "Missing required field Statement"),
    ])
    func refusals(text: String, kind: PolicyValidator.Kind, iam: String, s3: String) {
        do {
            try PolicyValidator.validate(text, kind: kind)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.iamMessage == iam)
            #expect(error.s3Message == s3)
        }
    }

    @Test func conditionValuesKeepTheirJSONText() throws {
        let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":1.2},"ForAnyValue:StringLikeIfExists":{"aws:PrincipalTag/team":["a*","b"]}}}]}"#
        let statement = try #require(try PolicyValidator.validate(text, kind: .resource(.s3Bucket("b"))).statements.first)
        let byKey = Dictionary(uniqueKeysWithValues: statement.conditions.map { ($0.key, $0) })
        #expect(byKey["aws:SecureTransport"]?.values == ["false"])
        #expect(byKey["s3:TlsVersion"]?.values == ["1.2"])
        let tag = try #require(byKey["aws:PrincipalTag/team"])
        #expect(tag.setQualifier == .forAnyValue)
        #expect(tag.ifExists)
        #expect(tag.baseOperator == "StringLike")
    }
}
