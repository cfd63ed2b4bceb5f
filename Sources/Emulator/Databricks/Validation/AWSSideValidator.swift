import Foundation
import NIOConcurrencyHelpers
import PolicyEngine

/// Checks the AWS side of a Databricks deployment the way Databricks does, through the emulated AWS's public seams:
/// STS (Databricks' AWS account assumes the cross-account role with the account id as external id), the authorizer
/// (what that role's policies allow), S3 (the root bucket's region and policy) and IAM's directory (roles, instance
/// profiles). It never reads another service's storage.
final class AWSSideValidator: Sendable {
    let directory: any IdentityDirectory
    let iam: IAMService
    let sts: STSService
    let s3: S3Service
    let authorizer: Authorizer
    let clock: EmulatorClock
    let configuration: DatabricksConfiguration
    private let controlPlane = NIOLockedValueBox<AWSCredential?>(nil)

    init(
        iam: IAMService, sts: STSService, s3: S3Service, authorizer: Authorizer, clock: EmulatorClock,
        configuration: DatabricksConfiguration
    ) {
        self.directory = iam
        self.iam = iam
        self.sts = sts
        self.s3 = s3
        self.authorizer = authorizer
        self.clock = clock
        self.configuration = configuration
    }

    /// Forgets the control plane's credential (after a reset of IAM).
    func reset() {
        controlPlane.withLockedValue { $0 = nil }
    }

    /// Databricks' control plane: a principal of AWS account 414351767826 that may call `sts:AssumeRole`.
    private func controlPlanePrincipal() throws(DatabricksError) -> AWSCredential {
        if let credential = controlPlane.withLockedValue({ $0 }) {
            return credential
        }
        do {
            let credential = try iam.provisionExternalPrincipal(
                accountId: configuration.awsAccountId, userName: "databricks-control-plane", now: clock.now())
            controlPlane.withLockedValue { $0 = credential }
            return credential
        } catch {
            throw DatabricksError("INTERNAL_ERROR", .internalServerError, "\(error.code): \(error.message)")
        }
    }

    // MARK: - Credentials

    /// Assumes a cross-account role as Databricks, with the account id as external id.
    /// - Returns: The session's credential.
    /// - Throws: The reason AWS gave, as text.
    func assumeCrossAccountRole(_ roleArn: String, region: String) throws(AWSSideFailure) -> AWSCredential {
        guard directory.role(arn: roleArn) != nil else {
            throw AWSSideFailure("the role \(roleArn) does not exist")
        }
        let principal: AWSCredential
        do { principal = try controlPlanePrincipal() } catch { throw AWSSideFailure(error.message) }
        let input = AssumeRoleInput(
            roleArn: roleArn, roleSessionName: "databricks-validation", durationSeconds: 900,
            externalId: configuration.accountId)
        do {
            return try sts.assumeRole(input, as: principal, request: nil, now: clock.now(), region: region).session
                .credential
        } catch {
            throw AWSSideFailure(
                "AWS account \(configuration.awsAccountId) cannot assume \(roleArn) with external id "
                    + "\(configuration.accountId): \(error.code): \(error.message)")
        }
    }

    /// The checks a role session fails.
    func failedChecks(_ checks: [CrossAccountCheck], session: AWSCredential, region: String) -> [CrossAccountCheck] {
        checks.filter { check in
            var keys = ContextKeys()
            for (key, value) in check.keys { keys.set(key, value) }
            let question = Authorizer.Question(action: check.action, resource: check.resource, keys: keys)
            return !authorizer.decide(question, credential: session, request: nil, now: clock.now(), region: region)
                .isAllowed
        }
    }

    // MARK: - Storage

    /// What is wrong with a root bucket for a workspace in a region: it must exist there, and its policy must let
    /// Databricks' AWS account list, get, put and delete.
    func storageProblems(bucket: String, region: String) -> AWSSideFailure? {
        guard let location = s3.location(ofBucket: bucket) else {
            return AWSSideFailure("the bucket \(bucket) does not exist")
        }
        guard location.region == region else {
            return AWSSideFailure(
                "the bucket \(bucket) is in \(location.region), not in the workspace's region \(region)")
        }
        let databricks = AWSCredential(
            accessKeyId: "", secretAccessKey: "", principal: .root(accountId: configuration.awsAccountId))
        let failed = StorageCheck.all.filter { check in
            var keys = ContextKeys()
            for (key, value) in check.keys { keys.set(key, value) }
            let decision = s3.decide(
                check.action, bucket: bucket, key: check.onObject ? "databricks-validation/probe" : nil,
                as: databricks, keys: keys)
            return !(decision?.isAllowed ?? false)
        }
        guard failed.isEmpty else {
            return AWSSideFailure(
                failed.map(\.name).joined(separator: ", "),
                detail: "the policy of bucket \(bucket) does not grant arn:aws:iam::\(configuration.awsAccountId):root")
        }
        return nil
    }

    // MARK: - Instance profiles

    /// The dry run of `RunInstances` with an instance profile, as the workspace's cross-account role.
    /// - Returns: The AWS error the dry run gives, or `nil` when it would succeed.
    func instanceProfileProblem(profileArn: String, crossAccountRoleArn: String?, region: String) -> String? {
        guard let profile = directory.instanceProfile(arn: profileArn) else {
            return
                "Value (\(profileArn)) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"
        }
        guard let roleArn = profile.roleArns.first, let role = directory.role(arn: roleArn) else {
            return "Invalid IAM Instance Profile: \(profileArn) has no role"
        }
        let trust = PolicyEvaluator().evaluate(
            RequestContext(
                principal: .service("ec2.amazonaws.com"), action: "sts:AssumeRole", resource: role.arn,
                resourceAccountId: role.accountId),
            policies: PolicySet(
                resource: NamedPolicy(name: "trust policy of \(role.arn)", document: role.trustPolicy),
                requiresResourceAllow: true))
        guard trust.isAllowed else {
            return "The role \(role.arn) of instance profile \(profileArn) does not trust ec2.amazonaws.com."
        }
        guard let crossAccountRoleArn else { return nil }
        let session: AWSCredential
        do {
            session = try assumeCrossAccountRole(crossAccountRoleArn, region: region)
        } catch {
            return error.message
        }
        var keys = ContextKeys()
        keys.set("iam:PassedToService", "ec2.amazonaws.com")
        let question = Authorizer.Question(
            action: "iam:PassRole", resource: role.arn, resourceAccountId: role.accountId, keys: keys)
        let decision = authorizer.decide(question, credential: session, request: nil, now: clock.now(), region: region)
        guard decision.isAllowed else {
            return "You are not authorized to perform this operation. "
                + Authorizer.deniedMessage(decision, question: question, principalArn: session.principal.arn)
        }
        return nil
    }
}

/// Why the AWS side of a deployment fails a check.
struct AWSSideFailure: Error, Sendable {
    var message: String
    var detail: String?

    init(_ message: String, detail: String? = nil) {
        self.message = message
        self.detail = detail
    }
}
