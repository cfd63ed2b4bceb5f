#if DEBUG
import Foundation

/// Splits a fuzz input into the parts a harness needs: a selector byte, lines, the rest.
struct FuzzInput {
    var bytes: [UInt8]

    init(_ data: Data) {
        bytes = Array(data)
    }

    /// The first byte (which picks a mode or an operation), and the bytes after it; `nil` for an empty input.
    var selectorAndRest: (selector: UInt8, rest: [UInt8])? {
        guard let first = bytes.first else { return nil }
        return (first, Array(bytes.dropFirst()))
    }

    /// The text before the first line feed and the bytes after it (all of it and nothing when there is none).
    static func firstLine(of bytes: [UInt8]) -> (line: String, rest: [UInt8]) {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
            return (String(decoding: bytes, as: UTF8.self), [])
        }
        return (String(decoding: bytes[..<newline], as: UTF8.self), Array(bytes[(newline + 1)...]))
    }
}
#endif
