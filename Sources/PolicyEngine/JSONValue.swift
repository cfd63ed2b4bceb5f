/// A JSON value as a policy document holds it: object members keep their order, numbers keep their text.
///
/// Policy documents need more than `JSONSerialization` gives: numbers and booleans in conditions are compared as the
/// text the author wrote (`1.20` stays `1.20`), and a member's position matters for the order of error messages.
enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number, as written in the document.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in document order. A name given twice keeps both; ``JSONValue/member(_:)`` reads the last.
    case object([(name: String, value: JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        default: false
        }
    }

    /// The members of an object, or `nil` for any other value.
    var members: [(name: String, value: JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of an object member; when the name occurs twice the last one wins, as in most JSON readers.
    func member(_ name: String) -> JSONValue? {
        members?.last(where: { $0.name == name })?.value
    }

    /// The value as the text a policy compares: strings as they are, numbers as written, booleans as `true`/`false`.
    var scalarText: String? {
        switch self {
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}
