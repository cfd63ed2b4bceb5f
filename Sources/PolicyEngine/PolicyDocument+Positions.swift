/// Where something is in a document's text, as IAM's policy simulation reports it (`StartPosition`/`EndPosition`).
public struct TextPosition: Sendable, Equatable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters of UTF-8 bytes as IAM counts them.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension PolicyDocument {
    /// The start and end of each statement in ``text``, in statement order (one entry for a single statement object).
    ///
    /// Empty when the text cannot be scanned (it always can for a parsed document).
    public var statementPositions: [(start: TextPosition, end: TextPosition)] {
        var scanner = StatementScanner(bytes: Array(text.utf8))
        let ranges = scanner.statementRanges()
        return ranges.map { (scanner.position(of: $0.lowerBound), scanner.position(of: $0.upperBound - 1)) }
    }
}

/// Finds the byte ranges of the statements of a JSON policy document without building a tree.
private struct StatementScanner {
    let bytes: [UInt8]
    var index = 0

    mutating func statementRanges() -> [Range<Int>] {
        skipSpace()
        guard consume(UInt8(ascii: "{")) else { return [] }
        while true {
            skipSpace()
            guard let key = readString() else { return [] }
            skipSpace()
            guard consume(UInt8(ascii: ":")) else { return [] }
            skipSpace()
            if key == "Statement" {
                if peek == UInt8(ascii: "{") {
                    let start = index
                    guard skipValue() else { return [] }
                    return [start..<index]
                }
                guard consume(UInt8(ascii: "[")) else { return [] }
                var ranges: [Range<Int>] = []
                while true {
                    skipSpace()
                    if consume(UInt8(ascii: "]")) { return ranges }
                    let start = index
                    guard skipValue() else { return [] }
                    ranges.append(start..<index)
                    skipSpace()
                    _ = consume(UInt8(ascii: ","))
                }
            }
            guard skipValue() else { return [] }
            skipSpace()
            guard consume(UInt8(ascii: ",")) else { return [] }
        }
    }

    func position(of offset: Int) -> TextPosition {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        return TextPosition(line: line, column: offset - lineStart + 1)
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func readString() -> String? {
        let start = index
        guard skipString() else { return nil }
        return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
    }

    private mutating func skipString() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        while let byte = peek {
            index += 1
            if byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                return true
            }
        }
        return false
    }

    /// Skips one value (string, object, array or literal).
    private mutating func skipValue() -> Bool {
        guard let first = peek else { return false }
        if first == UInt8(ascii: "\"") { return skipString() }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            var depth = 0
            while let byte = peek {
                if byte == UInt8(ascii: "\"") {
                    guard skipString() else { return false }
                    continue
                }
                index += 1
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }
        while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]") {
            index += 1
        }
        return true
    }
}
