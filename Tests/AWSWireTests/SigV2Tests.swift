import AWSWire
import Testing

@Suite("SigV2 (legacy S3)")
struct SigV2Tests {
    /// The GET object example of the S3 REST authentication documentation (signature `qgk2+6Sv9/oM7G3qLEjTH1a1l1g=`).
    @Test func documentedExample() {
        let stringToSign = SigV2.stringToSign(
            method: "GET", contentMD5: "", contentType: "", dateOrExpires: "Tue, 27 Mar 2007 19:36:42 +0000",
            amzHeaders: [],
            canonicalizedResource: SigV2.canonicalizedResource(
                virtualHostBucket: "awsexamplebucket1", rawPath: "/photos/puppy.jpg", rawQuery: ""))
        #expect(stringToSign == "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg")
        #expect(
            SigV2.signature(secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", stringToSign: stringToSign)
                == "qgk2+6Sv9/oM7G3qLEjTH1a1l1g=")
    }

    @Test func subresourcesAreSortedAndFiltered() {
        let resource = SigV2.canonicalizedResource(
            virtualHostBucket: nil, rawPath: "/b/k", rawQuery: "uploadId=abc&partNumber=2&foo=bar&versioning")
        #expect(resource == "/b/k?partNumber=2&uploadId=abc&versioning")
    }
}
