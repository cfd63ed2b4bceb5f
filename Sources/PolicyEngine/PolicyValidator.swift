/// Checks a policy document against the rules of the kind of policy it is, with the messages AWS gives.
public enum PolicyValidator {
    /// The kinds of policy, each with its own rules.
    public enum Kind: Sendable, Equatable {
        /// An identity policy (user, group, role; inline or managed): no principal, resources required.
        case identity
        /// A resource policy attached to a resource (an S3 bucket policy names its bucket).
        case resource(ResourceContext)
        /// A role's trust policy: a principal, no resources, `sts:` actions.
        case trust
    }

    /// What a resource policy is attached to.
    public enum ResourceContext: Sendable, Equatable {
        /// The policy of an S3 bucket.
        case s3Bucket(String)
    }

    /// Parses and validates a document.
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - kind: What the document is for.
    /// - Returns: The parsed document.
    /// - Throws: ``PolicyValidationError`` with IAM's and S3's messages.
    @discardableResult
    public static func validate(_ text: String, kind: Kind) throws(PolicyValidationError) -> PolicyDocument {
        let document = try PolicyParser.parse(text)
        for statement in document.statements {
            try validateActions(statement, kind: kind)
            switch kind {
            case .identity:
                if statement.principal != nil {
                    throw PolicyValidationError("Policy document should not specify a principal.")
                }
                if statement.resources == nil {
                    throw PolicyValidationError(
                        iam: "Policy statement must contain resources.", s3: "Missing required field Resource")
                }
            case .trust:
                guard let principal = statement.principal else { throw .missingField("Principal") }
                if statement.resources != nil { throw PolicyValidationError("Has prohibited field Resource") }
                try validatePrincipal(principal)
            case .resource(let context):
                guard let principal = statement.principal else { throw .missingField("Principal") }
                try validatePrincipal(principal)
                guard let resources = statement.resources else { throw .missingField("Resource") }
                try validateResources(resources, context: context)
            }
        }
        return document
    }

    // MARK: - Elements

    static func validateActions(_ statement: PolicyStatement, kind: Kind) throws(PolicyValidationError) {
        let actions: [String]
        switch statement.actions {
        case .only(let values), .allExcept(let values): actions = values
        }
        for action in actions where action != "*" {
            let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
                parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else {
                throw PolicyValidationError(
                    iam: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                    s3: "Policy has invalid action")
            }
            if case .resource(.s3Bucket) = kind, parts[0].lowercased() != "s3" {
                throw PolicyValidationError("Policy has invalid action")
            }
        }
    }

    static func validatePrincipal(_ principal: PolicyPrincipal) throws(PolicyValidationError) {
        guard case .identities(let identities) = principal else { return }
        for value in identities["AWS"] ?? [] where !isValidAWSPrincipal(value) {
            throw PolicyValidationError(
                iam: "Invalid principal in policy: \"AWS\":\"\(value)\"", s3: "Invalid principal in policy")
        }
        for value in identities["Service"] ?? [] where value.isEmpty || value.contains(" ") {
            throw PolicyValidationError(
                iam: "Invalid principal in policy: \"SERVICE\":\"\(value)\"", s3: "Invalid principal in policy")
        }
    }

    /// `*`, a 12-digit account id, or an IAM/STS ARN of an account root, user, role or session.
    static func isValidAWSPrincipal(_ value: String) -> Bool {
        if value == "*" { return true }
        if value.count == 12, value.allSatisfy(\.isNumber) { return true }
        guard let arn = ARN(value), arn.service == "iam" || arn.service == "sts",
            arn.account.count == 12, arn.account.allSatisfy(\.isNumber)
        else { return false }
        let resource = arn.resource
        return resource == "root" || resource.hasPrefix("user/") || resource.hasPrefix("role/")
            || resource.hasPrefix("assumed-role/") || resource.hasPrefix("federated-user/")
    }

    static func validateResources(
        _ resources: PolicyStatement.Match, context: ResourceContext
    ) throws(PolicyValidationError) {
        let values: [String]
        switch resources {
        case .only(let list), .allExcept(let list): values = list
        }
        switch context {
        case .s3Bucket(let bucket):
            let bucketARN = "arn:aws:s3:::\(bucket)"
            for value in values where value != bucketARN && !value.hasPrefix(bucketARN + "/") {
                throw PolicyValidationError("Policy has invalid resource")
            }
        }
    }
}
