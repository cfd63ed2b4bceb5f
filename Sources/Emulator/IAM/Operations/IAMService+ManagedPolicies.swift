import AWSWire
import EmulatorData
import Foundation
import PolicyEngine

extension IAMService {
    /// A managed policy as IAM describes it, AWS managed or the customer's.
    struct PolicyView: Sendable {
        var name: String
        var id: String
        var arn: String
        var path: String
        var defaultVersionId: String
        var description: String?
        var createDate: String
        var updateDate: String
        var attachmentCount: Int
        var tags: [IAMTag]
        var isAWSManaged: Bool
    }

    static let awsPolicyPrefix = "arn:aws:iam::aws:policy/"

    /// The view of a policy by ARN; `account` limits customer policies to that account (`nil`: any).
    func policyView(_ arn: String, account: String?) throws(QueryError) -> PolicyView {
        let attachments = try read { state in Self.attachmentCount(arn, in: state) }
        if let record = awsManaged[arn] {
            return PolicyView(
                name: record.policyName, id: Self.awsPolicyId(record.policyName), arn: arn, path: record.path,
                defaultVersionId: record.defaultVersionId, description: nil, createDate: record.createDate,
                updateDate: record.updateDate, attachmentCount: attachments, tags: [], isAWSManaged: true)
        }
        guard let policy = try customerPolicy(arn), account == nil || policy.accountId == account else {
            throw .noSuchPolicy(arn)
        }
        return view(policy, attachments: attachments)
    }

    func view(_ policy: IAMManagedPolicy, attachments: Int) -> PolicyView {
        PolicyView(
            name: policy.name, id: policy.id, arn: policy.arn, path: policy.path,
            defaultVersionId: policy.defaultVersionId, description: policy.description,
            createDate: IAMXML.date(policy.createDate), updateDate: IAMXML.date(policy.updateDate),
            attachmentCount: attachments, tags: policy.tags, isAWSManaged: false)
    }

    func customerPolicy(_ arn: String) throws(QueryError) -> IAMManagedPolicy? {
        guard let parsed = ARN(arn), parsed.service == "iam" else { return nil }
        return try read { state in state.account(parsed.account).policies[arn] }
    }

    /// A stable id for an AWS managed policy (IAM reports one per policy).
    static func awsPolicyId(_ name: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return "ANPA" + String((0..<17).map { index in alphabet[Int((hash >> UInt64(index * 3)) & 31)] })
    }

    static func attachmentCount(_ arn: String, in state: IAMState) -> Int {
        state.accounts.values.reduce(0) { count, account in
            count + account.users.values.filter { $0.attachedPolicies.contains(arn) }.count
                + account.groups.values.filter { $0.attachedPolicies.contains(arn) }.count
                + account.roles.values.filter { $0.attachedPolicies.contains(arn) }.count
        }
    }

    /// Throws `NoSuchEntity` unless the ARN names an AWS managed policy or one of the account's own.
    func requireAttachable(_ arn: String, account: String) throws(QueryError) {
        if awsManaged[arn] != nil { return }
        guard let policy = try customerPolicy(arn), policy.accountId == account else { throw .notAttachable(arn) }
    }

    private static func validateManagedDocument(_ text: String) throws(QueryError) {
        do {
            _ = try PolicyValidator.validate(text, kind: .managedIdentity)
        } catch {
            throw .malformedPolicyDocument(error.message)
        }
    }

