import CucumberExpressions

/// The step definitions nearest to an undefined step's text, so that a typo is answered with the step that was
/// meant before any snippet: `an S3 bucket named "root"` finds `an S3 bucket {string}` and
/// `an S3 bucket {string} with versioning enabled`.
///
/// The step's text is first written as the expression Cucumber would generate for it (quoted text as `{string}`,
/// numbers as `{int}`), then compared word by word with each definition's pattern: the longest common subsequence
/// of words, where two words of four letters or more that differ by one edit count as the same (a typo).
struct StepSuggestions: Sendable {
    /// How many suggestions at most.
    static let limit = 3
    /// The least similarity (0...1) worth suggesting.
    static let threshold = 0.5

    let patterns: [String]
    let generator: CucumberExpressionGenerator

    init(patterns: [String], registry: ParameterTypeRegistry) {
        self.patterns = patterns
        self.generator = CucumberExpressionGenerator(registry: registry)
    }

    /// The nearest patterns, best first.
    func suggestions(for text: String) -> [String] {
        let expression = generator.generateExpressions(text).first?.source ?? text
        let words = Self.words(expression)
        guard !words.isEmpty else { return [] }
        var scored: [(pattern: String, score: Double)] = []
        for pattern in patterns {
            let candidate = Self.words(pattern)
            guard !candidate.isEmpty else { continue }
            let common = Self.commonSubsequence(words, candidate)
            let score = 2 * Double(common) / Double(words.count + candidate.count)
            if score >= Self.threshold { scored.append((pattern, score)) }
        }
        // Best first; among equals the shorter pattern (the plain step before its variants), then the library's order.
        let ranked = scored.enumerated().sorted { left, right in
            if left.element.score != right.element.score { return left.element.score > right.element.score }
            if left.element.pattern.count != right.element.pattern.count {
                return left.element.pattern.count < right.element.pattern.count
            }
            return left.offset < right.offset
        }
        return ranked.prefix(Self.limit).map(\.element.pattern)
    }

    /// Lower-cased words; `{string}` and the other parameters stay words of their own, `(s)` optionals are dropped.
    static func words(_ text: String) -> [String] {
        let cleaned = text.lowercased().replacingOccurrences(of: "(s)", with: "")
        return cleaned.split { $0 == " " || $0 == "," || $0 == ":" || $0 == "\"" }.map(String.init)
    }

    /// The length of the longest common subsequence of two word lists, typos forgiven.
    static func commonSubsequence(_ left: [String], _ right: [String]) -> Int {
        var previous = [Int](repeating: 0, count: right.count + 1)
        for word in left {
            var current = [Int](repeating: 0, count: right.count + 1)
            for (index, other) in right.enumerated() {
                current[index + 1] =
                    same(word, other) ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            previous = current
        }
        return previous[right.count]
    }

    /// Equal, or one edit apart when both have four letters or more.
    static func same(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        guard left.count >= 4, right.count >= 4, abs(left.count - right.count) <= 1 else { return false }
        return editDistance(Array(left), Array(right), atMost: 1) <= 1
    }

    /// Levenshtein distance, stopping early once it exceeds `bound`.
    static func editDistance(_ left: [Character], _ right: [Character], atMost bound: Int) -> Int {
        var previous = Array(0...right.count)
        for (i, a) in left.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: right.count)
            for (j, b) in right.enumerated() {
                current[j + 1] = min(previous[j] + (a == b ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            if current.min() ?? 0 > bound { return bound + 1 }
            previous = current
        }
        return previous[right.count]
    }
}
