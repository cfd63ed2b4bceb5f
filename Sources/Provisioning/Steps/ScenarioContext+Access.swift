import CloudClients
import FeatureRunner
import Foundation

extension ScenarioContext {
    /// A principal a step names: a role the scenario made (by logical name), or any principal ARN or account id.
    func principal(_ text: String) throws -> PrincipalReference {
        let expanded = try expand(text)
        if expanded.hasPrefix("arn:") || (expanded.count == 12 && expanded.allSatisfy(\.isNumber)) {
            guard let principal = PrincipalReference(expanded) else {
                throw StepFailure("\"\(expanded)\" is not a principal ARN; write \(PrincipalReference.help)")
            }
            return principal
        }
        let role = try role(expanded)
        return PrincipalReference(kind: .role, arn: role.arn, account: session.aws.accountId, name: role.name)
    }

    /// Decides whether a principal may do an action on a resource, and compares with what the step says.
    ///
    /// This account's users, roles and role sessions go to IAM's policy simulator (`SimulatePrincipalPolicy`, a
    /// session as its role), with the bucket's policy when the resource is in S3. IAM cannot simulate root or
    /// another account's principals: for them the bucket's policy decides (``BucketPolicyCheck``), and root of this
    /// account may do whatever no policy denies.
    func checkAccess(_ step: StepCall, allowed: Bool) async throws {
        let principal = try principal(try step.argument(0))
        let action = try step.string(1, in: self)
        let parts = action.split(separator: ":")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw StepFailure("\"\(action)\" is not an IAM action; write SERVICE:Action, like s3:GetObject")
        }
        let resource = try step.string(2, in: self)
        guard resource == "*" || ARN(resource) != nil else {
            throw StepFailure(
                "\"\(resource)\" is not a resource ARN; write * or an ARN such as arn:aws:s3:::${bucket:NAME}/* or "
                    + "${role:NAME}")
        }
        // An S3 resource's bucket policy counts too, as it does when the request is made.
        var bucket: String?
        var bucketPolicy: String?
        if let arn = ARN(resource), arn.service == "s3", let name = arn.resource.split(separator: "/").first {
            bucket = String(name)
            bucketPolicy = try? await s3.bucketPolicy(String(name))
        }
        let decision: String
        let how: String
        if principal.account == session.aws.accountId, let source = principal.simulationSource {
            let results = try await iam.simulatePrincipalPolicy(
                principalArn: source, actions: [action], resources: [resource], resourcePolicy: bucketPolicy,
                resourceOwner: bucketPolicy == nil ? nil : "arn:aws:iam::\(session.aws.accountId):root")
            decision = results.first?.decision ?? "implicitDeny"
            how = "IAM's policy simulator says" + (bucketPolicy == nil ? "" : " (with the bucket's policy)")
        } else {
            decision = try resourceDecision(
                principal, action: action, resource: resource, bucket: bucket, policy: bucketPolicy)
            how = bucketPolicy == nil ? "with no resource policy to grant it, it is" : "the bucket's policy says"
        }
        let evidence = exchanges.last.map { "\nThe request that showed it: \($0.summary)" } ?? ""
        try expect(
            (decision == "allowed") == allowed,
            "expected \(principal.arn) to be \(allowed ? "allowed" : "denied") \(action) on \(resource), but "
                + "\(how) \(decision)\(evidence)")
    }

    /// The decision for root or another account's principal, from the resource's policy alone.
    private func resourceDecision(
        _ principal: PrincipalReference, action: String, resource: String, bucket: String?, policy: String?
    ) throws -> String {
        let ownRoot = principal.kind == .root && principal.account == session.aws.accountId
        guard let bucket, let policy else {
            // Nothing outside the account can grant it; this account's root may do anything no policy denies.
            return ownRoot ? "allowed" : "implicitDeny"
        }
        let key = resource.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init)
        do {
            let outcome = try BucketPolicyCheck(policy: policy, bucket: bucket).decide(
                principal, action: action, key: key)
            if ownRoot { return outcome == .explicitDeny ? "explicitDeny" : "allowed" }
            return outcome.rawValue
        } catch {
            throw StepFailure("the policy of bucket \(bucket) cannot be read as a policy: \(error)")
        }
    }
}
