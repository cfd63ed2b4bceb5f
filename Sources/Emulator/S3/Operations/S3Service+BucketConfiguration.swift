import AWSWire
import Foundation
import NIOCore
import NIOHTTP1
import PolicyEngine

extension S3Service {
    /// Reads a bucket's settings.
    func settings(_ context: Context) throws(S3Error) -> S3BucketSettings {
        try store.read { state throws(S3Error) in try bucket(context.bucket, in: state).settings }
    }

    /// Changes a bucket's settings.
    func updateSettings(_ context: Context, _ change: (inout S3BucketSettings) throws(S3Error) -> Void) throws(S3Error)
    {
        try write { transaction throws(S3Error) in
            var settings = try bucket(context.bucket, in: transaction.state).settings
            try change(&settings)
            try transaction.commit(.setSettings(bucket: context.bucket, settings))
        }
    }

    // MARK: - Tagging

    func getBucketTagging(_ context: Context) throws(S3Error) -> EmulatorResponse {
        guard let tags = try settings(context).tags else {
            throw S3Error("NoSuchTagSet", .notFound, "The TagSet does not exist", [("BucketName", context.bucket)])
        }
        var xml = XMLWriter()
        xml.element("Tagging", namespace: XMLWriter.s3Namespace) { Self.writeTagSet(&$0, tags) }
        return xmlResponse(xml)
    }

    func putBucketTagging(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let tags = try parseTagging(context, maximum: 50)
        try updateSettings(context) { $0.tags = tags }
        return emptyResponse(.noContent)
    }

    func deleteBucketTagging(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try updateSettings(context) { $0.tags = nil }
        return emptyResponse(.noContent)
    }

    // MARK: - Versioning

    func getBucketVersioning(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let settings = try settings(context)
        var xml = XMLWriter()
        xml.element("VersioningConfiguration", namespace: XMLWriter.s3Namespace) { xml in
            if settings.versioning != .unversioned { xml.element("Status", settings.versioning.rawValue) }
            xml.element("MfaDelete", ifPresent: settings.mfaDelete)
        }
        return xmlResponse(xml)
    }

    func putBucketVersioning(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let tree = try xmlBody(context, root: "VersioningConfiguration")
        let status = tree.text(of: "Status")
        let mfaDelete = tree.text(of: "MfaDelete")
        if let mfaDelete, mfaDelete != "Enabled", mfaDelete != "Disabled" { throw .malformedXML() }
        if mfaDelete == "Enabled" {
            throw S3Error(
                "InvalidRequest", .badRequest,
                "DevPay and Mfa are mutually exclusive authorization methods. MFA delete is not supported by the emulator."
            )
        }
        try updateSettings(context) { settings throws(S3Error) in
            switch status {
            case "Enabled": settings.versioning = .enabled
            case "Suspended": settings.versioning = .suspended
            case nil: break
            default: throw .malformedXML()
            }
            if let mfaDelete { settings.mfaDelete = mfaDelete }
        }
        return emptyResponse(.ok)
    }

    // MARK: - Policy

    func getBucketPolicy(_ context: Context) throws(S3Error) -> EmulatorResponse {
        guard let policy = try settings(context).policy else {
            throw S3Error(
                "NoSuchBucketPolicy", .notFound, "The bucket policy does not exist", [("BucketName", context.bucket)])
        }
        return EmulatorResponse(status: .ok, contentType: "application/json", text: policy)
    }

    func putBucketPolicy(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let text = String(decoding: context.request.body.readableBytesView, as: UTF8.self)
        try BucketPolicyValidation.validate(text, bucket: context.bucket)
        if try settings(context).publicAccessBlock?.blockPublicPolicy == true,
            policies.document(text, kind: .resource(.s3Bucket(context.bucket)))?.grantsPublicAccess == true
        {
            throw .accessDenied(
                "User: \(context.caller.principal.arn) is not authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::\(context.bucket)\" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access."
            )
        }
        try updateSettings(context) { $0.policy = text }
        return emptyResponse(.noContent)
    }

    func deleteBucketPolicy(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try updateSettings(context) { $0.policy = nil }
        return emptyResponse(.noContent)
    }

    // MARK: - Public access block

    func getPublicAccessBlock(_ context: Context) throws(S3Error) -> EmulatorResponse {
        guard let block = try settings(context).publicAccessBlock else {
            throw S3Error(
                "NoSuchPublicAccessBlockConfiguration", .notFound,
                "The public access block configuration was not found", [("BucketName", context.bucket)])
        }
        var xml = XMLWriter()
        xml.element("PublicAccessBlockConfiguration", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("BlockPublicAcls", String(block.blockPublicAcls))
            xml.element("IgnorePublicAcls", String(block.ignorePublicAcls))
            xml.element("BlockPublicPolicy", String(block.blockPublicPolicy))
            xml.element("RestrictPublicBuckets", String(block.restrictPublicBuckets))
        }
        return xmlResponse(xml)
    }

