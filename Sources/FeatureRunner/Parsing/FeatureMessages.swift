import Gherkin

/// The messages of one feature file, as `brickyard parse` prints them: its source, then its document and pickles, or
/// one `parseError` per error.
public struct FeatureMessages: Sendable {
    public var includeSource = true
    public var includeDocument = true
    public var includePickles = true
    public var parser: GherkinParser

    public init(parser: GherkinParser = GherkinParser()) {
        self.parser = parser
    }

    /// The envelopes for `source` read from `uri`, ids taken from `ids`.
    /// - Returns: the envelopes and whether the file parsed.
    public func envelopes(
        for source: String, uri: String, ids: inout IdGenerator
    ) -> (envelopes: [Envelope], parsed: Bool) {
        var envelopes: [Envelope] = []
        if includeSource { envelopes.append(.source(Source(uri: uri, data: source))) }
        do {
            let document = try parser.parse(source, uri: uri, ids: &ids)
            if includeDocument { envelopes.append(.gherkinDocument(document)) }
            if includePickles {
                envelopes += PickleCompiler().compile(document, ids: &ids).map { .pickle($0) }
            }
            return (envelopes, true)
        } catch {
            envelopes += error.errors.map { .parseError(ParseError(uri: uri, error: $0)) }
            return (envelopes, false)
        }
    }
}
