import Foundation

extension S3Service {
    /// Refuses a request that asks for something the emulator cannot do (``S3UnsupportedFeatures``,
    /// ``S3UnsupportedSubresources``), or whose encryption headers contradict each other, with S3's errors. Called
    /// after the request is authenticated and authorized, so a caller who may not act learns nothing more.
    func refuseUnsupported(_ context: Context) throws(S3Error) {
        let operation = context.operation
        let request = context.request
        if operation == .unsupportedBucketOperation || operation == .unsupportedObjectOperation {
            throw .notImplemented()
        }
        if S3UnsupportedFeatures.objectWrites.contains(operation) { try validateEncryptionHeaders(request) }
        if let refusal = S3UnsupportedFeatures.refusal(for: operation, request: request) { throw refusal }
        if operation == .getObject || operation == .headObject, context.caller.principal.kind == .anonymous,
            request.queryItems?.contains(where: { $0.name.hasPrefix("response-") }) == true
        {
            throw .invalidRequest("Request specific response headers cannot be used for anonymous GET requests.")
        }
    }

    /// The combinations of encryption headers S3 refuses as contradictory: SSE-S3 or SSE-KMS together with a
    /// customer-provided key, and a KMS key id without `aws:kms`.
    func validateEncryptionHeaders(_ request: EmulatorRequest) throws(S3Error) {
        let algorithm = request.header("x-amz-server-side-encryption")
        let customerKey = request.headers.contains {
            $0.name.lowercased().hasPrefix("x-amz-server-side-encryption-customer-")
        }
        if let algorithm, customerKey {
            throw .invalidArgument(
                "Server Side Encryption with Customer provided key is incompatible with the encryption method specified",
                name: "x-amz-server-side-encryption", value: algorithm)
        }
        if request.header("x-amz-server-side-encryption-aws-kms-key-id") != nil,
            algorithm != "aws:kms", algorithm != "aws:kms:dsse"
        {
            throw .invalidArgument(
                "Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms",
                name: "x-amz-server-side-encryption", value: algorithm ?? "null")
        }
    }
}
