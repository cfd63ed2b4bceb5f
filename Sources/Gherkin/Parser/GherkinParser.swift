/// Parses Gherkin as the official grammar defines it, in every language of the dialect table, with the reference
/// parser's error recovery: an unexpected line is reported and skipped, and parsing goes on, so that one run reports
/// every problem (up to eleven, where the reference parser stops too).
///
/// ```swift
/// var ids = IdGenerator()
/// let document = try GherkinParser().parse(source, uri: "features/s3.feature", ids: &ids)
/// let pickles = PickleCompiler().compile(document, ids: &ids)
/// ```
public struct GherkinParser: Sendable {
    /// The languages `# language:` may name.
    public let catalog: GherkinDialectCatalog
    /// The language of a file without `# language:`.
    public let defaultLanguage: String
    /// After this many errors the next one ends parsing.
    public let maximumErrors: Int

    /// The default language's keywords, prepared once for every file this parser reads.
    private let defaultMatcher: TokenMatcher

    public init(catalog: GherkinDialectCatalog = .bundled, defaultLanguage: String = "en", maximumErrors: Int = 10) {
        self.catalog = catalog
        self.defaultLanguage = defaultLanguage
        self.maximumErrors = maximumErrors
        defaultMatcher = TokenMatcher(catalog: catalog, language: defaultLanguage)
    }

    /// Parses one feature file.
    /// - Parameters:
    ///   - source: the file's text (LF or CRLF line ends).
    ///   - uri: where it came from, kept in the document.
    ///   - ids: the run's id generator; the document's nodes take their ids from it.
    /// - Throws: ``GherkinParseErrors`` with every error found, in order.
    public func parse(
        _ source: String, uri: String? = nil, ids: inout IdGenerator
    ) throws(GherkinParseErrors)
        -> GherkinDocument
    {
        var run = ParserRun(
            source: source, matcher: defaultMatcher, ids: ids,
            maximumErrors: maximumErrors)
        run.run()
        ids = run.builder.ids
        guard run.errors.isEmpty else { throw GherkinParseErrors(run.errors) }
        return run.builder.document(uri: uri)
    }

    /// Parses one feature file with ids starting at `"0"`.
    public func parse(_ source: String, uri: String? = nil) throws(GherkinParseErrors) -> GherkinDocument {
        var ids = IdGenerator()
        return try parse(source, uri: uri, ids: &ids)
    }
}

/// One parse: the source's bytes and lines, the token queue lookahead fills, the matcher, the builder and the errors.
struct ParserRun {
    private let source: SourceBytes
    /// Each line's start and end (without its line break).
    /// Where the next line starts, and how many lines were read.
    private var position = 0
    private var linesRead = 0
    private var queue: [GherkinToken] = []
    private var queueHead = 0
    private var matcher: TokenMatcher
    var builder: AstBuilder
    private(set) var errors: [GherkinParseError] = []
    private let maximumErrors: Int
    private var stopped = false

    init(source: String, matcher: TokenMatcher, ids: IdGenerator, maximumErrors: Int) {
        self.source = SourceBytes(source)
        self.matcher = matcher
        self.builder = AstBuilder(ids: ids)
        self.maximumErrors = maximumErrors
    }

    mutating func run() {
        var state = ParserState.start
        while !stopped {
            let token = readToken()
            state = match(token, in: state)
            if token.isEOF { break }
        }
        if !stopped {
            // The document rule ends with the parse; only rules left open by errors are still on the stack.
            while builder.currentType != .gherkinDocument { endRule() }
        }
    }

    private mutating func readToken() -> GherkinToken {
        if queueHead < queue.count {
            defer {
                queueHead += 1
                if queueHead == queue.count {
                    queue.removeAll(keepingCapacity: true)
                    queueHead = 0
                }
            }
            return queue[queueHead]
        }
        return readLine()
    }

