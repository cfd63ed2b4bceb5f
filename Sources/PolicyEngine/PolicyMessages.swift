/// The messages IAM gives for `MalformedPolicyDocument` (identity and trust policies).
enum IAMMessages {
    static let syntax = "Syntax errors in policy."
    static let versionTooOld = "Policy document must be version 2012-10-17 or greater."
    static let legacyParsing = "The policy failed legacy parsing"
    static let duplicateSid = "Statement IDs (SID) in a single policy must be unique."
    static let principalNotAllowed = "Policy document should not specify a principal."
    static let missingActions = "Policy statement must contain actions."
    static let missingResources = "Policy statement must contain resources."
    static let missingVendor = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
    static let oneColon = "Actions/Condition can contain only one colon."
    static func invalidVendor(_ vendor: some StringProtocol) -> String { "Vendor \(vendor) is not valid" }

    // Trust policies
    static let missingPrincipal = "Missing required field Principal"
    static let noPrincipals =
        "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
        + "The passed in policy has a statement with no principals!"
    static func invalidPrincipal(_ type: String, _ value: String) -> String {
        "Invalid principal in policy: \"\(type)\":\"\(value)\""
    }
    static let missingAction = "Missing required field Action"
    static let notAssumeRoleAction = "AssumeRole policy may only specify STS AssumeRole actions."
    static func prohibitedField(_ name: String) -> String { "Has prohibited field \(name)" }
}

/// The messages S3 gives for `MalformedPolicy` (bucket policies).
enum S3Messages {
    static let invalidPrincipal = "Invalid principal in policy"
    static func missingField(_ name: String) -> String { "Missing required field \(name)" }
    static let invalidAction = "Policy has invalid action"
    static let invalidResource = "Policy has invalid resource"
    static let actionResourceMismatch = "Action does not apply to any resource(s) in statement"
    static let duplicateSid = "The Statement Ids in the policy are not unique"
}
