import Foundation

extension S3Service {
    /// `x-amz-expected-bucket-owner` (and `x-amz-source-expected-bucket-owner` for the source of a copy): a request
    /// whose bucket belongs to another account than the one it expects is `403 AccessDenied`, as S3 answers. A
    /// bucket that does not exist is left to the operation (`NoSuchBucket`).
    func checkExpectedBucketOwner(_ context: Context) throws(S3Error) {
        let request = context.request
        switch context.operation {
        case .listBuckets, .createBucket: break
        default:
            if let expected = request.header("x-amz-expected-bucket-owner") {
                try expect(owner: expected, ofBucket: context.bucket)
            }
        }
        if context.operation == .copyObject || context.operation == .uploadPartCopy,
            let expected = request.header("x-amz-source-expected-bucket-owner")
        {
            try expect(owner: expected, ofBucket: try copySource(context).bucket)
        }
    }

    private func expect(owner expected: String, ofBucket bucket: String) throws(S3Error) {
        guard let owner = location(ofBucket: bucket)?.ownerAccountId else { return }
        if owner != expected.trimmingCharacters(in: .whitespaces) { throw .accessDenied() }
    }
}
