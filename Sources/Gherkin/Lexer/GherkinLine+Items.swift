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
        var scalars = Array(trimmed.unicodeScalars)
        // A comment starts at a `#` that follows whitespace.
        if let hash = scalars.indices.first(where: {
            $0 > 0 && scalars[$0] == "#" && scalars[$0 - 1].properties.isWhitespace
        }) {
            scalars.removeSubrange(hash...)
        }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var tags: [LineSpan] = []
        var whitespaceAt: Int?
        var column = indent + 1
        let items = scalars.split(separator: "@", omittingEmptySubsequences: false)
        for item in items.dropFirst() {
            let value = "@" + String(String.UnicodeScalarView(item)).trimmingGherkinWhitespace()
            if whitespaceAt == nil, value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                whitespaceAt = column
            }
            tags.append(LineSpan(column: column, text: value))
            column += item.count + 1
        }
        return (tags, whitespaceAt)
    }

    /// The cells of a table row, unescaped (`\|` is `|`, `\\` is `\`, `\n` a line break) and trimmed of the
    /// whitespace written around them (an escaped line break is kept), each at the column of its first non-blank
    /// scalar. Text before the first and after the last `|` is not a cell.
    func tableCells() -> [LineSpan] {
        let row = Array(trimmed.unicodeScalars)
        var cells: [LineSpan] = []
        // The cell's scalars, each marked when it came from an escape (and so is never trimmed).
        var cell: [(scalar: Unicode.Scalar, escaped: Bool, offset: Int)] = []
        var seenFirstBar = false
        var index = 0
        func flush() {
            var first = 0
            var last = cell.count
            while first < last, !cell[first].escaped, cell[first].scalar.properties.isWhitespace { first += 1 }
            while last > first, !cell[last - 1].escaped, cell[last - 1].scalar.properties.isWhitespace { last -= 1 }
            var value = String.UnicodeScalarView()
            value.append(contentsOf: cell[first..<last].map(\.scalar))
            cells.append(
                LineSpan(
                    column: indent + 1 + (first < cell.count ? cell[first].offset : index - 1), text: String(value)))
        }
        while index < row.count {
            let scalar = row[index]
            let offset = index
            index += 1
            if scalar == "|" {
                if seenFirstBar { flush() } else { seenFirstBar = true }
                cell.removeAll(keepingCapacity: true)
            } else if scalar == "\\" {
                guard index < row.count else {
                    cell.append((scalar, false, offset))
                    break
                }
                let escaped = row[index]
                index += 1
                switch escaped {
                case "n": cell.append(("\n", true, offset))
                case "|", "\\": cell.append((escaped, true, offset))
                default:
                    cell.append(("\\", true, offset))
                    cell.append((escaped, false, offset + 1))
                }
            } else {
                cell.append((scalar, false, offset))
            }
        }
        return cells
    }
}
