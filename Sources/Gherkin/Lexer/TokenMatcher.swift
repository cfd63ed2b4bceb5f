import Foundation

/// Decides what a line is, in the language in force: the reference token matcher's rules.
///
/// The matcher has state: the dialect (`# language:` changes it) and the doc string being read (its delimiter and
/// the indentation its lines lose).
struct TokenMatcher: Sendable {
    let catalog: GherkinDialectCatalog
    private(set) var dialect: GherkinDialect
    private var stepKeywords: [(keyword: String, type: StepKeywordType)]
    private var activeDocStringSeparator: String?
    private var indentToRemove = 0

    init(catalog: GherkinDialectCatalog, language: String = "en") {
        self.catalog = catalog
        self.dialect = catalog[language] ?? catalog["en"]!
        self.stepKeywords = dialect.stepKeywords
    }

    /// A matcher for a new document (the default language, no open doc string).
    mutating func reset(language: String = "en") {
        if dialect.code != language, let dialect = catalog[language] { change(to: dialect) }
        activeDocStringSeparator = nil
        indentToRemove = 0
    }

    private mutating func change(to dialect: GherkinDialect) {
        self.dialect = dialect
        stepKeywords = dialect.stepKeywords
    }

    private func set(
        _ token: inout GherkinToken, _ type: TokenType, text: String? = nil, keyword: String? = nil,
        indent: Int? = nil, items: [LineSpan] = []
    ) {
        token.matchedType = type
        token.matchedText = text
        token.matchedKeyword = keyword
        token.matchedItems = items
        token.column = (indent ?? token.line?.indent ?? 0) + 1
        token.dialectCode = dialect.code
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
        guard let line = token.line, line.starts(with: "#") else { return false }
        set(&token, .comment, text: String(line.text), indent: 0)
        return true
    }

    /// `# language: xx`. An unknown language is an error naming it; the dialect stays as it was.
    mutating func matchLanguage(_ token: inout GherkinToken) throws(GherkinParseError) -> Bool {
        guard let line = token.line, let code = Self.languageCode(in: line.trimmed) else { return false }
        guard let dialect = catalog[code] else {
            throw GherkinParseError(
                message: "Language not supported: \(code)",
                location: Location(line: line.number, column: line.indent + 1),
                kind: .noSuchLanguage(code))
        }
        set(&token, .language, text: code)
        change(to: dialect)
        token.dialectCode = code
        return true
    }

    /// The code of a `#language:` line: `^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$`.
    static func languageCode(in trimmed: Substring) -> String? {
        var scalars = trimmed.unicodeScalars[...]
        func skipSpace() { while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() } }
        guard scalars.first == "#" else { return nil }
        scalars.removeFirst()
        skipSpace()
        guard scalars.starts(with: "language".unicodeScalars) else { return nil }
        scalars.removeFirst(8)
        skipSpace()
        guard scalars.first == ":" else { return nil }
        scalars.removeFirst()
        skipSpace()
        var code = String.UnicodeScalarView()
        while let first = scalars.first,
            ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "-" || first == "_"
        {
            code.append(first)
            scalars.removeFirst()
        }
        skipSpace()
        return code.isEmpty || !scalars.isEmpty ? nil : String(code)
    }

    func matchTagLine(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, line.starts(with: "@") else { return false }
        let (tags, whitespaceAt) = line.tags()
        set(&token, .tagLine, items: tags)
        token.tagError = whitespaceAt
        return true
    }

    private func matchTitleLine(_ token: inout GherkinToken, _ type: TokenType, _ keywords: [String]) -> Bool {
        guard let line = token.line else { return false }
        for keyword in keywords where line.startsWithTitleKeyword(keyword) {
            set(&token, type, text: line.rest(after: keyword.unicodeScalars.count + 1), keyword: keyword)
            return true
        }
        return false
    }

    func matchFeatureLine(_ token: inout GherkinToken) -> Bool { matchTitleLine(&token, .featureLine, dialect.feature) }
    func matchRuleLine(_ token: inout GherkinToken) -> Bool { matchTitleLine(&token, .ruleLine, dialect.rule) }
    func matchBackgroundLine(_ token: inout GherkinToken) -> Bool {
        matchTitleLine(&token, .backgroundLine, dialect.background)
    }
    func matchScenarioLine(_ token: inout GherkinToken) -> Bool {
        matchTitleLine(&token, .scenarioLine, dialect.scenarioKeywords)
    }
    func matchExamplesLine(_ token: inout GherkinToken) -> Bool {
        matchTitleLine(&token, .examplesLine, dialect.examples)
    }

    func matchStepLine(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line else { return false }
        for (keyword, type) in stepKeywords where line.starts(with: keyword) {
            set(&token, .stepLine, text: line.rest(after: keyword.unicodeScalars.count), keyword: keyword)
            token.keywordType = type
            return true
        }
        return false
    }

    /// Opens a doc string (`"""` or ```` ``` ````, with an optional media type) or closes the open one.
    mutating func matchDocStringSeparator(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line else { return false }
        if let open = activeDocStringSeparator {
            guard line.starts(with: open) else { return false }
            set(&token, .docStringSeparator, text: "", keyword: open)
            activeDocStringSeparator = nil
            indentToRemove = 0
            return true
        }
        for separator in [#"""""#, "```"] where line.starts(with: separator) {
            set(&token, .docStringSeparator, text: line.rest(after: 3), keyword: separator)
            activeDocStringSeparator = separator
            indentToRemove = line.indent
            return true
        }
        return false
    }

    func matchTableRow(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line, line.starts(with: "|") else { return false }
        set(&token, .tableRow, items: line.tableCells())
        return true
    }

    /// Anything else: a description line, or a doc string line (losing the delimiter's indentation; an escaped
    /// delimiter of the open kind is unescaped).
    func matchOther(_ token: inout GherkinToken) -> Bool {
        guard let line = token.line else { return false }
        var text = line.text(removingIndent: indentToRemove)
        if let open = activeDocStringSeparator {
            let escaped = open.map { "\\\($0)" }.joined()
            if text.contains(escaped) { text = text.replacingOccurrences(of: escaped, with: open) }
        }
        set(&token, .other, text: text, indent: 0)
        return true
    }
}
