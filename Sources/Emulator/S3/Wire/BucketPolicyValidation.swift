import PolicyEngine

/// Checks a bucket policy the way `PutBucketPolicy` does, through the policy engine.
enum BucketPolicyValidation {
    /// S3's limit on a bucket policy's size.
    static let maximumSize = 20 * 1024

    static func validate(_ text: String, bucket: String) throws(S3Error) {
        if text.utf8.count > maximumSize {
            throw S3Error("PolicyTooLarge", .badRequest, "Policy exceeds the maximum allowed document size.")
        }
        do {
            _ = try PolicyValidator.validate(text, kind: .resource(.s3Bucket(bucket)))
        } catch {
            throw S3Error("MalformedPolicy", .badRequest, error.s3Message)
        }
    }
}
