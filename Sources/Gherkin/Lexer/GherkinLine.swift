/// One line of a feature file, with the measurements the token matcher needs.
///
/// Columns and indentation are counted in Unicode scalars, as the reference parsers count them.
struct GherkinLine: Sendable {
    /// The line without its line break (a trailing `\r` of a CRLF file is dropped too).
    let text: Substring
    /// 1-based.
    let number: Int
    /// How many whitespace scalars start the line.
    let indent: Int
    /// The line without its leading whitespace.
    let trimmed: Substring

    init(text: Substring, number: Int) {
        self.text = text
        self.number = number
        var indent = 0
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while start < scalars.endIndex, scalars[start].properties.isWhitespace {
            indent += 1
            start = scalars.index(after: start)
        }
        self.indent = indent
        self.trimmed = Substring(scalars[start...])
    }

    /// Whether nothing but whitespace is on the line.
    var isEmpty: Bool { trimmed.isEmpty }

    /// Whether the trimmed line starts with `prefix` (compared scalar by scalar).
    func starts(with prefix: String) -> Bool {
        trimmed.unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    /// Whether the trimmed line starts with `keyword:`.
    func startsWithTitleKeyword(_ keyword: String) -> Bool {
        let scalars = trimmed.unicodeScalars
        guard scalars.starts(with: keyword.unicodeScalars) else { return false }
        let afterKeyword = scalars.index(scalars.startIndex, offsetBy: keyword.unicodeScalars.count)
        return afterKeyword < scalars.endIndex && scalars[afterKeyword] == ":"
    }

    /// The trimmed line after its first `length` scalars, with whitespace trimmed at both ends.
    func rest(after length: Int) -> String {
        let scalars = trimmed.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: length, limitedBy: scalars.endIndex) else {
            return ""
        }
        return String(String.UnicodeScalarView(scalars[start...])).trimmingGherkinWhitespace()
    }

    /// The line with up to `indentToRemove` leading whitespace scalars removed: the whole trimmed line when the line
    /// is indented less (a doc string line written left of its delimiter).
    func text(removingIndent indentToRemove: Int) -> String {
        if indentToRemove < 0 || indentToRemove > indent { return String(trimmed) }
        let scalars = text.unicodeScalars
        return String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: indentToRemove)...]))
    }
}

extension StringProtocol {
    /// The string without the whitespace (Unicode `White_Space`) at its ends.
    func trimmingGherkinWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
