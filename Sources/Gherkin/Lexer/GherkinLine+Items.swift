/// A piece of a line at a column: a tag or a table cell.
struct LineSpan: Sendable, Hashable {
    let column: Int
    let text: String
}

extension GherkinLine {
    /// The tags of a tag line, each at its column; text after ` #` is a comment.
    ///
    /// - Returns: the tags, and the column of the first tag that contains whitespace, if any.
    func tags() -> (tags: [LineSpan], whitespaceAt: Int?) {
        // A comment starts at a `#` that follows whitespace.
        var stop = end
        var index = trimmedStart + 1
        while index < end {
            if bytes[index] == UInt8(ascii: "#"), UTF8Text.whitespaceLength(bytes, at: index - 1, end: end) == 1 {
                stop = index
                break
            }
            index += 1
        }
        stop = UTF8Text.trimEnd(bytes, from: trimmedStart, to: stop)
        var tags: [LineSpan] = []
        var whitespaceAt: Int?
        var column = indent + 1
        // Items between `@`s; the first (before the first `@`) is empty.
        var itemStart = trimmedStart + 1
        while itemStart <= stop {
            var itemEnd = itemStart
            while itemEnd < stop, bytes[itemEnd] != UInt8(ascii: "@") { itemEnd += 1 }
            let (valueStart, _) = UTF8Text.skipWhitespace(bytes, from: itemStart, to: itemEnd)
            let valueEnd = UTF8Text.trimEnd(bytes, from: valueStart, to: itemEnd)
            if whitespaceAt == nil {
                var probe = valueStart
                while probe < valueEnd {
                    if UTF8Text.whitespaceLength(bytes, at: probe, end: valueEnd) > 0 {
                        whitespaceAt = column
                        break
                    }
                    probe += 1
                }
            }
            tags.append(LineSpan(column: column, text: "@" + UTF8Text.string(bytes, from: valueStart, to: valueEnd)))
            column += UTF8Text.scalarCount(bytes, from: itemStart, to: itemEnd) + 1
            itemStart = itemEnd + 1
        }
        return (tags, whitespaceAt)
    }

    /// The cells of a table row, unescaped (`\|` is `|`, `\\` is `\`, `\n` a line break) and trimmed of the
    /// whitespace written around them (an escaped line break is kept), each at the column of its first non-blank
    /// scalar. Text before the first and after the last `|` is not a cell.
    func tableCells() -> [TableCell] {
        var cells: [TableCell] = []
        let number = number
        var index = trimmedStart + 1  // past the first `|`
        var column = indent + 2  // the column of `index`
        while index < end {
            // One cell: up to the next unescaped `|`; none means the text after the last `|`, which is not a cell.
            let (contentStart, leading) = UTF8Text.skipWhitespace(bytes, from: index, to: end)
            var scan = contentStart
            var hasEscape = false
            var closed = false
            while scan < end {
                let byte = bytes[scan]
                if byte == UInt8(ascii: "|") {
                    closed = true
                    break
                }
                if byte == UInt8(ascii: "\\") {
                    hasEscape = true
                    scan += scan + 1 < end ? 2 : 1
                } else {
                    scan += 1
                }
            }
            guard closed else { break }
            let value =
                hasEscape
                ? Self.unescapeCell(bytes, from: contentStart, to: scan)
                : UTF8Text.string(bytes, from: contentStart, to: UTF8Text.trimEnd(bytes, from: contentStart, to: scan))
            cells.append(TableCell(location: Location(line: number, column: column + leading), value: value))
            column += UTF8Text.scalarCount(bytes, from: index, to: scan) + 1
            index = scan + 1
        }
        return cells
    }

    /// A cell's text with its escapes resolved; whitespace at its end is trimmed unless an escape produced it.
    private static func unescapeCell(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to rawEnd: Int) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(rawEnd - start)
        var keptEnd = 0  // the length of the result up to its last byte that is not trimmable whitespace
        var index = start
        while index < rawEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                let next = index + 1 < rawEnd ? bytes[index + 1] : 0
                switch next {
                case UInt8(ascii: "n"):
                    result.append(0x0A)
                    index += 2
                case UInt8(ascii: "|"), UInt8(ascii: "\\"):
                    result.append(next)
                    index += 2
                default:
                    // Any other escape is kept as written; the character after it is ordinary text.
                    result.append(byte)
                    index += 1
                }
                keptEnd = result.count
                continue
            }
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let scalarEnd = min(rawEnd, index + length)
            let isWhitespace = UTF8Text.whitespaceLength(bytes, at: index, end: rawEnd) > 0
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<scalarEnd]))
            if !isWhitespace { keptEnd = result.count }
            index = scalarEnd
        }
        return String(decoding: result[0..<keptEnd], as: UTF8.self)
    }
}
