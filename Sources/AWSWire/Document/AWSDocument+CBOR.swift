import Foundation

/// The AWS CBOR 1.1 form of documents (`application/x-amz-cbor-1.1`, RFC 8949): blobs as byte strings, timestamps as
/// tag 1 over epoch milliseconds, which is what the AWS SDK for Java writes and reads.
extension AWSDocument {
    /// Decodes one CBOR data item that spans the whole input.
    /// - Throws: ``SyntaxError`` for truncated or malformed input, a map key that is not text, nesting deeper
    ///   than 128, or trailing bytes.
    public static func parseCBOR(_ bytes: [UInt8]) throws(SyntaxError) -> AWSDocument {
        var reader = CBORReader(bytes: bytes)
        let value = try reader.item(depth: 0)
        guard reader.index == bytes.count else { throw SyntaxError("trailing bytes after the CBOR item") }
        return value
    }

    /// The CBOR encoding (definite lengths, shortest integer forms, map keys sorted).
    public func cborBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        writeCBOR(into: &output)
        return output
    }

    func writeCBOR(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(0xF6)
        case .bool(let value): output.append(value ? 0xF5 : 0xF4)
        case .integer(let value):
            if value >= 0 {
                Self.writeHead(0, UInt64(value), into: &output)
            } else {
                Self.writeHead(1, UInt64(-1 - value), into: &output)
            }
        case .double(let value):
            output.append(0xFB)
            let bits = value.bitPattern
            for shift in stride(from: 56, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
            }
        case .string(let value):
            let utf8 = Array(value.utf8)
            Self.writeHead(3, UInt64(utf8.count), into: &output)
            output.append(contentsOf: utf8)
        case .blob(let bytes):
            Self.writeHead(2, UInt64(bytes.count), into: &output)
            output.append(contentsOf: bytes)
        case .timestamp(let date):
            // Epoch milliseconds as an integer, as the AWS SDK for Java reads them, where the reader cannot take
            // them for seconds (after 1973-03-03); any other date (earlier, or beyond 64 bits of milliseconds, or
            // not finite) as a double of seconds, which every reader takes as seconds.
            output.append(0xC1)
            let seconds = date.timeIntervalSince1970
            let milliseconds = (seconds * 1000).rounded()
            if milliseconds.magnitude > Double(CBORReader.secondsThreshold), milliseconds.magnitude < 9.2e18 {
                AWSDocument.integer(Int64(milliseconds)).writeCBOR(into: &output)
            } else {
                AWSDocument.double(seconds).writeCBOR(into: &output)
            }
        case .list(let items):
            Self.writeHead(4, UInt64(items.count), into: &output)
            for item in items { item.writeCBOR(into: &output) }
        case .map(let members):
            Self.writeHead(5, UInt64(members.count), into: &output)
            for key in members.keys.sorted() {
                AWSDocument.string(key).writeCBOR(into: &output)
                members[key]!.writeCBOR(into: &output)
            }
        }
    }

    static func writeHead(_ major: UInt8, _ argument: UInt64, into output: inout [UInt8]) {
        let type = major << 5
        switch argument {
        case 0..<24: output.append(type | UInt8(argument))
        case 24...0xFF: output.append(contentsOf: [type | 24, UInt8(argument)])
        case 0x100...0xFFFF: output.append(contentsOf: [type | 25, UInt8(argument >> 8), UInt8(argument & 0xFF)])
        case 0x1_0000...0xFFFF_FFFF:
            output.append(type | 26)
            for shift in stride(from: 24, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: argument >> UInt64(shift)))
            }
        default:
            output.append(type | 27)
            for shift in stride(from: 56, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: argument >> UInt64(shift)))
            }
        }
    }
}

