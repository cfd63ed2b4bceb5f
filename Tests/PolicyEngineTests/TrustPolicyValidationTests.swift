import PolicyEngine
import Testing

@Suite("Trust policies (IAM MalformedPolicyDocument)")
struct TrustPolicyValidationTests {
    @Test func databricksCrossAccountTrust() throws {
        let document = try PolicyValidator.validate(Documents.crossAccountTrust, kind: .trust)
        let statement = try #require(document.statements.first)
        #expect(statement.principal?.aws == ["arn:aws:iam::414351767826:root"])
        #expect(statement.action == ["sts:AssumeRole"])
        #expect(statement.resource == nil)
        let condition = try #require(statement.conditions.first)
        #expect(condition.operator.base == .stringEquals)
        #expect(condition.key == "sts:ExternalId")
        #expect(condition.values == ["0d26daa6-5e44-4c97-a497-ef015f91254a"])
    }

    @Test(arguments: [
        Documents.serviceTrust,
        statement(#""Effect":"Allow","Principal":{"AWS":"414351767826"},"Action":["sts:AssumeRole","sts:TagSession"]"#),
        statement(
            #"""
            "Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/ci",
            "arn:aws:iam::123456789012:user/path/alice","arn:aws:sts::123456789012:assumed-role/ci/session"]},
            "Action":"sts:AssumeRole"
            """#),
        statement(
            #"""
            "Effect":"Allow",
            "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
            "Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/*"}}
            """#),
        statement(
            #"""
            "Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
            "Action":"sts:AssumeRoleWithWebIdentity"
            """#),
        statement(#""Effect":"Allow","Principal":{"Service":"states.us-east-1.amazonaws.com"},"Action":"sts:*""#),
        statement(
            #"""
            "Effect":"Allow","Principal":"*","Action":"sts:AssumeRole",
            "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}
            """#),
        statement(
            #"""
            "Sid":"Emr","Effect":"Allow","Principal":{"Service":"elasticmapreduce.amazonaws.com"},
            "Action":"sts:AssumeRole"
            """#, version: "2008-10-17"),
        statement(#""Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole""#, version: nil),
    ])
    func accepted(text: String) throws {
        #expect(try PolicyValidator.validate(text, kind: .trust).text == text)
    }

    static let noPrincipals =
        "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
        + "The passed in policy has a statement with no principals!"

    @Test(arguments: [
        ("assume-role-policy.json", "This policy contains invalid Json"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",}]}"#, "This policy contains invalid Json"),
        (#"{"Version":"2012-10-17"}"#, "Missing required field Statement"),
        (#"{"Version":"2012-10-17","Statement":[]}"#, "Could not parse the policy: Statement is empty!"),
        (
            #"""
            {"Version":"2012-10-18","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}
            """#,
            "The policy must contain a valid version string"
        ),
        (statement(#""Principal":"*","Action":"sts:AssumeRole""#), "Missing required field Effect"),
        (statement(#""Effect":"Permit","Principal":"*","Action":"sts:AssumeRole""#), "Invalid effect: Permit"),
        (statement(#""Effect":"Allow","Action":"sts:AssumeRole""#), "Missing required field Principal"),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{},"Action":"sts:AssumeRole"
                """#),
            "Missing required field Principal cannot be empty!"
        ),
        (statement(#""Effect":"Allow","Principal":{"AWS":[]},"Action":"sts:AssumeRole""#), noPrincipals),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"AWS":"not-an-arn"},"Action":"sts:AssumeRole"
                """#),
            #"Invalid principal in policy: "AWS":"not-an-arn""#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/*"},"Action":"sts:AssumeRole"
                """#),
            #"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/*""#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:group/admins"},"Action":"sts:AssumeRole"
                """#),
            #"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:group/admins""#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"amazonaws.com"},"Action":"sts:AssumeRole"
                """#),
            #"Invalid principal in policy: "SERVICE":"amazonaws.com""#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"lambda"},"Action":"sts:AssumeRole"
                """#),
            #"Invalid principal in policy: "SERVICE":"lambda""#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Federated":"my idp"},"Action":"sts:AssumeRoleWithSAML"
                """#),
            #"Invalid principal in policy: "FEDERATED":"my idp""#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Robot":"r2d2"},"Action":"sts:AssumeRole"
                """#),
            #"Invalid principal in policy: "Robot""#
        ),
        (statement(#""Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}"#), "Missing required field Action"),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"s3:GetObject"
                """#),
            "AssumeRole policy may only specify STS AssumeRole actions."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:GetCallerIdentity"
                """#),
            "AssumeRole policy may only specify STS AssumeRole actions."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"
                """#),
            "Has prohibited field Resource"
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","NotResource":"*"
                """#),
            "Has prohibited field NotResource"
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole",
                "Condition":{"StringEqualz":{"a:b":"c"}}
                """#),
            "Invalid Condition type : StringEqualz"
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":"arn:aws:iam::123456789012:root","Action":"sts:AssumeRole"
                """#),
            "Invalid policy syntax."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Extra":1
                """#),
            "Unknown field Extra"
        ),
        (
            #"""
            {"Statement":[{"Sid":"x","Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},{"Sid":"x",
            "Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}
            """#,
            "Statement IDs (SID) in a single policy must be unique."
        ),
    ])
    func refused(text: String, message: String) {
        expectRefusal(text, kind: .trust, message)
    }

    @Test func principalsThatDoNotExistAreRefused() throws {
        let text = statement(
            #""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/gone"},"Action":"sts:AssumeRole""#)
        expectRefusal(
            text, kind: .trust, #"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/gone""#,
            principalExists: { $0.resource != "role/gone" })
        var asked: [String] = []
        try PolicyValidator.validate(Documents.crossAccountTrust, kind: .trust) { arn in
            asked.append(arn.description)
            return true
        }
        #expect(asked == ["arn:aws:iam::414351767826:root"])
    }
}
