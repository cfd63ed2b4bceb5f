/// Decides what a line is, in the language in force: the reference token matcher's rules.
///
/// The matcher has state: the dialect (`# language:` changes it) and the doc string being read (its delimiter and
/// the indentation its lines lose).
struct TokenMatcher {
    /// A dialect's keywords as bytes, to compare with lines without decoding them.
    struct Keywords: Sendable {
        let feature: [(String, [UInt8])]
        let rule: [(String, [UInt8])]
        let background: [(String, [UInt8])]
        let scenario: [(String, [UInt8])]
        let examples: [(String, [UInt8])]
        let steps: [(keyword: String, bytes: [UInt8], type: StepKeywordType)]

        init(_ dialect: GherkinDialect) {
            func bytes(_ keywords: [String]) -> [(String, [UInt8])] { keywords.map { ($0, Array($0.utf8)) } }
            feature = bytes(dialect.feature)
            rule = bytes(dialect.rule)
            background = bytes(dialect.background)
            scenario = bytes(dialect.scenarioKeywords)
            examples = bytes(dialect.examples)
            steps = dialect.stepKeywords.map { ($0.keyword, Array($0.keyword.utf8), $0.type) }
        }
    }

    let catalog: GherkinDialectCatalog
    private(set) var dialect: GherkinDialect
    private var keywords: Keywords
    private var activeDocStringSeparator: [UInt8]?
    private var indentToRemove = 0

