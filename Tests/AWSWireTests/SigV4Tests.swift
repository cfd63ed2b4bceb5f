import AWSWire
import Testing

@Suite("SigV4")
struct SigV4Tests {
    /// The GET Object example of the S3 SigV4 documentation.
    @Test func documentedS3GetObjectExample() {
        let canonical = SigV4.canonicalRequest(
            method: "GET",
            canonicalURI: SigV4.canonicalURI(decodedPath: "/test.txt", doubleEncode: false),
            canonicalQuery: SigV4.canonicalQuery([]),
            signedHeaders: [
                ("host", "examplebucket.s3.amazonaws.com"), ("range", "bytes=0-9"),
                ("x-amz-content-sha256", SigV4.emptyPayloadHash), ("x-amz-date", "20130524T000000Z"),
            ],
            payloadHash: SigV4.emptyPayloadHash)
        let key = SigV4.signingKey(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", date: "20130524", region: "us-east-1",
            service: "s3")
        let stringToSign = SigV4.stringToSign(
            amzDate: "20130524T000000Z", scope: "20130524/us-east-1/s3/aws4_request", canonicalRequest: canonical)
        #expect(
            SigV4.signature(signingKey: key, stringToSign: stringToSign)
                == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    /// `get-vanilla` of the AWS SigV4 test suite.
    @Test func getVanilla() {
        let canonical = SigV4.canonicalRequest(
            method: "GET", canonicalURI: "/", canonicalQuery: "",
            signedHeaders: [("host", "example.amazonaws.com"), ("x-amz-date", "20150830T123600Z")],
            payloadHash: SigV4.emptyPayloadHash)
        let key = SigV4.signingKey(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", date: "20150830", region: "us-east-1",
            service: "service")
        let stringToSign = SigV4.stringToSign(
            amzDate: "20150830T123600Z", scope: "20150830/us-east-1/service/aws4_request", canonicalRequest: canonical)
        #expect(
            SigV4.signature(signingKey: key, stringToSign: stringToSign)
                == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func canonicalQuerySortsAndEncodes() {
        let query = SigV4.canonicalQuery([("b", "2"), ("a", "x y"), ("a", "1"), ("c/d", "~e+f")])
        #expect(query == "a=1&a=x%20y&b=2&c%2Fd=~e%2Bf")
    }

    @Test(arguments: [
        ("/my key/ü", false, "/my%20key/%C3%BC"),
        ("/a/b", true, "/a/b"),
        ("/a b", true, "/a%2520b"),
        ("", false, "/"),
    ])
    func canonicalURI(path: String, doubleEncode: Bool, expected: String) {
        #expect(SigV4.canonicalURI(decodedPath: path, doubleEncode: doubleEncode) == expected)
    }

    @Test func headerValuesAreTrimmedAndCollapsed() {
        #expect(SigV4.canonicalHeaderValue("  a   b  c ") == "a b c")
    }

    @Test func constantTimeEquality() {
        #expect(SigV4.constantTimeEquals("abc", "abc"))
        #expect(!SigV4.constantTimeEquals("abc", "abd"))
        #expect(!SigV4.constantTimeEquals("abc", "abcd"))
    }
}
