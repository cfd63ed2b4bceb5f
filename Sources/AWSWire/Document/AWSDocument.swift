import Foundation

/// A value of the AWS JSON 1.1 and CBOR 1.1 protocols, independent of which one carried it: blobs and timestamps are
/// their own cases, so that an operation reads `Data` the same way whether the client sent base64 text in JSON or a
/// byte string in CBOR, and answers in the client's protocol.
public enum AWSDocument: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case blob([UInt8])
    case timestamp(Date)
    case list([AWSDocument])
    case map([String: AWSDocument])
}

// MARK: - Reading

extension AWSDocument {
    /// The member of a map.
    public subscript(key: String) -> AWSDocument? {
        if case .map(let members) = self { return members[key] }
        return nil
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is a number without a fraction.
    public var integer: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e18: return Int64(value)
        default: return nil
        }
    }

    /// The boolean, when this is one.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, when this is a list.
    public var list: [AWSDocument]? {
        if case .list(let value) = self { return value }
        return nil
    }

    /// The members, when this is a map.
    public var map: [String: AWSDocument]? {
        if case .map(let value) = self { return value }
        return nil
    }

    /// The bytes of a blob: a CBOR byte string, or JSON's base64 text (`nil` when that text is not base64).
    public var blob: [UInt8]? {
        switch self {
        case .blob(let bytes): return bytes
        case .string(let text): return Data(base64Encoded: text).map { [UInt8]($0) }
        default: return nil
        }
    }

    /// A timestamp: CBOR's tagged epoch time, or JSON's epoch seconds.
    public var timestamp: Date? {
        switch self {
        case .timestamp(let date): return date
        case .integer(let seconds): return Date(timeIntervalSince1970: Double(seconds))
        case .double(let seconds): return Date(timeIntervalSince1970: seconds)
        default: return nil
        }
    }
}

// MARK: - Literals

extension AWSDocument: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
