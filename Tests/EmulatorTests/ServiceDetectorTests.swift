import NIOCore
import NIOHTTP1
import Testing

@testable import Emulator

@Suite("Routing by protocol on one port")
struct ServiceDetectorTests {
    func request(
        _ method: HTTPMethod = .GET, uri: String = "/", headers: HTTPHeaders = [:], body: String = ""
    ) -> EmulatorRequest {
        EmulatorRequest(method: method, uri: uri, headers: headers, body: ByteBuffer(string: body), remoteAddress: nil)
    }

    @Test func signatureScopeNamesTheService() {
        let iam = request(
            .POST,
            headers: [
                "Authorization":
                    "AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=x"
            ])
        #expect(ServiceDetector.detect(iam) == .query("iam"))
        let s3 = request(headers: [
            "Authorization":
                "AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=x"
        ])
        #expect(ServiceDetector.detect(s3) == .s3)
        let presigned = request(uri: "/b/k?X-Amz-Credential=AKID%2F20261122%2Fus-east-1%2Fsts%2Faws4_request")
        #expect(ServiceDetector.detect(presigned) == .query("sts"))
    }

    @Test func targetHeaderNamesJSONServices() {
        let kinesis = request(.POST, headers: ["X-Amz-Target": "Kinesis_20131202.ListStreams"])
        #expect(ServiceDetector.detect(kinesis) == .json("kinesis", target: "Kinesis_20131202.ListStreams"))
    }

    @Test func unsignedFormPostsAreQueryServicesByVersion() {
        let form: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"]
        let sts = request(.POST, headers: form, body: "Action=AssumeRoleWithWebIdentity&Version=2011-06-15")
        #expect(ServiceDetector.detect(sts) == .query("sts"))
        let iam = request(.POST, headers: form, body: "Action=ListUsers&Version=2010-05-08")
        #expect(ServiceDetector.detect(iam) == .query("iam"))
        #expect(ServiceDetector.detect(request(uri: "/bucket")) == .s3)
    }
}
