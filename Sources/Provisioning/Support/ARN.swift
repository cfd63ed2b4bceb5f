/// An Amazon Resource Name taken apart: `arn:partition:service:region:account:resource`.
struct ARN: Sendable, Hashable {
    var partition: String
    var service: String
    var region: String
    var account: String
    var resource: String

    /// Parses an ARN; `nil` when the text is not one.
    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            return nil
        }
        guard parts[4].isEmpty || parts[4] == "aws" || (parts[4].count == 12 && parts[4].allSatisfy(\.isNumber)) else {
            return nil
        }
        partition = parts[1]
        service = parts[2]
        region = parts[3]
        account = parts[4]
        resource = parts[5]
    }

    /// The role's name when this is a role ARN (paths dropped).
    var roleName: String? {
        guard service == "iam", resource.hasPrefix("role/") else { return nil }
        return resource.split(separator: "/").last.map(String.init)
    }
}
