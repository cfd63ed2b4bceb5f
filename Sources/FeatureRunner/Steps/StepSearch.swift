/// Finds steps in a library by what a person would type: every word of the query must appear in the step's pattern,
/// summary, example or group, ignoring case, spaces and hyphens (`PassRole` finds "may pass role"), and a word's
/// ending (`encryption` finds "encrypts").
public struct StepSearch: Sendable {
    public let words: [String]

    public init(_ query: String) {
        words = query.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
    }

    /// Whether a step with these texts matches.
    public func matches(_ texts: [String?]) -> Bool {
        let haystack = texts.compactMap { $0?.lowercased() }.joined(separator: "\n")
        let squashed = Self.squash(haystack)
        return words.allSatisfy { word in
            haystack.contains(word) || squashed.contains(Self.squash(word))
                || Self.stem(word).map { squashed.contains(Self.squash($0)) } ?? false
        }
    }

    /// Whether a definition matches.
    public func matches<W: World>(_ definition: StepDefinition<W>) -> Bool {
        matches([definition.pattern.source, definition.summary, definition.example, definition.group])
    }

    static func squash(_ text: String) -> String {
        String(text.filter { $0 != " " && $0 != "-" && $0 != "_" && $0 != "\n" })
    }

    /// The word without a common English ending, when enough of it is left to mean something.
    static func stem(_ word: String) -> String? {
        for ending in ["ation", "ion", "ing", "ed", "es", "s"] where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            if stem.count >= 4 { return stem }
        }
        return nil
    }
}
