/// A JSON value that keeps booleans, numbers and strings apart (policy documents use all three).
enum JSONValue: Decodable, Equatable, Sendable {
    case string(String)
    case number(Double, text: String)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(Double(value), text: String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(value, text: String(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as a condition or element string (`true`, `42`, `text`), or `nil` for containers.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(_, let text): text
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }
}