    func putPublicAccessBlock(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let tree = try xmlBody(context, root: "PublicAccessBlockConfiguration")
        func flag(_ name: String) throws(S3Error) -> Bool {
            switch tree.text(of: name)?.lowercased() {
            case nil, "false": return false
            case "true": return true
            default: throw .malformedXML()
            }
        }
        let block = S3PublicAccessBlock(
            blockPublicAcls: try flag("BlockPublicAcls"), ignorePublicAcls: try flag("IgnorePublicAcls"),
            blockPublicPolicy: try flag("BlockPublicPolicy"), restrictPublicBuckets: try flag("RestrictPublicBuckets"))
        try updateSettings(context) { $0.publicAccessBlock = block }
        return emptyResponse(.ok)
    }

    func deletePublicAccessBlock(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try updateSettings(context) { $0.publicAccessBlock = nil }
        return emptyResponse(.noContent)
    }

    // MARK: - Default encryption

    /// Every bucket encrypts with SSE-S3 unless configured otherwise (S3's behaviour since January 2023).
    static let defaultEncryption = [S3EncryptionRule(algorithm: "AES256", kmsMasterKeyId: nil, bucketKeyEnabled: false)]

    func getBucketEncryption(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let rules = try settings(context).encryption ?? Self.defaultEncryption
        var xml = XMLWriter()
        xml.element("ServerSideEncryptionConfiguration", namespace: XMLWriter.s3Namespace) { xml in
            for rule in rules {
                xml.element("Rule") { xml in
                    xml.element("ApplyServerSideEncryptionByDefault") { xml in
                        xml.element("SSEAlgorithm", rule.algorithm)
                        xml.element("KMSMasterKeyID", ifPresent: rule.kmsMasterKeyId)
                    }
                    xml.element("BucketKeyEnabled", ifPresent: rule.bucketKeyEnabled.map(String.init))
                }
            }
        }
        return xmlResponse(xml)
    }

    func putBucketEncryption(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let tree = try xmlBody(context, root: "ServerSideEncryptionConfiguration")
        var rules: [S3EncryptionRule] = []
        for rule in tree.children("Rule") {
            guard let byDefault = rule.child("ApplyServerSideEncryptionByDefault"),
                let algorithm = byDefault.text(of: "SSEAlgorithm")
            else { throw .malformedXML() }
            guard ["AES256", "aws:kms", "aws:kms:dsse"].contains(algorithm) else { throw .malformedXML() }
            // Objects would be encrypted under a KMS key, and there is no KMS to hold one.
            guard algorithm == "AES256" else { throw .notImplemented() }
            let keyId = byDefault.text(of: "KMSMasterKeyID")
            if keyId != nil && algorithm == "AES256" {
                throw S3Error(
                    "InvalidArgument", .badRequest,
                    "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse",
                    [("ArgumentName", "ApplyServerSideEncryptionByDefault")])
            }
            let bucketKey: Bool? =
                switch rule.text(of: "BucketKeyEnabled")?.lowercased() {
                case "true": true
                case "false": false
                default: nil
                }
            rules.append(S3EncryptionRule(algorithm: algorithm, kmsMasterKeyId: keyId, bucketKeyEnabled: bucketKey))
        }
        guard rules.count == 1 else { throw .malformedXML() }
        try updateSettings(context) { $0.encryption = rules }
        return emptyResponse(.ok)
    }

    func deleteBucketEncryption(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try updateSettings(context) { $0.encryption = nil }
        return emptyResponse(.noContent)
    }

    // MARK: - Sub-resources answered as "not configured"

    func getUnconfiguredSubresource(_ context: Context) throws(S3Error) -> EmulatorResponse {
        _ = try settings(context)
        let has = context.request.hasQuery
        let bucketField = [("BucketName", context.bucket)]
        var xml = XMLWriter()
        if has("cors") {
            throw S3Error("NoSuchCORSConfiguration", .notFound, "The CORS configuration does not exist", bucketField)
        } else if has("website") {
            throw S3Error(
                "NoSuchWebsiteConfiguration", .notFound, "The specified bucket does not have a website configuration",
                bucketField)
        } else if has("lifecycle") {
            throw S3Error(
                "NoSuchLifecycleConfiguration", .notFound, "The lifecycle configuration does not exist", bucketField)
        } else if has("replication") {
            throw S3Error(
                "ReplicationConfigurationNotFoundError", .notFound, "The replication configuration was not found",
                bucketField)
        } else if has("object-lock") {
            throw S3Error(
                "ObjectLockConfigurationNotFoundError", .notFound,
                "Object Lock configuration does not exist for this bucket", bucketField)
        } else if has("ownershipControls") {
            // Every bucket here has ACLs disabled, S3's default for new buckets since April 2023.
            xml.element("OwnershipControls", namespace: XMLWriter.s3Namespace) { xml in
                xml.element("Rule") { $0.element("ObjectOwnership", "BucketOwnerEnforced") }
            }
        } else if has("logging") {
            xml.element("BucketLoggingStatus", namespace: XMLWriter.s3Namespace) { _ in }
        } else if has("accelerate") {
            xml.element("AccelerateConfiguration", namespace: XMLWriter.s3Namespace) { _ in }
        } else if has("requestPayment") {
            xml.element("RequestPaymentConfiguration", namespace: XMLWriter.s3Namespace) {
                $0.element("Payer", "BucketOwner")
            }
        } else if has("notification") {
            xml.element("NotificationConfiguration", namespace: XMLWriter.s3Namespace) { _ in }
        } else {
            throw .notImplemented()
        }
        return xmlResponse(xml)
    }
}
