import PolicyEngine
import Testing

@Suite("Bucket policies (S3 MalformedPolicy)")
struct BucketPolicyValidationTests {
    static let kind = PolicyKind.resource(.s3Bucket("root-bucket"))

    @Test func databricksRootBucketPolicy() throws {
        let text = Documents.databricksRootBucket("root-bucket")
        let document = try PolicyValidator.validate(text, kind: Self.kind)
        #expect(document.text == text)
        let statement = try #require(document.statements.first)
        #expect(statement.covers(action: "s3:GetObject"))
        #expect(statement.covers(resource: "arn:aws:s3:::root-bucket/ephemeral/x"))
        #expect(Self.kind.resourceContext?.bucketName == "root-bucket")
        #expect(Self.kind.errorCode == "MalformedPolicy")
    }

    static func bucketStatement(_ members: String) -> String {
        statement(members)
    }

    @Test(arguments: [
        bucketStatement(
            #"""
            "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket/public/*"
            """#),
        bucketStatement(
            #"""
            "Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":["arn:aws:s3:::root-bucket",
            "arn:aws:s3:::root-bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}
            """#),
        bucketStatement(
            #"""
            "Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
            "Resource":"arn:aws:s3:::root-bucket/logs/*",
            "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}
            """#),
        bucketStatement(
            #"""
            "Effect":"Allow",
            "Principal":{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"},
            "Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket/*"
            """#),
        bucketStatement(
            #"""
            "Effect":"Allow",
            "Principal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
            "Action":"s3:Get*","Resource":"arn:aws:s3:::root-bucket/*"
            """#),
        bucketStatement(
            #"""
            "Effect":"Allow","Principal":{"AWS":["123456789012","AIDAJQABLZS4A3QDU576Q"]},"Action":["s3:listbucket",
            "s3:List*"],"Resource":"arn:aws:s3:::root-bucket"
            """#),
        bucketStatement(
            #"""
            "Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/admin"},"NotAction":"s3:Get*",
            "NotResource":"arn:aws:s3:::root-bucket/public/*"
            """#),
        bucketStatement(#""Effect":"Allow","Principal":"*","Action":"*","Resource":"arn:aws:s3:::root-bucket/*""#),
        #"""
        {"Id":"p","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
        "Resource":"arn:aws:s3:::root-bucket/*"}}
        """#,
    ])
    func accepted(text: String) throws {
        #expect(try PolicyValidator.validate(text, kind: Self.kind).text == text)
    }

    @Test(arguments: [
        ("not json", "Policies must be valid JSON and the first byte must be '{'"),
        (" {\"Statement\":[]}", "Policies must be valid JSON and the first byte must be '{'"),
        ("", "Policies must be valid JSON and the first byte must be '{'"),
        ("{true}", "This policy contains invalid Json"),
        ("{\"Statement\":[],}", "This policy contains invalid Json"),
        ("{}", "Missing required field Statement"),
        (#"{"Statement":[]}"#, "Could not parse the policy: Statement is empty!"),
        (#"{"Version":"2019-10-17","Statement":[]}"#, "The policy must contain a valid version string"),
        (#"{"Version":"2012-10-17","Statement":[],"Conditions":{}}"#, "Unknown field Conditions"),
        (
            bucketStatement(
                #"""
                "Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Missing required field Effect"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"hello","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid effect: hello"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"allow","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid effect: allow"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Missing required field Principal"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":{},"Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Missing required field Principal cannot be empty!"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":{"AWS":""},"Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid principal in policy"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":{"AWS":[]},"Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid principal in policy"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":{"AWS":"AKIAIOSFODNN7EXAMPLE"},"Action":"s3:*",
                "Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid principal in policy"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":{"User":"alice"},"Action":"s3:*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid principal in policy"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":{"CanonicalUser":"abc"},"Action":"s3:*",
                "Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid principal in policy"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"arn:aws:iam::123456789012:root","Action":"s3:*",
                "Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Invalid policy syntax."
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Missing required field Action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"GetObject","Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Policy has invalid action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":[],"Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Policy has invalid action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"","Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Policy has invalid action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"iam:PassRole","Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Policy has invalid action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObjects","Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Policy has invalid action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:Abort?","Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Policy has invalid action"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject"
                """#),
            "Missing required field Resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::elsewhere/*"
                """#),
            "Policy has invalid resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"
                """#),
            "Policy has invalid resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":[]
                """#),
            "Policy has invalid resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket-2/*"
                """#),
            "Policy has invalid resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:iam:::root-bucket"
                """#),
            "Policy has invalid resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::/root-bucket"
                """#),
            "Policy has invalid resource"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Action does not apply to any resource(s) in statement"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],
                "Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Action does not apply to any resource(s) in statement"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::root-bucket"
                """#),
            "Action does not apply to any resource(s) in statement"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket/*",
                "Condition":{"StringEqualz":{"a:b":"c"}}
                """#),
            "Invalid Condition type : StringEqualz"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket/*",
                "Extra":1
                """#),
            "Unknown field Extra"
        ),
        (
            bucketStatement(
                #"""
                "Effect":"Allow","Principal":"*","Action":{},"Resource":"arn:aws:s3:::root-bucket/*"
                """#),
            "Invalid policy syntax."
        ),
        (
            #"""
            {"Statement":[{"Sid":"x","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
            "Resource":"arn:aws:s3:::root-bucket/*"},{"Sid":"x","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
            "Resource":"arn:aws:s3:::root-bucket/*"}]}
            """#,
            "The Statement Ids in the policy are not unique"
        ),
    ])
    func refused(text: String, message: String) {
        expectRefusal(text, kind: Self.kind, message)
    }

    @Test func principalsThatDoNotExistAreRefused() {
        expectRefusal(
            Documents.databricksRootBucket("root-bucket"), kind: Self.kind, "Invalid principal in policy",
            principalExists: { _ in false })
    }

    @Test func theErrorCarriesTheS3Code() {
        do {
            try PolicyValidator.validate("{}", kind: .resource(.s3Bucket("b")))
            Issue.record("accepted")
        } catch {
            #expect(error.code == "MalformedPolicy")
            #expect(error.message == "Missing required field Statement")
        }
    }
}