    /// The next line of the source as a token. Lines end at `\n` (a `\r` before it is dropped); a final line break
    /// ends the last line.
    private mutating func readLine() -> GherkinToken {
        let bytes = source.bytes
        guard position < bytes.count else { return GherkinToken(line: nil, lineNumber: linesRead + 1) }
        let start = position
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        position = index + 1
        let end = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
        linesRead += 1
        return GherkinToken(
            line: GherkinLine(bytes: bytes, start: start, end: end, number: linesRead), lineNumber: linesRead)
    }

    private mutating func addError(_ error: GherkinParseError) {
        errors.append(error)
        if errors.count > maximumErrors { stopped = true }
    }

    mutating func endRule() {
        do {
            try builder.endRule()
        } catch {
            for error in error.errors { addError(error) }
        }
    }

    mutating func start(_ types: RuleType...) {
        for type in types { builder.startRule(type) }
    }

    /// Ends rules until one of `types` is the innermost open rule.
    mutating func end(until first: RuleType, or second: RuleType? = nil) {
        while true {
            let current = builder.currentType
            if current == first || current == second || current == .gherkinDocument { return }
            endRule()
        }
    }

    /// Reads ahead over blank, comment and tag lines: whether the next other line is of type `target`.
    private mutating func lookahead(_ target: TokenType) -> Bool {
        // The lines read ahead stay queued, to be read again in turn.
        var offset = queueHead
        while true {
            if offset == queue.count { queue.append(readLine()) }
            let kind = matcher.peek(queue[offset].line)
            offset += 1
            if kind == target { return true }
            if kind != .empty && kind != .comment && kind != .tagLine { return false }
        }
    }

    private mutating func matches(_ check: Check, _ token: inout GherkinToken) -> Bool {
        switch check {
        case .eof: return matcher.matchEOF(&token)
        case .empty: return matcher.matchEmpty(&token)
        case .comment: return matcher.matchComment(&token)
        case .language:
            do {
                return try matcher.matchLanguage(&token)
            } catch {
                addError(error)
                return false
            }
        case .featureLine: return matcher.matchFeatureLine(&token)
        case .ruleLine: return matcher.matchRuleLine(&token)
        case .backgroundLine: return matcher.matchBackgroundLine(&token)
        case .scenarioLine: return matcher.matchScenarioLine(&token)
        case .examplesLine: return matcher.matchExamplesLine(&token)
        case .stepLine: return matcher.matchStepLine(&token)
        case .docStringSeparator: return matcher.matchDocStringSeparator(&token)
        case .tableRow: return matcher.matchTableRow(&token)
        case .other: return matcher.matchOther(&token)
        case .tagLine(.scenario): return matcher.matchTagLine(&token) && lookahead(.scenarioLine)
        case .tagLine(.examples): return matcher.matchTagLine(&token) && lookahead(.examplesLine)
        case .tagLine: return matcher.matchTagLine(&token)
        }
    }

    /// Takes one token in one state: the first check that matches decides; a token none matches is an error, and the
    /// state stays as it was.
    private mutating func match(_ token: consuming GherkinToken, in state: ParserState) -> ParserState {
        for check in state.checks where matches(check, &token) {
            if stopped { return state }
            return take(token, as: check, in: state)
        }
        if stopped { return state }
        if token.isEOF {
            let expected = state.expectedTokens
            addError(
                GherkinParseError(
                    message: "unexpected end of file, expected: \(expected.joined(separator: ", "))",
                    location: Location(line: token.lineNumber), kind: .unexpectedEndOfFile(expected: expected)))
        } else {
            let expected = state.expectedTokens
            let got = token.quotedValue
            addError(
                GherkinParseError(
                    message: "expected: \(expected.joined(separator: ", ")), got '\(got)'",
                    location: Location(line: token.lineNumber, column: (token.line?.indent ?? 0) + 1),
                    kind: .unexpectedToken(expected: expected, got: got)))
        }
        return state
    }
}
