/// The errors STS answers, in the query protocol's form.
extension QueryError {
    /// A request parameter breaks one of STS's constraints.
    static func stsValidation(_ value: String, _ member: String, _ constraint: String) -> QueryError {
        .validation(
            "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    /// A session policy that is not a valid policy document.
    static func malformedSessionPolicy(_ message: String) -> QueryError {
        QueryError("MalformedPolicyDocument", .badRequest, message)
    }

    /// Session policies and tags that do not fit STS's packed form.
    static func packedPolicyTooLarge(percent: Int) -> QueryError {
        QueryError(
            "PackedPolicyTooLarge", .badRequest,
            "Packed policy consumes \(percent)% of allotted space, please use smaller policy.")
    }
}