    private static let tripleQuote = Array(#"""""#.utf8)
    private static let tripleBacktick = Array("```".utf8)

    init(catalog: GherkinDialectCatalog, language: String = "en") {
        self.catalog = catalog
        self.dialect = catalog[language] ?? catalog["en"]!
        self.keywords = Keywords(dialect)
    }

    /// A matcher starting in `dialect`, whose keywords are already prepared.
    init(catalog: GherkinDialectCatalog, dialect: GherkinDialect, keywords: Keywords) {
        self.catalog = catalog
        self.dialect = dialect
        self.keywords = keywords
    }

    private mutating func change(to dialect: GherkinDialect) {
        self.dialect = dialect
        keywords = Keywords(dialect)
    }

    @inline(__always)
    private func set(
        _ token: inout GherkinToken, _ type: TokenType, text: String? = nil, keyword: String? = nil,
        indent: Int? = nil, items: [LineSpan] = []
    ) {
        token.matchedType = type
        token.matchedText = text
        token.matchedKeyword = keyword
        token.matchedItems = items
        token.column = (indent ?? token.line?.indent ?? 0) + 1
    }

    func matchEOF(_ token: inout GherkinToken) -> Bool {
        guard token.isEOF else { return false }
        set(&token, .eof)
        token.column = nil
        return true
    }

    func matchEmpty(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, line.isEmpty else { return false }
        set(&token, .empty, indent: 0)
        return true
    }

    func matchComment(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, line.firstByte == UInt8(ascii: "#") else { return false }
        set(&token, .comment, text: line.text, indent: 0)
        return true
    }

    /// `# language: xx`. An unknown language is an error naming it; the dialect stays as it was.
    mutating func matchLanguage(_ token: inout GherkinToken) throws(GherkinParseError) -> Bool {
        guard let line = token.line, let code = Self.languageCode(in: line) else { return false }
        guard let dialect = catalog[code] else {
            throw GherkinParseError(
                message: "Language not supported: \(code)",
                location: Location(line: line.number, column: line.indent + 1), kind: .noSuchLanguage(code))
        }
        set(&token, .language, text: code)
        change(to: dialect)
        token.dialectCode = code
        return true
    }

    /// The code of a `#language:` line: `^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$`.
    static func languageCode(in line: GherkinLine) -> String? {
        let bytes = line.bytes
        let end = line.end
        var index = line.trimmedStart
        guard index < end, bytes[index] == UInt8(ascii: "#") else { return nil }
        index = UTF8Text.skipWhitespace(bytes, from: index + 1, to: end).0
        guard UTF8Text.matches(bytes, at: index, end: end, Array("language".utf8)) else { return nil }
        index = UTF8Text.skipWhitespace(bytes, from: index + 8, to: end).0
        guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
        index = UTF8Text.skipWhitespace(bytes, from: index + 1, to: end).0
        let codeStart = index
        while index < end {
            let byte = bytes[index]
            let isCode =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
            guard isCode else { break }
            index += 1
        }
        let codeEnd = index
        guard codeEnd > codeStart, UTF8Text.skipWhitespace(bytes, from: codeEnd, to: end).0 == end else { return nil }
        return UTF8Text.string(bytes, from: codeStart, to: codeEnd)
    }

    func matchTagLine(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, line.firstByte == UInt8(ascii: "@") else { return false }
        let (tags, whitespaceAt) = line.tags()
        set(&token, .tagLine, items: tags)
        token.tagError = whitespaceAt
        return true
    }

    @inline(__always)
    private func matchTitleLine(_ token: inout GherkinToken, _ type: TokenType, _ keywords: [(String, [UInt8])]) -> Bool
    {
        guard let line = token.line, !line.isEmpty else { return false }
        for (keyword, bytes) in keywords where line.startsWithTitleKeyword(bytes) {
            set(&token, type, text: line.rest(afterBytes: bytes.count + 1), keyword: keyword)
            return true
        }
        return false
    }

    /// Whether a line would match as `type` (`.scenarioLine` or `.examplesLine`), without matching it: what lookahead
    /// needs to know. Blank, comment and tag lines are `.empty`, `.comment`, `.tagLine`.
    func peek(_ line: GherkinLine?) -> TokenType? {
        guard let line else { return .eof }
        if line.isEmpty { return .empty }
        switch line.firstByte {
        case UInt8(ascii: "#"): return .comment
        case UInt8(ascii: "@"): return .tagLine
        default: break
        }
        if keywords.scenario.contains(where: { line.startsWithTitleKeyword($0.1) }) { return .scenarioLine }
        if keywords.examples.contains(where: { line.startsWithTitleKeyword($0.1) }) { return .examplesLine }
        return .other
    }

    func matchFeatureLine(_ token: inout GherkinToken) -> Bool {
        guard matchTitleLine(&token, .featureLine, keywords.feature) else { return false }
        token.dialectCode = dialect.code
        return true
    }
    func matchRuleLine(_ token: inout GherkinToken) -> Bool { matchTitleLine(&token, .ruleLine, keywords.rule) }
    func matchBackgroundLine(_ token: inout GherkinToken) -> Bool {
        matchTitleLine(&token, .backgroundLine, keywords.background)
    }
    func matchScenarioLine(_ token: inout GherkinToken) -> Bool {
        matchTitleLine(&token, .scenarioLine, keywords.scenario)
    }
    func matchExamplesLine(_ token: inout GherkinToken) -> Bool {
        matchTitleLine(&token, .examplesLine, keywords.examples)
    }

    func matchStepLine(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, !line.isEmpty else { return false }
        for step in keywords.steps where line.starts(with: step.bytes) {
            set(&token, .stepLine, text: line.rest(afterBytes: step.bytes.count), keyword: step.keyword)
            token.keywordType = step.type
            return true
        }
        return false
    }

    /// Opens a doc string (`"""` or ```` ``` ````, with an optional media type) or closes the open one.
    mutating func matchDocStringSeparator(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line else { return false }
        if let open = activeDocStringSeparator {
            guard line.starts(with: open) else { return false }
            set(&token, .docStringSeparator, text: "", keyword: String(decoding: open, as: UTF8.self))
            activeDocStringSeparator = nil
            indentToRemove = 0
            return true
        }
        for separator in [Self.tripleQuote, Self.tripleBacktick] where line.starts(with: separator) {
            set(
                &token, .docStringSeparator, text: line.rest(afterBytes: 3),
                keyword: String(decoding: separator, as: UTF8.self))
            activeDocStringSeparator = separator
            indentToRemove = line.indent
            return true
        }
        return false
    }

    func matchTableRow(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, line.firstByte == UInt8(ascii: "|") else { return false }
        set(&token, .tableRow)
        token.matchedCells = line.tableCells()
        return true
    }

    /// Anything else: a description line, or a doc string line (losing the delimiter's indentation; an escaped
    /// delimiter of the open kind is unescaped).
    func matchOther(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line else { return false }
        var text = line.text(removingIndent: indentToRemove)
        if let open = activeDocStringSeparator, line.contains(UInt8(ascii: "\\")) {
            let delimiter = String(decoding: open, as: UTF8.self)
            text = text.replacingAll(delimiter.map { "\\\($0)" }.joined(), with: delimiter)
        }
        set(&token, .other, text: text, indent: 0)
        return true
    }
}