    func createPolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let parameters = context.parameters
        let name = try parameters.required("PolicyName")
        try IAMValidation.name(name, member: "policyName", maximum: 128)
        let document = try parameters.required("PolicyDocument")
        let path = parameters["Path"] ?? "/"
        try IAMValidation.path(path)
        let tags = try IAMValidation.tags(parameters)
        try Self.validateManagedDocument(document)
        let account = context.principal.accountId
        let arn = Self.arn(account, "policy", path: path, name: name)
        try context.authorize("iam:CreatePolicy", resource: arn)
        let policy = try write { transaction throws(QueryError) in
            if transaction.state.account(account).policies.values.contains(where: { $0.name == name }) {
                throw .entityAlreadyExists("A policy called \(name) already exists. Duplicate names are not allowed.")
            }
            let policy = IAMManagedPolicy(
                name: name, path: path, id: IAMIdentifiers.policy(), accountId: account,
                description: parameters["Description"], createDate: context.now, updateDate: context.now,
                versions: [IAMPolicyVersion(id: "v1", document: document, createDate: context.now)],
                defaultVersionId: "v1", nextVersion: 2, tags: tags)
            try transaction.record(.putPolicy(policy))
            return policy
        }
        let view = view(policy, attachments: 0)
        return QueryResult { IAMXML.policy(view, to: &$0) }
    }

    func getPolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        try context.authorize("iam:GetPolicy", resource: arn)
        let view = try policyView(arn, account: nil)
        return QueryResult { IAMXML.policy(view, to: &$0) }
    }

    func listPolicies(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let account = context.principal.accountId
        try context.authorize(
            "iam:ListPolicies",
            resource: Self.arn(account, "policy", path: context.parameters["PathPrefix"] ?? "/", name: ""))
        let scope = context.parameters["Scope"] ?? "All"
        guard ["All", "AWS", "Local"].contains(scope) else {
            throw IAMValidation.violation(scope, "scope", "Member must satisfy enum value set: [All, AWS, Local]")
        }
        let onlyAttached = try context.parameters.boolean("OnlyAttached") ?? false
        let prefix = context.parameters["PathPrefix"] ?? "/"
        var views: [PolicyView] = []
        if scope != "Local" {
            views += try awsManaged.keys.sorted().map { arn throws(QueryError) in try policyView(arn, account: nil) }
        }
        if scope != "AWS" {
            let local = try read { state in
                state.account(account).policies.values.map { ($0, Self.attachmentCount($0.arn, in: state)) }
            }
            views += local.map { view($0.0, attachments: $0.1) }.sorted { $0.name < $1.name }
        }
        views = views.filter { $0.path.hasPrefix(prefix) && (!onlyAttached || $0.attachmentCount > 0) }
        let page = try IAMPage(views, parameters: context.parameters)
        return QueryResult { xml in page.write("Policies", to: &xml) { IAMXML.policy($0, to: &$1, element: "member") } }
    }

    /// Changes a customer policy of the caller's account after authorizing `action` on it.
    private func changePolicy(
        _ context: QueryContext, action: String, _ change: (inout IAMManagedPolicy) throws(QueryError) -> Void
    ) throws(QueryError) -> IAMManagedPolicy {
        let arn = try context.parameters.required("PolicyArn")
        let account = context.principal.accountId
        try context.authorize(action, resource: arn)
        if awsManaged[arn] != nil {
            throw .accessDenied("An AWS managed policy cannot be changed: \(arn)")
        }
        return try write { transaction throws(QueryError) in
            guard var policy = transaction.state.account(account).policies[arn] else { throw .noSuchPolicy(arn) }
            try change(&policy)
            try transaction.record(.putPolicy(policy))
            return policy
        }
    }

    func deletePolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        let account = context.principal.accountId
        try context.authorize("iam:DeletePolicy", resource: arn)
        if awsManaged[arn] != nil { throw .accessDenied("An AWS managed policy cannot be deleted: \(arn)") }
        try write { transaction throws(QueryError) in
            guard let policy = transaction.state.account(account).policies[arn] else { throw .noSuchPolicy(arn) }
            if Self.attachmentCount(arn, in: transaction.state) > 0 {
                throw .deleteConflict("Cannot delete a policy attached to entities.")
            }
            if policy.versions.count > 1 {
                throw .deleteConflict(
                    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."
                )
            }
            try transaction.record(.deletePolicy(arn: arn))
        }
        return .empty
    }

    func createPolicyVersion(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let document = try context.parameters.required("PolicyDocument")
        try Self.validateManagedDocument(document)
        let setAsDefault = try context.parameters.boolean("SetAsDefault") ?? false
        var created: IAMPolicyVersion?
        let policy = try changePolicy(context, action: "iam:CreatePolicyVersion") { policy throws(QueryError) in
            guard policy.versions.count < 5 else {
                throw .limitExceeded(
                    "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."
                )
            }
            let version = IAMPolicyVersion(id: "v\(policy.nextVersion)", document: document, createDate: context.now)
            policy.versions.append(version)
            policy.nextVersion += 1
            policy.updateDate = context.now
            if setAsDefault { policy.defaultVersionId = version.id }
            created = version
        }
        let version = created!
        return QueryResult { xml in
            IAMXML.policyVersion(
                id: version.id, document: nil, isDefault: policy.defaultVersionId == version.id,
                createDate: IAMXML.date(version.createDate), to: &xml)
        }
    }

    func getPolicyVersion(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        let versionId = try context.parameters.required("VersionId")
        try context.authorize("iam:GetPolicyVersion", resource: arn)
        if let record = awsManaged[arn] {
            guard versionId == record.defaultVersionId else {
                throw .noSuchEntity("Policy \(arn) version \(versionId) does not exist or is not attachable.")
            }
            return QueryResult { xml in
                IAMXML.policyVersion(
                    id: versionId, document: record.document, isDefault: true, createDate: record.updateDate, to: &xml)
            }
        }
        guard let policy = try customerPolicy(arn), policy.accountId == context.principal.accountId else {
            throw .noSuchPolicy(arn)
        }
        guard let version = policy.versions.first(where: { $0.id == versionId }) else {
            throw .noSuchEntity("Policy \(arn) version \(versionId) does not exist or is not attachable.")
        }
        return QueryResult { xml in
            IAMXML.policyVersion(
                id: version.id, document: version.document, isDefault: version.id == policy.defaultVersionId,
                createDate: IAMXML.date(version.createDate), to: &xml)
        }
    }

    func listPolicyVersions(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        try context.authorize("iam:ListPolicyVersions", resource: arn)
        var versions: [(id: String, isDefault: Bool, date: String)] = []
        if let record = awsManaged[arn] {
            versions = [(record.defaultVersionId, true, record.updateDate)]
        } else {
            guard let policy = try customerPolicy(arn), policy.accountId == context.principal.accountId else {
                throw .noSuchPolicy(arn)
            }
            versions = policy.versions.reversed().map {
                ($0.id, $0.id == policy.defaultVersionId, IAMXML.date($0.createDate))
            }
        }
        let page = try IAMPage(versions, parameters: context.parameters)
        return QueryResult { xml in
            page.write("Versions", to: &xml) { version, xml in
                IAMXML.policyVersion(
                    id: version.id, document: nil, isDefault: version.isDefault, createDate: version.date, to: &xml,
                    element: "member")
            }
        }
    }

    func deletePolicyVersion(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let versionId = try context.parameters.required("VersionId")
        _ = try changePolicy(context, action: "iam:DeletePolicyVersion") { policy throws(QueryError) in
            guard policy.versions.contains(where: { $0.id == versionId }) else {
                throw .noSuchEntity("Policy \(policy.arn) version \(versionId) does not exist or is not attachable.")
            }
            guard versionId != policy.defaultVersionId else {
                throw .deleteConflict("Cannot delete the default version of a policy.")
            }
            policy.versions.removeAll { $0.id == versionId }
        }
        return .empty
    }

    func setDefaultPolicyVersion(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let versionId = try context.parameters.required("VersionId")
        _ = try changePolicy(context, action: "iam:SetDefaultPolicyVersion") { policy throws(QueryError) in
            guard policy.versions.contains(where: { $0.id == versionId }) else {
                throw .noSuchEntity("Policy \(policy.arn) version \(versionId) does not exist or is not attachable.")
            }
            policy.defaultVersionId = versionId
            policy.updateDate = context.now
        }
        return .empty
    }

    func listEntitiesForPolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        try context.authorize("iam:ListEntitiesForPolicy", resource: arn)
        _ = try policyView(arn, account: nil)
        let account = try read { state in state.account(context.principal.accountId) }
        let users = account.users.values.filter { $0.attachedPolicies.contains(arn) }.sorted { $0.name < $1.name }
        let groups = account.groups.values.filter { $0.attachedPolicies.contains(arn) }.sorted { $0.name < $1.name }
        let roles = account.roles.values.filter { $0.attachedPolicies.contains(arn) }.sorted { $0.name < $1.name }
        return QueryResult { xml in
            xml.element("PolicyGroups") { xml in
                for group in groups {
                    xml.element("member") { xml in
                        xml.element("GroupName", group.name)
                        xml.element("GroupId", group.id)
                    }
                }
            }
            xml.element("PolicyUsers") { xml in
                for user in users {
                    xml.element("member") { xml in
                        xml.element("UserName", user.name)
                        xml.element("UserId", user.id)
                    }
                }
            }
            xml.element("PolicyRoles") { xml in
                for role in roles {
                    xml.element("member") { xml in
                        xml.element("RoleName", role.name)
                        xml.element("RoleId", role.id)
                    }
                }
            }
            xml.element("IsTruncated", "false")
        }
    }
}
