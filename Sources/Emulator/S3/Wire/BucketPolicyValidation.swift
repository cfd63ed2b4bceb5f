import PolicyEngine

/// Checks a bucket policy the way `PutBucketPolicy` does, through the policy engine.
enum BucketPolicyValidation {
    static func validate(_ text: String, bucket: String) throws(S3Error) {
        guard PolicySizeQuota.bucketPolicy.admits(text) else {
            throw S3Error("PolicyTooLarge", .badRequest, "Policy exceeds the maximum allowed document size.")
        }
        do {
            try PolicyValidator.validate(text, kind: .resource(.s3Bucket(bucket)))
        } catch {
            throw S3Error(error.code, .badRequest, error.message)
        }
    }
}