/// Reads CBOR data items (RFC 8949) from bytes, definite and indefinite lengths, with bounds on every length.
struct CBORReader {
    let bytes: [UInt8]
    var index = 0
    static let maximumDepth = 128
    /// Tag-1 integers up to this magnitude are epoch seconds, larger ones epoch milliseconds (the AWS SDK for Java
    /// writes milliseconds; generic CBOR libraries write seconds). 10^11 seconds is the year 5138; 10^11 ms is 1973.
    static let secondsThreshold: UInt64 = 100_000_000_000

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func byte() throws(AWSDocument.SyntaxError) -> UInt8 {
        guard index < bytes.count else { throw .init("truncated CBOR") }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func unsigned(_ count: Int) throws(AWSDocument.SyntaxError) -> UInt64 {
        guard index + count <= bytes.count else { throw .init("truncated CBOR") }
        var value: UInt64 = 0
        for offset in 0..<count { value = value << 8 | UInt64(bytes[index + offset]) }
        index += count
        return value
    }

    /// The argument of an initial byte; `nil` for indefinite length (additional information 31).
    private mutating func argument(_ info: UInt8) throws(AWSDocument.SyntaxError) -> UInt64? {
        switch info {
        case 0..<24: return UInt64(info)
        case 24: return try unsigned(1)
        case 25: return try unsigned(2)
        case 26: return try unsigned(4)
        case 27: return try unsigned(8)
        case 31: return nil
        default: throw .init("reserved additional information \(info)")
        }
    }

    private mutating func length(_ info: UInt8) throws(AWSDocument.SyntaxError) -> Int? {
        guard let value = try argument(info) else { return nil }
        guard value <= UInt64(bytes.count - index) else { throw .init("a CBOR length exceeds the input") }
        return Int(value)
    }

    private mutating func isBreak() -> Bool {
        if index < bytes.count, bytes[index] == 0xFF {
            index += 1
            return true
        }
        return false
    }

    private mutating func stringBytes(major: UInt8, info: UInt8) throws(AWSDocument.SyntaxError) -> [UInt8] {
        if let count = try length(info) {
            defer { index += count }
            return Array(bytes[index..<index + count])
        }
        var output: [UInt8] = []
        while !isBreak() {
            let head = try byte()
            guard head >> 5 == major, head & 0x1F != 31 else { throw .init("invalid chunk in an indefinite string") }
            output += try stringBytes(major: major, info: head & 0x1F)
        }
        return output
    }

    mutating func item(depth: Int) throws(AWSDocument.SyntaxError) -> AWSDocument {
        guard depth <= Self.maximumDepth else { throw .init("CBOR nested deeper than \(Self.maximumDepth)") }
        let head = try byte()
        let major = head >> 5
        let info = head & 0x1F
        switch major {
        case 0:
            guard let value = try argument(info) else { throw .init("indefinite integer") }
            guard value <= UInt64(Int64.max) else { return .double(Double(value)) }
            return .integer(Int64(value))
        case 1:
            guard let value = try argument(info) else { throw .init("indefinite integer") }
            guard value <= UInt64(Int64.max) else { return .double(-1 - Double(value)) }
            return .integer(-1 - Int64(value))
        case 2:
            return .blob(try stringBytes(major: 2, info: info))
        case 3:
            guard let text = String(validating: try stringBytes(major: 3, info: info), as: UTF8.self) else {
                throw .init("invalid UTF-8 in a CBOR text string")
            }
            return .string(text)
        case 4:
            var items: [AWSDocument] = []
            if let count = try length(info) {
                for _ in 0..<count { items.append(try item(depth: depth + 1)) }
            } else {
                while !isBreak() { items.append(try item(depth: depth + 1)) }
            }
            return .list(items)
        case 5:
            var members: [String: AWSDocument] = [:]
            func member(_ reader: inout CBORReader) throws(AWSDocument.SyntaxError) {
                guard case .string(let key) = try reader.item(depth: depth + 1) else {
                    throw .init("a CBOR map key is not text")
                }
                members[key] = try reader.item(depth: depth + 1)
            }
            if let count = try length(info) {
                for _ in 0..<count { try member(&self) }
            } else {
                while !isBreak() { try member(&self) }
            }
            return .map(members)
        case 6:
            guard let tag = try argument(info) else { throw .init("indefinite tag") }
            let value = try item(depth: depth + 1)
            if tag == 0, case .string(let text) = value {
                // Standard date/time text (RFC 3339), which generic CBOR libraries write.
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                let plain = ISO8601DateFormatter()
                guard let date = formatter.date(from: text) ?? plain.date(from: text) else {
                    throw .init("tag 0 over text that is not an RFC 3339 date")
                }
                return .timestamp(date)
            }
            guard tag == 1 else { return value }
            switch value {
            case .integer(let number):
                // Epoch milliseconds (what the AWS SDK for Java writes); small values are read as seconds.
                let seconds = number.magnitude > Self.secondsThreshold ? Double(number) / 1000 : Double(number)
                return .timestamp(Date(timeIntervalSince1970: seconds))
            case .double(let seconds):
                return .timestamp(Date(timeIntervalSince1970: seconds))
            default:
                throw .init("tag 1 over a value that is not a number")
            }
        default:
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22, 23: return .null
            case 25:
                return .double(Double(Self.half(UInt16(try unsigned(2)))))
            case 26:
                return .double(Double(Float(bitPattern: UInt32(try unsigned(4)))))
            case 27:
                return .double(Double(bitPattern: try unsigned(8)))
            case 24:
                _ = try byte()
                return .null
            case 28, 29, 30:
                throw .init("reserved additional information \(info)")
            case 31:
                throw .init("unexpected break")
            default:
                return .null
            }
        }
    }

    /// An IEEE 754 half-precision float.
    static func half(_ bits: UInt16) -> Float {
        let sign: Float = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = Float(bits & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * pow(2, -24)
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * pow(2, Float(exponent - 15))
        }
    }
}
