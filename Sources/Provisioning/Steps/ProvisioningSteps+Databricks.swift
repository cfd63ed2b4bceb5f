import CloudClients
import FeatureRunner
import Foundation

extension ProvisioningSteps {
    static func registerDatabricksAccount(_ steps: inout StepRegistrar) {
        steps.add(
            "a Databricks workspace {string}",
            "The whole deployment guide: root bucket, cross-account role and policy, credentials, storage, and the "
                + "workspace, waited for until RUNNING. Its bucket and role are \"NAME-root\" and \"NAME-cross-account\".",
            example: #"Given a Databricks workspace "analytics""#
        ) { context, step in
            try await context.deployWorkspace(try step.argument(0), plan: DeploymentPlan())
        }
        steps.add(
            "a Databricks workspace {string} with a customer-managed VPC",
            "As above in your own VPC: adds the network configuration, PrivateLink VPC endpoints (REST API and relay) "
                + "and private access settings without public access.",
            example: #"Given a Databricks workspace "secure" with a customer-managed VPC"#
        ) { context, step in
            try await context.deployWorkspace(try step.argument(0), plan: DeploymentPlan(customerManagedVPC: true))
        }
        steps.add(
            "a Databricks workspace {string} with a customer-managed VPC and key",
            "As above, and encrypts managed services and workspace storage with a customer-managed KMS key.",
            example: #"Given a Databricks workspace "regulated" with a customer-managed VPC and key"#
        ) { context, step in
            try await context.deployWorkspace(
                try step.argument(0), plan: DeploymentPlan(customerManagedVPC: true, customerManagedKey: true))
        }
        steps.add(
            "I create a Databricks workspace {string} from role {string} and root bucket {string}",
            "Creates credentials, storage and the workspace from a role and bucket the scenario made; a refusal is "
                + "not a step failure: the workspace counts as FAILED with the refusal's message.",
            example: #"When I create a Databricks workspace "main" from role "cross-account" and root bucket "root""#
        ) { context, step in
            let role = try context.role(try step.argument(1))
            let bucket = try context.bucket(try step.argument(2))
            try await context.createWorkspace(
                try step.argument(0), role: role, bucket: bucket, plan: DeploymentPlan(refusalFails: false))
        }
        steps.add(
            "workspace {string} is {word}",
            "Waits until the workspace has this status (RUNNING, FAILED...; any letter case); a refused creation "
                + "counts as FAILED.",
            example: #"Then workspace "main" is RUNNING"#
        ) { context, step in
            try await context.waitForWorkspace(try step.argument(0), toBe: try step.argument(1))
        }
        steps.add(
            "workspace {string} failed with a message containing {string}",
            "Checks that the workspace's creation was refused, or that it ended FAILED, with this text in the message.",
            example: #"Then workspace "main" failed with a message containing "external id""#
        ) { context, step in
            let logical: String = try step.argument(0)
            let text = try step.string(1, in: context)
            try await context.wait(
                for: "workspace \"\(logical)\"", toBe: "FAILED", terminal: ["RUNNING", "BANNED"]
            ) {
                try await context.workspaceStatus(logical)
            }
            let message = try await context.workspaceStatus(logical).detail ?? ""
            try expect(
                message.localizedCaseInsensitiveContains(text),
                "workspace \"\(logical)\" failed with \"\(message)\", which does not contain \"\(text)\"")
        }
        steps.add(
            "workspace {string} is reachable only through PrivateLink",
            "Checks the workspace's network has REST API and relay VPC endpoints and its private access settings "
                + "allow no public access.",
            example: #"Then workspace "secure" is reachable only through PrivateLink"#
        ) { context, step in
            try await context.expectPrivateLink(try step.argument(0))
        }
        steps.add(
            "workspace {string} encrypts managed services and storage with a customer-managed key",
            "Checks the workspace names customer-managed keys registered for MANAGED_SERVICES and STORAGE.",
            example: #"Then workspace "regulated" encrypts managed services and storage with a customer-managed key"#
        ) { context, step in
            try await context.expectCustomerManagedKeys(try step.argument(0))
        }
        steps.add(
            "the cross-account role of workspace {string} may pass role {string}",
            "Adds an inline policy to the workspace's cross-account role allowing iam:PassRole on a role, so clusters "
                + "may use instance profiles holding it.",
            example: #"Given the cross-account role of workspace "main" may pass role "data-access""#
        ) { context, step in
            let logical: String = try step.argument(0)
            guard let crossAccount = try context.workspace(logical).role else {
                throw StepFailure("workspace \"\(logical)\" has no cross-account role recorded")
            }
            let target = try context.role(try step.argument(1))
            let document = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole",\
                "Resource":"\(target.arn)"}]}
                """
            try await context.iam.putRolePolicy(
                role: crossAccount.name, name: "pass-\(target.name)".prefix(128).description, document: document)
        }
    }
}
