import CloudClients
import FeatureRunner
import Foundation

extension ProvisioningSteps {
    static func registerIAM(_ steps: inout StepRegistrar) {
        steps.add(
            "an IAM role {string} trusted by service {string}",
            "Creates a role that an AWS service (ec2.amazonaws.com) may assume.",
            example: #"Given an IAM role "data-access" trusted by service "ec2.amazonaws.com""#
        ) { context, step in
            let service = try step.string(1, in: context)
            guard service.hasSuffix(".amazonaws.com"), service.count > 14,
                service.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" })
            else {
                throw StepFailure(
                    "\"\(service)\" is not an AWS service principal; write one like ec2.amazonaws.com, "
                        + "lambda.amazonaws.com or databricks.amazonaws.com")
            }
            let trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\(service)"},\
                "Action":"sts:AssumeRole"}]}
                """
            try await context.createRole(try step.argument(0), trust: trust)
        }
        steps.add(
            "an IAM role {string} trusted by account {string} with external id {string}",
            "Creates a role another account may assume when it presents the external id (the cross-account role).",
            example:
                #"Given an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "${databricks:account}""#
        ) { context, step in
            let account = try step.string(1, in: context)
            guard account.count == 12, account.allSatisfy(\.isNumber) else {
                throw StepFailure(
                    "\"\(account)\" is not a 12-digit AWS account id; write one, or ${databricks:aws} for Databricks' "
                        + "account, or ${account} for this one")
            }
            let externalId = try step.string(2, in: context)
            let trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\(account):root"},\
                "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"\(externalId)"}}}]}
                """
            try await context.createRole(try step.argument(0), trust: trust)
        }
        steps.add(
            "role {string} has managed policy {string}",
            "Attaches a managed policy, by name (AWS managed) or ARN; an unknown one fails with near names.",
            example: #"Given role "data-access" has managed policy "AmazonS3ReadOnlyAccess""#
        ) { context, step in
            let role = try context.role(try step.argument(0))
            let arn = try await context.managedPolicyARN(try step.string(1, in: context))
            try await context.iam.attachRolePolicy(role: role.name, policyArn: arn)
        }
        steps.add(
            "role {string} has this inline policy {string}:",
            "Puts an inline policy from a JSON doc string (placeholders allowed).",
            example:
                "Given role \"cross-account\" has this inline policy \"databricks\":\n  \"\"\"json\n  {...}\n  \"\"\""
        ) { context, step in
            let role = try context.role(try step.argument(0))
            try await context.iam.putRolePolicy(
                role: role.name, name: try step.string(1, in: context), document: try context.jsonDocString(step))
        }
        steps.add(
            "an instance profile {string} for role {string}", "Creates an instance profile holding a role.",
            example: #"Given an instance profile "data-access" for role "data-access""#
        ) { context, step in
            let logical: String = try step.argument(0)
            try context.claim(logical, in: \.instanceProfiles, noun: "instance profile")
            let role = try context.role(try step.argument(1))
            let name = context.names.physical(logical, .instanceProfile)
            let iam = context.iam
            let arn = try await iam.createInstanceProfile(name: name, tags: context.names.tags)
            context.ledger.record(
                .instanceProfile, logical: logical, physical: name,
                cleanup: .aws([
                    [
                        "iam", "remove-role-from-instance-profile", "--instance-profile-name", name, "--role-name",
                        role.name,
                    ],
                    ["iam", "delete-instance-profile", "--instance-profile-name", name],
                ])
            ) {
                try? await iam.removeRoleFromInstanceProfile(profile: name, role: role.name)
                try await iam.deleteInstanceProfile(name: name)
            }
            try await iam.addRoleToInstanceProfile(profile: name, role: role.name)
            context.state.withLock { $0.instanceProfiles[logical] = RoleReference(name: name, arn: arn) }
        }
        steps.add(
            "role {string} has the tag {string} with value {string}",
            "Checks one of a role's tags (a role the scenario made, or by ARN; placeholders allowed).",
            example: #"Then role "cross-account" has the tag "brickyard:created-by" with value "brickyard""#
        ) { context, step in
            let role = try context.role(try step.argument(0))
            let tags = try await context.iam.listRoleTags(name: role.name)
            try context.expectTag(
                tags, try step.string(1, in: context), try step.string(2, in: context), of: "role \(role.name)")
        }
        for (verb, allowed) in [("allowed", true), ("denied", false)] {
            steps.add(
                "principal {string} is \(verb) to {string} on {string}",
                "Whether a principal may do an action on a resource: a role the scenario made, or any principal ARN "
                    + "(role, user, role session, root, account id). IAM's policy simulator decides for this "
                    + "account's users, roles and sessions (with the bucket's policy for an S3 resource); for root "
                    + "and other accounts' principals the resource's policy decides (see the README).",
                example:
                    #"Then principal "data-access" is \#(verb) to "s3:GetObject" on "arn:aws:s3:::${bucket:data}/*""#
            ) { context, step in
                try await context.checkAccess(step, allowed: allowed)
            }
        }
    }
}

