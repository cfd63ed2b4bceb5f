import PolicyEngine
import Testing

@Suite("Matching primitives")
struct MatchingTests {
    @Test(arguments: [
        ("s3:Get*", "s3:GetObject", true, true),
        ("s3:get*", "S3:GETOBJECT", true, true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c", false, true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false, false),
        ("arn:aws:iam::*:role/data-?", "arn:aws:iam::123456789012:role/data-1", false, true),
        ("arn:aws:iam::*:role/data-?", "arn:aws:iam::123456789012:role/data-10", false, false),
        ("*", "", false, true),
        ("a*b*c", "aXXbYYc", false, true),
        ("a*b*c", "aXXbYY", false, false),
        ("Arn:Aws", "arn:aws", false, false),
    ])
    func wildcards(pattern: String, value: String, caseInsensitive: Bool, expected: Bool) {
        #expect(WildcardPattern(pattern, caseInsensitive: caseInsensitive).matches(value) == expected)
    }

    @Test func arnParsing() throws {
        let arn = try #require(ARN("arn:aws:iam::414351767826:role/path/cross-account"))
        #expect(arn.service == "iam")
        #expect(arn.region == "")
        #expect(arn.account == "414351767826")
        #expect(arn.resource == "role/path/cross-account")
        #expect(ARN("arn:aws:s3:::bucket/key:with:colons")?.resource == "bucket/key:with:colons")
        #expect(ARN("not:an:arn") == nil)
    }

    @Test func policyVariables() {
        let values = ["aws:username": "alice"]
        #expect(PolicyVariables.substitute("arn:aws:s3:::home/${aws:username}/*", lookup: { values[$0] }) == "arn:aws:s3:::home/alice/*")
        #expect(PolicyVariables.substitute("a${*}b${?}${$}", lookup: { _ in nil }) == "a*b?$")
        #expect(PolicyVariables.substitute("${aws:userid}", lookup: { _ in nil }) == "${aws:userid}")
    }
}
