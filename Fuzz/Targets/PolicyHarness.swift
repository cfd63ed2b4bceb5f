#if DEBUG
import Foundation
import PolicyEngine

/// Parses and validates policy documents as every kind of policy, and evaluates what parses against requests that
/// carry the condition keys policies test most (times, addresses, ARNs, strings, numbers, booleans).
enum PolicyHarness {
    private static let kinds: [PolicyKind] = [
        .identity, .managedIdentity, .trust, .resource(.s3Bucket("fuzz")),
    ]

    private static let evaluator = PolicyEvaluator()

    private static let requests: [RequestContext] = [
        RequestContext(
            principal: .root(accountId: "000000000000"), action: "s3:GetObject",
            resource: "arn:aws:s3:::fuzz/key", resourceAccountId: "000000000000",
            keys: [
                "aws:CurrentTime": "2025-01-01T00:00:00Z", "aws:EpochTime": "1735689600",
                "aws:SourceIp": "10.1.2.3", "aws:SecureTransport": "true", "s3:prefix": "home/",
                "aws:SourceArn": "arn:aws:iam::000000000000:role/fuzz", "s3:max-keys": "10",
                "aws:PrincipalTag/team": "data", "aws:username": "fuzz",
            ]),
        RequestContext(
            principal: PrincipalIdentity(
                kind: .root, accountId: "111111111111", arn: "arn:aws:iam::111111111111:root",
                userId: "111111111111"),
            action: "sts:AssumeRole", resource: "arn:aws:iam::000000000000:role/fuzz",
            resourceAccountId: "000000000000", keys: ["sts:ExternalId": "abc", "aws:SourceIp": "2001:db8::1"]),
    ]

    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        for kind in kinds {
            _ = try? PolicyValidator.validate(text, kind: kind)
            guard let document = try? PolicyDocument.parse(text, kind: kind) else { continue }
            let named = NamedPolicy(name: "fuzz", document: document)
            for request in requests {
                _ = evaluator.evaluate(request, policies: PolicySet(identity: [named]))
                _ = evaluator.evaluate(request, policies: PolicySet(resource: named, requiresResourceAllow: true))
            }
        }
    }
}
#endif
