/// The forms of principal values that trust and resource policies accept.
enum PrincipalSyntax {
    /// `*`; a 12-digit account id; a user or role unique id (`AIDA...`, `AROA...`); or the ARN of an account root,
    /// user, role, role session or federated user (`arn:aws:iam::123456789012:root`,
    /// `arn:aws:sts::123456789012:assumed-role/name/session`), or of a CloudFront origin access identity.
    /// Wildcards are not allowed except as the whole value.
    static func isValidAWS(_ value: String) -> Bool {
        if value == "*" || isAccountID(value) { return true }
        if value.count >= 20, value.hasPrefix("AIDA") || value.hasPrefix("AROA"),
            value.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
        {
            return true
        }
        return awsARN(value) != nil
    }

    /// The ARN of an `AWS` principal value, when the value is one (not for `*`, account ids or unique ids).
    static func awsARN(_ value: String) -> ARN? {
        guard !value.contains("*"), !value.contains("?"), let arn = ARN(value),
            IAMResourceFormat.partitions.contains(arn.partition), arn.region.isEmpty
        else { return nil }
        let path = arn.resource.split(separator: "/", omittingEmptySubsequences: false)
        switch arn.service {
        case "iam":
            if arn.account == "cloudfront" {
                return arn.resource.hasPrefix("user/CloudFront Origin Access Identity ") ? arn : nil
            }
            guard isAccountID(arn.account) else { return nil }
            if arn.resource == "root" { return arn }
            return (path[0] == "user" || path[0] == "role") && path.count >= 2 && path.allSatisfy({ !$0.isEmpty })
                ? arn : nil
        case "sts":
            guard isAccountID(arn.account) else { return nil }
            switch path[0] {
            case "assumed-role": return path.count == 3 && path.allSatisfy({ !$0.isEmpty }) ? arn : nil
            case "federated-user": return path.count == 2 && !path[1].isEmpty ? arn : nil
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A service principal: DNS labels ending in `amazonaws.com` (or `amazonaws.com.cn`), at least one label before
    /// it (`ec2.amazonaws.com`, `logging.s3.amazonaws.com`, `states.us-east-1.amazonaws.com`).
    static func isValidService(_ value: String) -> Bool {
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        let suffixLength = value.hasSuffix(".amazonaws.com.cn") ? 3 : 2
        guard value.hasSuffix(".amazonaws.com") || suffixLength == 3, labels.count > suffixLength else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }
    }

    /// An identity provider: the ARN of an IAM SAML or OIDC provider, or a provider's domain
    /// (`cognito-identity.amazonaws.com`, `accounts.google.com`).
    static func isValidFederated(_ value: String) -> Bool {
        if let arn = ARN(value) {
            return arn.service == "iam" && isAccountID(arn.account)
                && (arn.resource.hasPrefix("saml-provider/") || arn.resource.hasPrefix("oidc-provider/"))
        }
        return value.contains(".") && !value.contains(where: { $0.isWhitespace || $0 == "*" })
    }

    /// An S3 canonical user id: 64 hexadecimal digits.
    static func isValidCanonicalUser(_ value: String) -> Bool {
        value.count == 64 && value.allSatisfy(\.isHexDigit)
    }

    static func isAccountID(_ value: some StringProtocol) -> Bool {
        value.count == 12 && value.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
