/// The resource formats IAM accepts in identity policies, with its messages.
enum IAMResourceFormat {
    static let partitions: Set<String> = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]
    static let iamResourceTypes = [
        "user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/",
        "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/",
    ]

    /// The message for a resource IAM refuses, or `nil` for one it accepts.
    ///
    /// IAM reads a resource as `prefix:partition:service:region:account:resource` without checking the prefix.
    static func problem(with resource: String) -> String? {
        guard resource != "*" else { return nil }
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return "Resource \(resource) must be in ARN format or \"*\"." }
        let partition = parts[1]
        if partition != "*" && !partitions.contains(partition) {
            let rest = Array(parts.dropFirst(2))
            let first = rest.count > 1 || rest.first.map({ !$0.isEmpty }) == true ? rest[0] : "*"
            let second = rest.count > 1 ? rest[1] : "*"
            let third = rest.count > 2 ? rest[2] : "*"
            let fourth = rest.count > 3 ? rest[3...].joined(separator: ":") : "*"
            return "Partition \"\(partition)\" is not valid for resource "
                + "\"arn:\(partition):\(first):\(second):\(third):\(fourth)\"."
        }
        guard parts.count > 2 else { return "Resource vendor must be fully qualified and cannot contain regexes." }
        let service = parts[2]
        // A resource that ends at the service counts as having a region, as it does in IAM.
        let hasRegion = parts.count < 4 || !parts[3].isEmpty
        let path = parts.count > 5 ? parts[5...].joined(separator: ":") : ""
        switch service {
        case "iam" where hasRegion:
            return "IAM resource \(resource) cannot contain region information."
        case "s3" where hasRegion && !path.hasPrefix("accesspoint/"):
            return "Resource \(resource) can not contain region information."
        case "iam" where path != "*" && !iamResourceTypes.contains(where: path.hasPrefix):
            return "IAM resource path must either be \"*\" or start with \(iamResourceTypes.joined(separator: ", "))."
        default:
            return nil
        }
    }

    /// IAM's legacy parser refuses a resource with `::` but fewer than six parts, and one without a service.
    static func passesLegacyParsing(_ resource: String) -> Bool {
        guard resource != "*" else { return true }
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count < 6 && resource.contains("::") { return false }
        return parts.count > 2 && !parts[2].isEmpty
    }
}
