import PolicyEngine
import Testing

@Suite("Matching primitives")
struct MatchingTests {
    @Test(arguments: [
        ("s3:Get*", "s3:GetObject", true),
        ("s3:get*", "S3:GETOBJECTVERSION", true),
        ("s3:*Object", "s3:PutObject", true),
        ("s3:*Object", "s3:PutObjectAcl", false),
        ("s3:?etObject", "s3:GetObject", true),
        ("s3:?etObject", "s3:etObject", false),
        ("*", "iam:PassRole", true),
        ("iam:PassRole", "iam:passrole", true),
        ("iam:PassRole", "iam:PassRoles", false),
        ("sts:AssumeRole*", "sts:AssumeRoleWithSAML", true),
    ])
    func actionWildcards(pattern: String, action: String, expected: Bool) {
        #expect(WildcardPattern(action: pattern).matches(action) == expected)
    }

    @Test(arguments: [
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false),
        ("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket-logs/key", true),
        ("arn:aws:s3:::*", "arn:aws:s3:::bucket/key:with:colons", true),
        ("arn:aws:*", "arn:aws:iam::123456789012:role/x", true),
        ("arn:aws:iam::*:role/data-?", "arn:aws:iam::123456789012:role/data-1", true),
        ("arn:aws:iam::*:role/data-?", "arn:aws:iam::123456789012:role/data-10", false),
        ("arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:role/admin", false),
        ("*", "", true),
        ("", "", true),
        ("", "x", false),
        ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "aXXbYY", false),
        ("a**b", "ab", true),
        ("*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
        ("ü*", "über", true),
    ])
    func resourceWildcards(pattern: String, resource: String, expected: Bool) {
        #expect(WildcardPattern(pattern).matches(resource) == expected)
        #expect(WildcardPattern(pattern).isLiteral == !pattern.contains(where: { $0 == "*" || $0 == "?" }))
    }

    @Test func arnParsing() throws {
        let arn = try #require(ARN("arn:aws:iam::414351767826:role/path/cross-account"))
        #expect(arn.partition == "aws")
        #expect(arn.service == "iam")
        #expect(arn.region == "")
        #expect(arn.account == "414351767826")
        #expect(arn.resource == "role/path/cross-account")
        #expect(arn.resourceTypeAndName?.type == "role")
        #expect(arn.resourceTypeAndName?.name == "path/cross-account")
        #expect(arn.description == "arn:aws:iam::414351767826:role/path/cross-account")
        #expect(ARN("arn:aws:s3:::bucket/key:with:colons")?.resource == "bucket/key:with:colons")
        #expect(ARN("arn:aws:iam::123456789012:root")?.resourceTypeAndName == nil)
        #expect(ARN(partition: "aws-cn", service: "s3", account: "", resource: "b").description == "arn:aws-cn:s3:::b")
    }

    @Test(arguments: [
        "not:an:arn", "arn:aws:s3:::", "arn::s3:::bucket", "arn:aws::::bucket", "urn:aws:s3:::bucket", "",
    ])
    func notARNs(text: String) {
        #expect(ARN(text) == nil)
    }

    @Test(arguments: [
        ("arn:aws:iam::*:role/databricks-*", "arn:aws:iam::123456789012:role/databricks-x", true),
        ("arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/a/b", true),
        ("arn:aws:sts::123456789012:assumed-role/r/*", "arn:aws:sts::123456789012:assumed-role/r/s", true),
        ("arn:aws:*", "arn:aws:iam::123456789012:root", false),
        ("arn:aws:iam::12345678901?:root", "arn:aws:iam::123456789012:root", true),
        ("arn:aws:iam::*:root", "arn:aws:iam::123456789012:root:extra", false),
        ("arn:aws:s3:::b/*", "arn:aws:s3:::b/k:with:colons", true),
        ("arn:aws:iam::*:Role/x", "arn:aws:iam::123456789012:role/x", false),
        ("arn:aws:iam::*:role/x", "not-an-arn", false),
    ])
    func arnLike(pattern: String, arn: String, expected: Bool) {
        #expect(ARNPattern(pattern).matches(arn) == expected)
    }

    @Test func arnPatternKeepsColonsOfSubstitutedValues() throws {
        let segments = try #require(PolicyVariables.segments("arn:aws:s3:::b/${s3:key}", lookup: { _ in "a:b" }))
        #expect(ARNPattern(segments: segments).matches("arn:aws:s3:::b/a:b"))
        #expect(!ARNPattern(segments: segments).matches("arn:aws:s3:::b/a:c"))
    }

    static let context = ["aws:username": "alice", "aws:PrincipalTag/team": "data"]
    static func lookup(_ key: String) -> String? { context[key] }

    @Test(arguments: [
        ("arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/alice/*"),
        ("${aws:username}-${aws:PrincipalTag/team}", "alice-data"),
        ("a${*}b${?}c${$}", "a*b?c$"),
        ("${aws:userid, 'nobody'}", "nobody"),
        ("${ aws:username , 'x' }", "alice"),
        ("${aws:userid, 'it''s'}", "it's"),
        ("${aws:userid, ''}", ""),
        ("${aws:userid, '${aws:username}'}", "${aws:username}"),
        ("no variables", "no variables"),
        ("$ {aws:username}", "$ {aws:username}"),
        ("${unterminated", "${unterminated"),
        ("${}", "${}"),
        ("${aws:userid, 'unterminated}", "${aws:userid, 'unterminated}"),
    ])
    func substitution(text: String, expected: String) {
        #expect(PolicyVariables.substitute(text, lookup: Self.lookup) == expected)
    }

    @Test func variableWithoutValueMatchesNothing() {
        #expect(PolicyVariables.substitute("arn:aws:s3:::home/${aws:userid}/*", lookup: Self.lookup) == nil)
        #expect(WildcardPattern("arn:aws:s3:::home/${aws:userid}/*", variables: Self.lookup) == nil)
    }

    @Test func substitutedValuesAndSpecialCharactersAreLiteral() throws {
        let star = try #require(WildcardPattern("arn:aws:s3:::b/${*}", variables: Self.lookup))
        #expect(star.matches("arn:aws:s3:::b/*"))
        #expect(!star.matches("arn:aws:s3:::b/anything"))
        let user = try #require(WildcardPattern("arn:aws:s3:::b/${aws:username}/*", variables: { _ in "a?c" }))
        #expect(user.matches("arn:aws:s3:::b/a?c/key"))
        #expect(!user.matches("arn:aws:s3:::b/abc/key"))
        #expect(
            PolicyVariables.segments("x/${aws:username}/*", lookup: Self.lookup)
                == [.pattern("x/"), .literal("alice"), .pattern("/*")])
    }

    @Test func statementCoversActionsAndResources() throws {
        let document = try PolicyDocument.parse(
            """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::home/${aws:username}/*"},
              {"Effect":"Deny","NotAction":["iam:*","sts:*"],"NotResource":"arn:aws:s3:::public/*"}]}
            """)
        let allow = document.statements[0]
        let deny = document.statements[1]
        #expect(document.supportsPolicyVariables)
        #expect(allow.covers(action: "s3:getobject"))
        #expect(!allow.covers(action: "s3:PutObject"))
        #expect(allow.covers(resource: "arn:aws:s3:::home/alice/notes.txt", variables: Self.lookup))
        #expect(!allow.covers(resource: "arn:aws:s3:::home/bob/notes.txt", variables: Self.lookup))
        #expect(!allow.covers(resource: "arn:aws:s3:::home/alice/notes.txt", variables: { _ in nil }))
        #expect(allow.covers(resource: "arn:aws:s3:::home/${aws:username}/x"))
        #expect(deny.covers(action: "s3:DeleteObject"))
        #expect(!deny.covers(action: "iam:PassRole"))
        #expect(deny.covers(resource: "arn:aws:s3:::private/key"))
        #expect(!deny.covers(resource: "arn:aws:s3:::public/key"))
        #expect(try PolicyDocument.parse(Documents.serviceTrust, kind: .trust).statements[0].covers(resource: "x"))
    }
}

@Suite("Wildcard fast path")
struct WildcardFastPathTests {
    @Test(
        "agrees with the built pattern",
        arguments: [
            ("s3:Get*", "s3:GetObject", true), ("S3:get*", "s3:GetObject", true),
            ("s3:?etObject", "s3:GetObject", true),
            ("s3:*Object", "s3:GetObjectVersion", false), ("*", "anything", true), ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false), ("arn:aws:s3:::b/*", "arn:aws:s3:::b", false), ("", "", true), ("", "x", false),
            ("arn:aws:s3:::bücket/*", "arn:aws:s3:::bücket/k", true), ("?", "ü", true),
        ])
    func agrees(pattern: String, value: String, expected: Bool) {
        let insensitive = pattern.hasPrefix("s3:") || pattern.hasPrefix("S3:")
        #expect(WildcardPattern.matches(pattern: pattern, value, caseInsensitive: insensitive) == expected)
        #expect(WildcardPattern(pattern, caseInsensitive: insensitive).matches(value) == expected)
    }
}
