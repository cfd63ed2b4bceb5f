/// The kinds of token the Gherkin grammar is written in.
enum TokenType: String, Sendable, CaseIterable {
    case eof = "EOF"
    case empty = "Empty"
    case comment = "Comment"
    case tagLine = "TagLine"
    case featureLine = "FeatureLine"
    case ruleLine = "RuleLine"
    case backgroundLine = "BackgroundLine"
    case scenarioLine = "ScenarioLine"
    case examplesLine = "ExamplesLine"
    case stepLine = "StepLine"
    case docStringSeparator = "DocStringSeparator"
    case tableRow = "TableRow"
    case language = "Language"
    case other = "Other"

    /// `#EOF`, as error messages name it.
    var hashName: String { "#" + rawValue }
}

/// One line read as a token: the raw line, and what the matcher found it to be.
struct GherkinToken {
    /// The line, or `nil` at the end of the file.
    let line: GherkinLine?
    /// The line's number (one past the last line at the end of the file).
    let lineNumber: Int

    var matchedType: TokenType?
    var matchedKeyword: String?
    var matchedText: String?
    var keywordType: StepKeywordType?
    var matchedItems: [LineSpan] = []
    /// A table row's cells, made once here and kept by the row.
    var matchedCells: [TableCell] = []
    var column: Int?
    /// The column of a tag with whitespace in it, to be reported when the tag line is used.
    var tagError: Int?
    /// The language in force when the token matched.
    var dialectCode: String = "en"

    init(line: GherkinLine?, lineNumber: Int) {
        self.line = line
        self.lineNumber = lineNumber
    }

    var isEOF: Bool { line == nil }

    /// The line's text, trimmed, as error messages quote it.
    var quotedValue: String { line?.trimmedText ?? "" }
}
