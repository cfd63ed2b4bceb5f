/// The parameters of `AssumeRole`, for callers over the wire and in process alike.
struct AssumeRoleInput: Sendable {
    /// The role's ARN.
    var roleArn: String
    /// The session's name (2 to 64 of `[\w+=,.@-]`).
    var roleSessionName: String
    /// How long the credentials live; 3600 when not given.
    var durationSeconds: Int?
    /// The external id the trust policy may require (`sts:ExternalId`).
    var externalId: String?
    /// An inline session policy.
    var policy: String?
    /// Managed policies whose documents become session policies.
    var policyArns: [String] = []
    /// Session tags, in the order given.
    var tags: [(key: String, value: String)] = []
    /// The source identity (`sts:SourceIdentity`).
    var sourceIdentity: String?
    /// The refusal of a parameter the emulator does not implement (MFA, ...), answered once the caller is
    /// authorized.
    var unsupportedParameter: QueryError?
}

extension AssumeRoleInput {
    /// Reads the input from a query request.
    init(_ parameters: QueryParameters) throws(QueryError) {
        roleArn = try parameters.required("RoleArn")
        roleSessionName = try parameters.required("RoleSessionName")
        durationSeconds = try parameters.integer("DurationSeconds")
        externalId = parameters["ExternalId"]
        policy = parameters["Policy"]
        policyArns = parameters.structures("PolicyArns").compactMap { $0["arn"] }
        tags = parameters.structures("Tags").map { ($0["Key"] ?? "", $0["Value"] ?? "") }
        sourceIdentity = parameters["SourceIdentity"]
        unsupportedParameter = QueryUnsupportedFeatures.refusal(action: "AssumeRole", parameters: parameters)
    }
}
