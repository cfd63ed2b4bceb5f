import Foundation
import PolicyEngine

/// What other services may ask S3 (Databricks validating a root bucket): where a bucket is, and whether a principal
/// may act on it, decided exactly as S3 decides a request.
extension S3Service {
    /// A bucket as another service sees it.
    struct BucketLocation: Sendable {
        var region: String
        var ownerAccountId: String
    }

    /// Where a bucket is and who owns it, or `nil` when there is no such bucket.
    func location(ofBucket name: String) -> BucketLocation? {
        store.read { state in
            state.buckets[name].map {
                BucketLocation(region: $0.metadata.region, ownerAccountId: $0.metadata.ownerAccountId)
            }
        }
    }

    /// Decides whether a credential may perform an S3 action on a bucket (or an object of it): the caller's identity
    /// policies, the bucket policy and the cross-account rules, as for a request.
    /// - Parameters:
    ///   - action: The action (`s3:PutObject`).
    ///   - bucket: The bucket.
    ///   - key: The object's key, for object actions.
    ///   - credential: Who asks.
    ///   - keys: Condition keys of the imagined request (`s3:x-amz-acl`).
    /// - Returns: The decision, or `nil` when the bucket does not exist.
    func decide(
        _ action: String, bucket: String, key: String?, as credential: AWSCredential, keys: ContextKeys = ContextKeys()
    ) -> Decision? {
        guard
            let found = store.read({ state in
                state.buckets[bucket].map { ($0.metadata.ownerAccountId, $0.settings.policy) }
            })
        else { return nil }
        let question = Authorizer.Question(
            action: action, resource: key.map { Self.arn(bucket: bucket, key: $0) } ?? Self.arn(bucket: bucket),
            resourceAccountId: found.0, resourcePolicy: found.1.flatMap { policies.bucketPolicy($0, bucket: bucket) },
            keys: keys)
        return authorizer.decide(
            question, credential: credential, request: nil, now: clock.now(), region: configuration.region)
    }
}
