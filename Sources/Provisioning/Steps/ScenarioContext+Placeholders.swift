import FeatureRunner
import Foundation

extension ScenarioContext {
    /// The placeholders doc strings and step arguments may use.
    static let placeholderHelp = [
        "${account} (the AWS account id)", "${region}", "${bucket:NAME} (a bucket's physical name)",
        "${role:NAME} (a role's ARN)", "${instance-profile:NAME} (an instance profile's ARN)",
        "${databricks:account} (the Databricks account id)",
        "${databricks:aws} (Databricks' AWS account, 414351767826 on AWS commercial)", "${run} (the run id)",
        "${env:NAME} (an environment variable, for secrets kept out of feature files)",
        "${unique:NAME} (a name unique to the scenario attempt, valid as a bucket, role or stream name)",
        "${NAME} (a value the generic steps remembered: I remember the response field ... as \"NAME\")",
        "${guide:cross-account-policy} (the deployment guide's cross-account policy; "
            + "${guide:cross-account-policy:customer-managed-vpc} for your own VPC)",
        "${guide:cross-account-trust-policy} (the guide's trust policy: Databricks' account, your account id as the "
            + "external id)",
        "${guide:root-bucket-policy:NAME} (the guide's root bucket policy for the scenario's bucket NAME)",
    ]

    /// Replaces every `${...}` placeholder in `text`.
    /// - Throws: ``StepFailure`` naming an unknown placeholder, or a name the scenario did not create, and what is
    ///   accepted.
    public func expand(_ text: String) throws -> String {
        guard text.contains("${") else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw StepFailure("unterminated placeholder \"\(rest[open.lowerBound...].prefix(40))\": write ${NAME}")
            }
            output += try value(of: String(rest[open.upperBound..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private func value(of placeholder: String) throws -> String {
        let parts = placeholder.split(separator: ":", maxSplits: 1).map(String.init)
        let state = self.state.withLock { $0 }
        switch (parts.first ?? "", parts.count == 2 ? parts[1] : nil) {
        case ("account", nil): return session.aws.accountId
        case ("region", nil): return session.aws.region
        case ("run", nil): return names.run.value
        case ("databricks", "account"): return session.databricks.accountId
        case ("databricks", "aws"): return session.databricks.awsAccountId
        case ("env", let name?):
            guard let value = session.environment[name] else {
                throw StepFailure("${env:\(name)}: the environment variable \(name) is not set")
            }
            return value
        case ("guide", let document?):
            return try guideDocument(document, buckets: state.buckets)
        case ("bucket", let name?):
            return try lookup(name, in: state.buckets, noun: "bucket")
        case ("role", let name?):
            return try lookup(name, in: state.roles.mapValues(\.arn), noun: "IAM role")
        case ("instance-profile", let name?):
            return try lookup(name, in: state.instanceProfiles.mapValues(\.arn), noun: "instance profile")
        case ("unique", let name?):
            return names.physical(name, .bucket)
        case (let name, nil) where state.generic.variables[name] != nil:
            return state.generic.variables[name]!
        default:
            let remembered = state.generic.variables.keys.sorted().map { "${\($0)}" }
            throw StepFailure(
                "unknown placeholder ${\(placeholder)}; the placeholders are: "
                    + Self.placeholderHelp.joined(separator: ", ")
                    + (remembered.isEmpty
                        ? " (nothing is remembered yet)" : "; remembered so far: \(remembered.joined(separator: ", "))")
            )
        }
    }

    /// A policy document of Databricks' deployment guide (``CrossAccountPolicy``, ``rootBucketPolicy(_:)``).
    private func guideDocument(_ document: String, buckets: [String: String]) throws -> String {
        switch document {
        case "cross-account-policy": return CrossAccountPolicy.document(customerManagedVPC: false)
        case "cross-account-policy:customer-managed-vpc": return CrossAccountPolicy.document(customerManagedVPC: true)
        case "cross-account-trust-policy": return crossAccountTrustPolicy()
        case let bucket where bucket.hasPrefix("root-bucket-policy:"):
            let name = String(bucket.dropFirst("root-bucket-policy:".count))
            return rootBucketPolicy(try lookup(name, in: buckets, noun: "bucket"))
        default:
            throw StepFailure(
                "unknown placeholder ${guide:\(document)}; the guide's documents are ${guide:cross-account-policy}, "
                    + "${guide:cross-account-policy:customer-managed-vpc}, ${guide:cross-account-trust-policy} and "
                    + "${guide:root-bucket-policy:NAME}")
        }
    }

    private func lookup(_ name: String, in table: [String: String], noun: String) throws -> String {
        if let value = table[name] { return value }
        let known = table.keys.sorted().map { "\"\($0)\"" }
        throw StepFailure(
            "the scenario has no \(noun) \"\(name)\""
                + (known.isEmpty ? " (it made none yet)" : "; it has \(known.joined(separator: ", "))"))
    }

    /// A doc string's JSON, placeholders replaced.
    /// - Throws: ``StepFailure`` when there is no doc string or it is not a JSON object.
    func jsonDocString(_ step: StepCall) throws -> String {
        guard let content = step.docString?.content else {
            throw StepFailure("this step needs a doc string (\"\"\"json ... \"\"\") holding a JSON policy document")
        }
        let expanded = try expand(content)
        do {
            let object = try JSONSerialization.jsonObject(with: Data(expanded.utf8))
            guard object is [String: Any] else { throw StepFailure("it is not a JSON object") }
        } catch let failure as StepFailure {
            throw StepFailure("the doc string is not a JSON policy document: \(failure.message)")
        } catch {
            throw StepFailure(
                "the doc string is not JSON: \(Self.describe(error)); a policy document looks like "
                    + #"{"Version": "2012-10-17", "Statement": [...]}"#)
        }
        return expanded
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
    }
}
