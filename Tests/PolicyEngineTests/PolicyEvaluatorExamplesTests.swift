import PolicyEngine
import Testing

/// Example policies of the IAM User Guide ("Example IAM identity-based policies"), evaluated as AWS documents them.
@Suite("Documented policy examples")
struct PolicyEvaluatorExamplesTests {
    let evaluator = PolicyEvaluator()
    let user = PrincipalIdentity(
        kind: .user, accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/maria", userId: "AIDAMARIA",
        name: "maria", tags: ["Project": "blue"])

    func decide(
        _ policy: String, _ action: String, _ resource: String = "*", keys: ContextKeys = ContextKeys()
    )
        throws -> Decision.Outcome
    {
        let document = try PolicyDocument.parse(policy)
        let context = RequestContext(principal: user, action: action, resource: resource, keys: keys)
        return evaluator.evaluate(context, policies: PolicySet(identity: [NamedPolicy(name: "p", document: document)]))
            .outcome
    }

    @Test("deny everything without MFA (BoolIfExists), except what managing one's own MFA needs")
    func mfa() throws {
        let policy = #"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:*","Resource":"*"},
              {"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny","NotAction":["iam:ListMFADevices","sts:GetSessionToken"],
               "Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}
            """#
        #expect(try decide(policy, "s3:GetObject") == .explicitDeny)
        #expect(try decide(policy, "s3:GetObject", keys: ["aws:MultiFactorAuthPresent": "false"]) == .explicitDeny)
        #expect(try decide(policy, "s3:GetObject", keys: ["aws:MultiFactorAuthPresent": "true"]) == .allowed)
        #expect(try decide(policy, "sts:GetSessionToken") == .implicitDeny)
    }

    @Test("allow only within a date range (aws:CurrentTime)")
    func dates() throws {
        let policy = #"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-04-01T00:00:00Z"},
                           "DateLessThan":{"aws:CurrentTime":"2026-06-30T23:59:59Z"}}}]}
            """#
        #expect(try decide(policy, "s3:GetObject", keys: ["aws:CurrentTime": "2026-05-01T12:00:00Z"]) == .allowed)
        #expect(try decide(policy, "s3:GetObject", keys: ["aws:CurrentTime": "2026-11-23T04:00:00Z"]) == .implicitDeny)
        #expect(try decide(policy, "s3:GetObject") == .implicitDeny)
    }

    @Test("deny outside the allowed regions (StringNotEquals aws:RequestedRegion with NotAction)")
    func regions() throws {
        let policy = #"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*",
               "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-central-1","eu-west-1"]}}}]}
            """#
        #expect(try decide(policy, "s3:PutObject", keys: ["aws:RequestedRegion": "eu-west-1"]) == .allowed)
        #expect(try decide(policy, "s3:PutObject", keys: ["aws:RequestedRegion": "us-east-1"]) == .explicitDeny)
        #expect(try decide(policy, "iam:CreateRole", keys: ["aws:RequestedRegion": "us-east-1"]) == .allowed)
    }

    @Test("attribute-based access: the resource's tag must equal the principal's (policy variable in a condition)")
    func abac() throws {
        let policy = #"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances"],
              "Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Project":"${aws:PrincipalTag/Project}"}}}]}
            """#
        #expect(try decide(policy, "ec2:StartInstances", keys: ["aws:ResourceTag/Project": "blue"]) == .allowed)
        #expect(try decide(policy, "ec2:StartInstances", keys: ["aws:ResourceTag/Project": "red"]) == .implicitDeny)
    }

    @Test("a 2008-10-17 document has no policy variables: ${aws:username} is literal text")
    func legacyVersion() throws {
        let policy = #"""
            {"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::home/${aws:username}/*"}]}
            """#
        #expect(try decide(policy, "s3:GetObject", "arn:aws:s3:::home/maria/f") == .implicitDeny)
        #expect(try decide(policy, "s3:GetObject", "arn:aws:s3:::home/${aws:username}/f") == .allowed)
    }

    @Test("the Databricks cross-account role policy: EC2 actions, and iam:PassRole only for instance profile roles")
    func databricksCrossAccountPolicy() throws {
        let policy = #"""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Stmt1403287045000","Effect":"Allow","Action":["ec2:RunInstances","ec2:TerminateInstances",
               "ec2:DescribeInstances","ec2:CreateTags"],"Resource":"*"},
              {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/databricks-s3-*"}]}
            """#
        #expect(try decide(policy, "ec2:RunInstances") == .allowed)
        #expect(
            try decide(policy, "iam:PassRole", "arn:aws:iam::111122223333:role/databricks-s3-access") == .allowed)
        #expect(try decide(policy, "iam:PassRole", "arn:aws:iam::111122223333:role/admin") == .implicitDeny)
        #expect(try decide(policy, "ec2:DeleteVpc") == .implicitDeny)
    }
}

@Suite("Statement positions")
struct StatementPositionTests {
    @Test("each statement's start and end, as IAM simulation reports them")
    func positions() throws {
        let text = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                {"Sid": "B", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "arn:aws:s3:::b/{x}"}
              ]
            }
            """
        let positions = try PolicyDocument.parse(text).statementPositions
        #expect(positions.count == 2)
        #expect(positions[0].start == TextPosition(line: 4, column: 5))
        #expect(positions[0].end == TextPosition(line: 4, column: 70))
        #expect(positions[1].start == TextPosition(line: 5, column: 5))
        let single = try PolicyDocument.parse(#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#)
        #expect(single.statementPositions.map(\.start) == [TextPosition(line: 1, column: 14)])
    }
}
