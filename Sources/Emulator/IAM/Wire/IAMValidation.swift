/// IAM's parameter constraints (botocore's `iam` model: `userNameType`, `roleNameType`, `pathType`, ...), with its
/// `ValidationError` messages.
enum IAMValidation {
    /// A name of `[\w+=,.@-]+` within a length range.
    static func name(_ value: String, member: String, maximum: Int) throws(QueryError) {
        try length(value, member: member, minimum: 1, maximum: maximum)
        guard value.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "_+=,.@-".contains($0) }) else {
            throw violation(value, member, #"Member must satisfy regular expression pattern: [\w+=,.@-]+"#)
        }
    }

    /// A path: `/`, or `/` + printable ASCII + `/`, at most 512 characters.
    static func path(_ value: String, member: String = "path") throws(QueryError) {
        try length(value, member: member, minimum: 1, maximum: 512)
        let printable = value.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value <= 0x7E }
        guard value == "/" || (value.hasPrefix("/") && value.hasSuffix("/") && printable) else {
            throw violation(
                value, member,
                #"Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)"#)
        }
    }

    static func length(_ value: String, member: String, minimum: Int, maximum: Int) throws(QueryError) {
        if value.count < minimum {
            throw violation(value, member, "Member must have length greater than or equal to \(minimum)")
        }
        if value.count > maximum {
            throw violation(value, member, "Member must have length less than or equal to \(maximum)")
        }
    }

    /// The tags of a `Tags.member.N` list.
    static func tags(_ parameters: QueryParameters) throws(QueryError) -> [IAMTag] {
        let tags = parameters.structures("Tags").map { IAMTag(key: $0["Key"] ?? "", value: $0["Value"] ?? "") }
        guard tags.count <= 50 else {
            throw .limitExceeded("The number of tags has reached the maximum limit.")
        }
        for tag in tags {
            try length(tag.key, member: "tags.member.key", minimum: 1, maximum: 128)
            try length(tag.value, member: "tags.member.value", minimum: 0, maximum: 256)
        }
        return tags
    }

    static func violation(_ value: String, _ member: String, _ constraint: String) -> QueryError {
        .validation(
            "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }
}
