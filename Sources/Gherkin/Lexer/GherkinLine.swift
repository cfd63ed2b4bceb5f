/// The bytes of a source being parsed, kept for as long as its tokens are read.
final class SourceBytes {
    let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ source: String) {
        var source = source
        let count = source.utf8.count
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
        source.withUTF8 { bytes in
            if bytes.count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        }
        self.buffer = buffer
    }

    deinit { buffer.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(buffer) }
}

/// One line of a feature file, as byte offsets into its source, with the measurements the token matcher needs.
///
/// Columns and indentation are counted in Unicode scalars, as the reference parsers count them. A line is only valid
/// while its ``SourceBytes`` lives (the parse that reads it).
struct GherkinLine {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the line starts and ends (without its line break; a `\r` before `\n` is dropped too).
    let start: Int
    let end: Int
    /// 1-based.
    let number: Int
    /// How many whitespace scalars start the line.
    let indent: Int
    /// Where the line's first non-whitespace byte is.
    let trimmedStart: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, number: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.number = number
        (trimmedStart, indent) = UTF8Text.skipWhitespace(bytes, from: start, to: end)
    }

    /// Whether nothing but whitespace is on the line.
    var isEmpty: Bool { trimmedStart == end }

    /// The whole line.
    var text: String { UTF8Text.string(bytes, from: start, to: end) }

    /// The line without the whitespace at its ends, as error messages quote it.
    var trimmedText: String {
        UTF8Text.string(bytes, from: trimmedStart, to: UTF8Text.trimEnd(bytes, from: trimmedStart, to: end))
    }

    /// The first byte after the indentation, if any.
    var firstByte: UInt8? { trimmedStart < end ? bytes[trimmedStart] : nil }

    /// Whether the line holds `byte`.
    func contains(_ byte: UInt8) -> Bool {
        var index = start
        while index < end {
            if bytes[index] == byte { return true }
            index += 1
        }
        return false
    }

    /// Whether the line (after its indentation) starts with `prefix`.
    func starts(with prefix: [UInt8]) -> Bool {
        UTF8Text.matches(bytes, at: trimmedStart, end: end, prefix)
    }

    /// Whether the line (after its indentation) starts with `keyword:`.
    func startsWithTitleKeyword(_ keyword: [UInt8]) -> Bool {
        let colon = trimmedStart + keyword.count
        return colon < end && bytes[colon] == UInt8(ascii: ":") && starts(with: keyword)
    }

    /// The line after its indentation and `length` more bytes, with whitespace trimmed at both ends.
    func rest(afterBytes length: Int) -> String {
        let (from, _) = UTF8Text.skipWhitespace(bytes, from: min(end, trimmedStart + length), to: end)
        return UTF8Text.string(bytes, from: from, to: UTF8Text.trimEnd(bytes, from: from, to: end))
    }

    /// The line with up to `indentToRemove` leading whitespace scalars removed: the line without its indentation
    /// when it is indented less (a doc string line written left of its delimiter).
    func text(removingIndent indentToRemove: Int) -> String {
        if indentToRemove <= 0 {
            return indentToRemove == 0 ? text : UTF8Text.string(bytes, from: trimmedStart, to: end)
        }
        if indentToRemove > indent { return UTF8Text.string(bytes, from: trimmedStart, to: end) }
        var index = start
        for _ in 0..<indentToRemove { index += UTF8Text.whitespaceLength(bytes, at: index, end: end) }
        return UTF8Text.string(bytes, from: index, to: end)
    }
}
