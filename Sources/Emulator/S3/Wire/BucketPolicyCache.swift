import NIOConcurrencyHelpers
import PolicyEngine

/// Parsed bucket policies by their text, so that a request to a bucket with a policy does not parse it again.
final class BucketPolicyCache: Sendable {
    private let documents = NIOLockedValueBox<[String: PolicyDocument]>([:])
    private let capacity = 512

    /// The bucket policy as the authorizer reads it, or `nil` if the stored text no longer parses.
    func document(for text: String, bucket: String) -> NamedPolicy? {
        let name = "bucket policy of \(bucket)"
        if let document = documents.withLockedValue({ $0[text] }) {
            return NamedPolicy(name: name, document: document)
        }
        guard let document = try? PolicyDocument.parse(text, kind: .resource(.s3Bucket(bucket))) else { return nil }
        documents.withLockedValue { documents in
            if documents.count >= capacity { documents.removeAll(keepingCapacity: true) }
            documents[text] = document
        }
        return NamedPolicy(name: name, document: document)
    }
}
