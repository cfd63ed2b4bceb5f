import PolicyEngine
import Testing

@Suite("Identity policies (IAM MalformedPolicyDocument)")
struct IdentityPolicyValidationTests {
    @Test(arguments: [
        Documents.passRole,
        Documents.everyConditionFamily,
        statement(#""Effect":"Allow","Action":"*","Resource":"*""#),
        statement(#""Effect":"Allow","NotAction":"iam:*","NotResource":["arn:aws:iam::*:role/admin"]"#),
        statement(#""Effect":"Allow","Action":"ec2:Describe*","Resource":"arn:aws:ec2:us-east-1:123456789012:*""#),
        statement(#""Sid":"Any_Sid-1","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*""#),
        statement(
            #"""
            "Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/*",
            "Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}
            """#),
        statement(
            #"""
            "Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"DateLessThan":{"aws:EpochTime":"1700000000"},
            "DateGreaterThan":{"aws:CurrentTime":["2026-01-01","2026-11-22T10:00:00.5+01:00","2026T"]}}
            """#),
        statement(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"UnknownButEmpty":{}}"#),
        statement(#""Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:us-east-1:123456789012:accesspoint/ap""#),
        statement(#""Effect":"Allow","Action":"s3:*","Resource":"*""#, version: nil),
        statement(#""Effect":"Allow","Action":"s3:*","Resource":"*""#, version: "2008-10-17"),
    ])
    func accepted(text: String) throws {
        let document = try PolicyValidator.validate(text, kind: .identity)
        #expect(document.text == text)
    }

    @Test func managedPoliciesNeedTheCurrentVersion() throws {
        let current = statement(#""Effect":"Allow","Action":"s3:*","Resource":"*""#)
        #expect(try PolicyValidator.validate(current, kind: .managedIdentity).version == "2012-10-17")
        for version in [nil, "2008-10-17"] {
            expectRefusal(
                statement(#""Effect":"Allow","Action":"s3:*","Resource":"*""#, version: version),
                kind: .managedIdentity, "Policy document must be version 2012-10-17 or greater.")
        }
    }

    static let syntax = "Syntax errors in policy."

    @Test(arguments: [
        // Syntax: checked over the whole document first.
        ("not json", syntax),
        ("[]", syntax),
        (#"{"Version":"2012-10-17"}"#, syntax),
        (#"{"Version":"2012-10-17","Statement":[]}"#, syntax),
        (#"{"Version":"2012-10-17","Statement":["s3:*"]}"#, syntax),
        (#"{"Version":"2013-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#, syntax),
        (#"{"Version":"2012-10-17","Id":{},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#, syntax),
        (#"{"Version":"2012-10-17","Extra":1,"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#, syntax),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":"*","Extra":1"#), syntax),
        (statement(#""Action":"s3:*","Resource":"*""#), syntax),
        (statement(#""Effect":"Maybe","Action":"s3:*","Resource":"*""#), syntax),
        (statement(#""Effect":true,"Action":"s3:*","Resource":"*""#), syntax),
        (statement(#""Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*""#), syntax),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"*""#), syntax),
        (statement(#""Effect":"Allow","Action":{},"Resource":"*""#), syntax),
        (statement(#""Effect":"Allow","Action":[["s3:*"]],"Resource":"*""#), syntax),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":"*","Sid":7"#), syntax),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":[]"#), syntax),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"x"}"#), syntax),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"a:b":null}}
                """#),
            syntax
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}
                """#),
            syntax
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue::StringEquals":{"a:b":"c"}}
                """#),
            syntax
        ),
        // Principals belong in resource and trust policies.
        (
            statement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"
                """#),
            "Policy document should not specify a principal."
        ),
        (
            statement(
                #"""
                "Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:*","Resource":"*"
                """#),
            "Policy document should not specify a principal."
        ),
        // Legacy parsing.
        (statement(#""Effect":"allow","Action":"s3:*","Resource":"*""#), "The policy failed legacy parsing"),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"*",
                "Condition":{"DateGreaterThan":{"aws:CurrentTime":"yesterday"}}
                """#),
            "The policy failed legacy parsing"
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"*",
                "Condition":{"DateLessThan":{"aws:CurrentTime":"2026-13-01"}}
                """#),
            "The policy failed legacy parsing"
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3::bucket"
                """#),
            "The policy failed legacy parsing"
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"arn:aws::::bucket"
                """#),
            "The policy failed legacy parsing"
        ),
        // Statement ids.
        (
            #"""
            {"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"a",
            "Effect":"Deny","Action":"s3:*","Resource":"*"}]}
            """#,
            "Statement IDs (SID) in a single policy must be unique."
        ),
        // Actions and resources.
        (statement(#""Effect":"Allow","Resource":"*""#), "Policy statement must contain actions."),
        (statement(#""Effect":"Allow","Action":[],"Resource":"*""#), "Policy statement must contain actions."),
        (statement(#""Effect":"Allow","Action":"s3:*""#), "Policy statement must contain resources."),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":[]"#), "Policy statement must contain resources."),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"GetObject","Resource":"*"
                """#),
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"GetObject"
                """#),
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","NotAction":"","Resource":"*"
                """#),
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:Get:Object","Resource":"*"
                """#),
            "Actions/Condition can contain only one colon."
        ),
        (statement(#""Effect":"Allow","Action":"s 3:GetObject","Resource":"*""#), "Vendor s 3 is not valid"),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"bucket"
                """#),
            #"Resource bucket must be in ARN format or "*"."#
        ),
        (statement(#""Effect":"Allow","Action":"s3:*","Resource":"""#), #"Resource  must be in ARN format or "*"."#),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"arn:amazon:s3:::bucket"
                """#),
            #"Partition "amazon" is not valid for resource "arn:amazon:s3:::bucket"."#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"aws:s3:::bucket"
                """#),
            #"Partition "s3" is not valid for resource "arn:s3:::bucket:*"."#
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"arn:aws"
                """#),
            "Resource vendor must be fully qualified and cannot contain regexes."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:us-east-1::bucket"
                """#),
            "Resource arn:aws:s3:us-east-1::bucket can not contain region information."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam:us-east-1:123456789012:role/x"
                """#),
            "IAM resource arn:aws:iam:us-east-1:123456789012:role/x cannot contain region information."
        ),
        (
            statement(
                #"""
                "Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:bucket"
                """#),
            #"IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, "#
                + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, "
                + "report/, access-report/."
        ),
    ])
    func refused(text: String, message: String) {
        expectRefusal(text, kind: .identity, message)
    }

    @Test func errorsCarryTheIAMCode() {
        do {
            try PolicyValidator.validate("{}", kind: .identity)
            Issue.record("accepted")
        } catch {
            #expect(error.code == "MalformedPolicyDocument")
            #expect(error.description == "MalformedPolicyDocument: Syntax errors in policy.")
        }
    }
}