extension ScenarioContext {
    /// Creates a role for a logical name, tagged, recorded in the ledger with a deletion that detaches and deletes
    /// its policies first.
    @discardableResult
    func createRole(_ logical: String, trust: String) async throws -> RoleReference {
        try claim(logical, in: \.roles, noun: "IAM role")
        let name = names.physical(logical, .role)
        let iam = self.iam
        let arn = try await iam.createRole(name: name, trustPolicy: trust, tags: names.tags)
        ledger.record(
            .role, logical: logical, physical: name,
            cleanup: .aws("iam", "delete-role", "--role-name", name)
        ) {
            try await iam.deleteRoleAndItsPolicies(name)
        }
        let reference = RoleReference(name: name, arn: arn)
        state.withLock { $0.roles[logical] = reference }
        return reference
    }

    /// A role the scenario made, or any role given by ARN.
    func role(_ logical: String) throws -> RoleReference {
        let expanded = try expand(logical)
        if expanded.hasPrefix("arn:") {
            guard let name = ARN(expanded)?.roleName else {
                throw StepFailure(
                    "\"\(expanded)\" is not a role ARN; it looks like arn:aws:iam::123456789012:role/NAME")
            }
            return RoleReference(name: name, arn: expanded)
        }
        return try lookup(expanded, \.roles, noun: "IAM role", how: "Given an IAM role \"\(expanded)\" trusted by ...")
    }

    /// The ARN of a managed policy given by name or ARN, checked to exist.
    /// - Throws: ``StepFailure`` naming near AWS managed policy names when there is no such policy.
    func managedPolicyARN(_ text: String) async throws -> String {
        let arn: String
        if text.hasPrefix("arn:") {
            guard let parsed = ARN(text), parsed.service == "iam", parsed.resource.hasPrefix("policy/") else {
                throw StepFailure(
                    "\"\(text)\" is not a policy ARN; write arn:aws:iam::aws:policy/NAME (AWS managed) or "
                        + "arn:aws:iam::${account}:policy/NAME (your own), or just an AWS managed policy's name")
            }
            arn = text
        } else {
            arn = "arn:aws:iam::aws:policy/\(text)"
        }
        do {
            _ = try await iam.getPolicy(arn: arn)
            return arn
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            let known = (try? await iam.listPolicies(scope: "AWS")) ?? []
            let name = text.split(separator: "/").last.map(String.init) ?? text
            let near = known.sorted { Self.distance($0, name) < Self.distance($1, name) }.prefix(5)
            throw StepFailure(
                "there is no managed policy \"\(text)\" (\(arn)); "
                    + (near.isEmpty ? "" : "the nearest AWS managed policies are \(near.joined(separator: ", ")); ")
                    + "give an AWS managed policy's name (AmazonS3ReadOnlyAccess) or a policy ARN")
        }
    }

    /// Edit distance, case-insensitive, for suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
