/// What IAM and STS can do and the emulator cannot, in one place: an action AWS has and the emulator does not serve,
/// and parameters whose meaning it does not implement, are answered with `501 NotImplemented` in the query protocol's
/// error shape instead of being ignored (or taken for an action AWS does not have).
///
/// Parameters are refused once the caller has been authorized for the action (in ``QueryContext``'s `authorize`, and
/// for `AssumeRole` after its trust policy), so a caller who may not act learns nothing more. Actions AWS has and the
/// emulator lacks are refused before any authorization: the answer is the same for every caller and resource.
enum QueryUnsupportedFeatures {
    /// A parameter of an action that the emulator does not implement.
    struct Parameter: Sendable {
        var action: String
        /// The parameter (a list is matched by its members, `Name.member.N`).
        var name: String
        /// What it asks for that the emulator lacks.
        var reason: String
    }

    /// Every parameter refused.
    static let parameters: [Parameter] = [
        Parameter(action: "AssumeRole", name: "SerialNumber", reason: "multi-factor authentication (MFA devices)"),
        Parameter(action: "AssumeRole", name: "TokenCode", reason: "multi-factor authentication (MFA devices)"),
        Parameter(
            action: "AssumeRole", name: "TransitiveTagKeys", reason: "transitive session tags across role chaining"),
        Parameter(
            action: "AssumeRole", name: "ProvidedContexts", reason: "trusted identity propagation (provided contexts)"),
        Parameter(action: "GetSessionToken", name: "SerialNumber", reason: "multi-factor authentication (MFA devices)"),
        Parameter(action: "GetSessionToken", name: "TokenCode", reason: "multi-factor authentication (MFA devices)"),
        Parameter(
            action: "SimulatePrincipalPolicy", name: "PermissionsBoundaryPolicyInputList",
            reason: "simulating with a permissions boundary given in the request"),
        Parameter(
            action: "SimulatePrincipalPolicy", name: "ResourceHandlingOption",
            reason: "EC2 resource-handling scenarios in the policy simulator"),
        Parameter(
            action: "SimulateCustomPolicy", name: "PermissionsBoundaryPolicyInputList",
            reason: "simulating with a permissions boundary given in the request"),
        Parameter(
            action: "SimulateCustomPolicy", name: "ResourceHandlingOption",
            reason: "EC2 resource-handling scenarios in the policy simulator"),
        Parameter(
            action: "ListPolicies", name: "PolicyUsageFilter",
            reason: "filtering policies by their use as permissions policy or boundary"),
        Parameter(
            action: "ListEntitiesForPolicy", name: "PolicyUsageFilter",
            reason: "filtering entities by the policy's use as permissions policy or boundary"),
        Parameter(action: "ListEntitiesForPolicy", name: "EntityFilter", reason: "filtering entities by kind"),
    ]

    /// The first parameter of a request that the emulator does not implement, as the error to answer.
    static func refusal(action: String, parameters: QueryParameters) -> QueryError? {
        for parameter in Self.parameters where parameter.action == action {
            if parameters[parameter.name] != nil || parameters.hasList(parameter.name) {
                return .notImplemented(
                    "The parameter \(parameter.name) of \(action) is not implemented: \(parameter.reason).")
            }
        }
        return nil
    }

    /// The error for an action the service does not serve: `NotImplemented` for one AWS has, `InvalidAction` (what
    /// AWS answers) for any other.
    static func unservedAction(_ action: String, service: String) -> QueryError {
        let known = service == "iam" ? iamActions : service == "sts" ? stsActions : []
        return known.contains(action)
            ? .notImplemented("The action \(action) is not implemented.") : .invalidAction(action)
    }

