import Foundation

/// A JSON value, as an NDJSON line of Cucumber Messages decodes: the kit's reference messages and the runner's are
/// both read into this, normalised (``MessageNormalizer``) and compared.
enum MessageJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([MessageJSON])
    case object([String: MessageJSON])

    /// The members of an object (empty for anything else).
    var members: [String: MessageJSON] {
        if case .object(let members) = self { members } else { [:] }
    }

    /// The member named `key` of an object.
    subscript(key: String) -> MessageJSON? { members[key] }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The message kind of an envelope (its one key: `pickle`, `testStepFinished`...).
    var envelopeType: String { members.keys.sorted().first ?? "?" }

    /// One line of NDJSON, keys sorted.
    var compact: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    /// Every line of an NDJSON text.
    static func lines(_ data: Data) throws -> [MessageJSON] {
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map {
            try decoder.decode(MessageJSON.self, from: Data($0))
        }
    }
}

extension MessageJSON: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MessageJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: MessageJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
