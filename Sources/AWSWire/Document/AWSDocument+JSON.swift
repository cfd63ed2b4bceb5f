import Foundation

/// The AWS JSON 1.1 form of documents: blobs as base64 text, timestamps as epoch seconds.
extension AWSDocument {
    /// Why a body is not a document.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// What is wrong.
        public var reason: String

        /// Creates an error.
        public init(_ reason: String) {
            self.reason = reason
        }
    }

    /// Parses JSON text. Numbers without a fraction or exponent are integers.
    /// - Throws: ``SyntaxError`` for text that is not JSON.
    public static func parseJSON(_ bytes: [UInt8]) throws(SyntaxError) -> AWSDocument {
        var parser = JSONDocumentParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// The compact JSON text.
    public func jsonBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        writeJSON(into: &output)
        return output
    }

    func writeJSON(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value):
            if value.isFinite {
                output.append(contentsOf: String(value).utf8)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let value): Self.writeJSONString(value, into: &output)
        case .blob(let bytes):
            // Base64 never needs escaping.
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: Data(bytes).base64EncodedData())
            output.append(UInt8(ascii: "\""))
        case .timestamp(let date):
            let seconds = date.timeIntervalSince1970
            let millis = (seconds * 1000).rounded() / 1000
            // JSON has no infinity or NaN (a date from a request can be either).
            output.append(contentsOf: (millis.isFinite ? String(millis) : "null").utf8)
        case .list(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.writeJSON(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .map(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeJSONString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.writeJSON(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeJSONString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them whole.
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            output.append(contentsOf: value.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(Self.hexDigit(byte >> 4))
                output.append(Self.hexDigit(byte & 0x0F))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
