import NIOConcurrencyHelpers
import PolicyEngine

/// Parsed policy documents by their text, so that a request does not parse the same stored policy again
/// (bucket policies, IAM's inline and managed policies, trust policies).
final class PolicyDocumentCache: Sendable {
    private let documents = NIOLockedValueBox<[String: PolicyDocument]>([:])
    private let capacity = 4096

    /// The parsed document, or `nil` if the text does not parse (stored documents were validated when put).
    func document(_ text: String, kind: PolicyKind = .identity) -> PolicyDocument? {
        if let document = documents.withLockedValue({ $0[text] }) { return document }
        guard let document = try? PolicyDocument.parse(text, kind: kind) else { return nil }
        documents.withLockedValue { documents in
            if documents.count >= capacity { documents.removeAll(keepingCapacity: true) }
            documents[text] = document
        }
        return document
    }

    /// A bucket policy as the authorizer reads it.
    func bucketPolicy(_ text: String, bucket: String) -> NamedPolicy? {
        document(text, kind: .resource(.s3Bucket(bucket))).map {
            NamedPolicy(name: "bucket policy of \(bucket)", document: $0)
        }
    }
}