    /// IAM's actions (botocore's model, 2010-05-08) that the emulator does not serve.
    static let iamActions: Set<String> = [
        "AcceptDelegationRequest", "AddClientIDToOpenIDConnectProvider", "AssociateDelegationRequest",
        "ChangePassword", "CreateAccountAlias", "CreateDelegationRequest", "CreateLoginProfile",
        "CreateOpenIDConnectProvider", "CreateSAMLProvider", "CreateServiceLinkedRole",
        "CreateServiceSpecificCredential", "CreateVirtualMFADevice", "DeactivateMFADevice", "DeleteAccountAlias",
        "DeleteAccountPasswordPolicy", "DeleteLoginProfile", "DeleteOpenIDConnectProvider", "DeleteSAMLProvider",
        "DeleteSSHPublicKey", "DeleteServerCertificate", "DeleteServiceLinkedRole", "DeleteServiceSpecificCredential",
        "DeleteSigningCertificate", "DeleteVirtualMFADevice", "DisableOrganizationsRootCredentialsManagement",
        "DisableOrganizationsRootSessions", "DisableOutboundWebIdentityFederation", "EnableMFADevice",
        "EnableOrganizationsRootCredentialsManagement", "EnableOrganizationsRootSessions",
        "EnableOutboundWebIdentityFederation", "GenerateCredentialReport", "GenerateOrganizationsAccessReport",
        "GenerateServiceLastAccessedDetails", "GetAccountAuthorizationDetails", "GetAccountPasswordPolicy",
        "GetAccountSummary", "GetContextKeysForCustomPolicy", "GetContextKeysForPrincipalPolicy",
        "GetCredentialReport", "GetDelegationRequest", "GetHumanReadableSummary", "GetLoginProfile", "GetMFADevice",
        "GetOpenIDConnectProvider", "GetOrganizationsAccessReport", "GetOutboundWebIdentityFederationInfo",
        "GetSAMLProvider", "GetSSHPublicKey", "GetServerCertificate", "GetServiceLastAccessedDetails",
        "GetServiceLastAccessedDetailsWithEntities", "GetServiceLinkedRoleDeletionStatus", "ListDelegationRequests",
        "ListInstanceProfileTags", "ListMFADeviceTags", "ListMFADevices", "ListOpenIDConnectProviderTags",
        "ListOpenIDConnectProviders", "ListOrganizationsFeatures", "ListPoliciesGrantingServiceAccess",
        "ListPolicyTags", "ListSAMLProviderTags", "ListSAMLProviders", "ListSSHPublicKeys",
        "ListServerCertificateTags", "ListServerCertificates", "ListServiceSpecificCredentials",
        "ListSigningCertificates", "ListVirtualMFADevices", "RejectDelegationRequest",
        "RemoveClientIDFromOpenIDConnectProvider", "ResetServiceSpecificCredential", "ResyncMFADevice",
        "SendDelegationToken", "SetSecurityTokenServicePreferences", "TagInstanceProfile", "TagMFADevice",
        "TagOpenIDConnectProvider", "TagPolicy", "TagSAMLProvider", "TagServerCertificate", "UntagInstanceProfile",
        "UntagMFADevice", "UntagOpenIDConnectProvider", "UntagPolicy", "UntagSAMLProvider", "UntagServerCertificate",
        "UpdateAccountPasswordPolicy", "UpdateDelegationRequest", "UpdateGroup", "UpdateLoginProfile",
        "UpdateOpenIDConnectProviderThumbprint", "UpdateSAMLProvider", "UpdateSSHPublicKey", "UpdateServerCertificate",
        "UpdateServiceSpecificCredential", "UpdateSigningCertificate", "UploadSSHPublicKey", "UploadServerCertificate",
        "UploadSigningCertificate",
    ]

    /// STS's actions (botocore's model, 2011-06-15) that the emulator does not serve.
    static let stsActions: Set<String> = [
        "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot", "DecodeAuthorizationMessage",
        "GetDelegatedAccessToken", "GetFederationToken", "GetWebIdentityToken",
    ]
}

extension QueryError {
    /// Something AWS does that the emulator cannot (`501 NotImplemented`).
    public static func notImplemented(_ message: String) -> QueryError {
        QueryError("NotImplemented", .notImplemented, message, fault: .receiver)
    }
}
