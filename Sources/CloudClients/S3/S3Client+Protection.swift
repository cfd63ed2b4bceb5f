import AWSWire
import Crypto
import Foundation

/// How a bucket is protected: default encryption and the public access block.
extension S3Client {
    // MARK: - Default encryption

    /// `PutBucketEncryption`: one default encryption rule (with the `Content-MD5` S3 requires).
    public func putBucketEncryption(_ bucket: String, _ rule: S3DefaultEncryption) async throws {
        var xml = XMLWriter()
        xml.element("ServerSideEncryptionConfiguration", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("Rule") { xml in
                xml.element("ApplyServerSideEncryptionByDefault") { xml in
                    xml.element("SSEAlgorithm", rule.algorithm)
                    xml.element("KMSMasterKeyID", ifPresent: rule.kmsKeyId)
                }
            }
        }
        try await putConfiguration(bucket, query: "encryption", body: xml.text)
    }

    /// `GetBucketEncryption`.
    /// - Returns: The first default encryption rule, or `nil` when the bucket has none
    ///   (`ServerSideEncryptionConfigurationNotFoundError`, from buckets made before S3 encrypted every bucket).
    public func bucketEncryption(_ bucket: String) async throws -> S3DefaultEncryption? {
        let response: HTTPResponse
        do {
            response = try await expectSuccess("GET", bucket: bucket, query: "encryption")
        } catch let error as AWSServiceError where error.code == "ServerSideEncryptionConfigurationNotFoundError" {
            return nil
        }
        guard let rule = try XMLTree.parse(response.body).child("Rule")?.child("ApplyServerSideEncryptionByDefault"),
            let algorithm = rule.text(of: "SSEAlgorithm")
        else { return nil }
        return S3DefaultEncryption(algorithm: algorithm, kmsKeyId: rule.text(of: "KMSMasterKeyID"))
    }

    // MARK: - Public access block

    /// `PutPublicAccessBlock`.
    public func putPublicAccessBlock(_ bucket: String, _ block: S3PublicAccessBlock) async throws {
        var xml = XMLWriter()
        xml.element("PublicAccessBlockConfiguration", namespace: XMLWriter.s3Namespace) { xml in
            for (name, value) in block.flags { xml.element(name, String(value)) }
        }
        try await putConfiguration(bucket, query: "publicAccessBlock", body: xml.text)
    }

    /// `GetPublicAccessBlock`.
    /// - Returns: The configuration, or `nil` when the bucket has none (`NoSuchPublicAccessBlockConfiguration`).
    public func publicAccessBlock(_ bucket: String) async throws -> S3PublicAccessBlock? {
        let response: HTTPResponse
        do {
            response = try await expectSuccess("GET", bucket: bucket, query: "publicAccessBlock")
        } catch let error as AWSServiceError where error.code == "NoSuchPublicAccessBlockConfiguration" {
            return nil
        }
        let tree = try XMLTree.parse(response.body)
        func flag(_ name: String) -> Bool { tree.text(of: name)?.lowercased() == "true" }
        return S3PublicAccessBlock(
            blockPublicAcls: flag("BlockPublicAcls"), ignorePublicAcls: flag("IgnorePublicAcls"),
            blockPublicPolicy: flag("BlockPublicPolicy"), restrictPublicBuckets: flag("RestrictPublicBuckets"))
    }

    /// A configuration PUT with its `Content-MD5`.
    private func putConfiguration(_ bucket: String, query: String, body text: String) async throws {
        let body = Data(text.utf8)
        let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
        try await expectSuccess(
            "PUT", bucket: bucket, query: query, headers: ["Content-MD5": md5, "Content-Type": "application/xml"],
            body: body)
    }
}
