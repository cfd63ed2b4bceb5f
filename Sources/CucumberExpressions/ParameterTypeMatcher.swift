import Foundation

/// Finds where one of a parameter type's regular expressions matches a whole word of a step text, for
/// ``CucumberExpressionGenerator``.
struct ParameterTypeMatcher: Sendable {
    let parameterType: ParameterType
    private let regex: SharedRegex

    /// A match, in UTF-16 offsets.
    struct Match {
        let parameterType: ParameterType
        let start: Int
        let length: Int
    }

    /// A step text, with its UTF-16 code units at hand.
    struct Subject {
        let text: String
        let units: [UInt16]

        init(_ text: String) {
            self.text = text
            units = Array(text.utf16)
        }
    }

    /// A matcher for `regexp`, one of `parameterType`'s regular expressions; `nil` if it does not compile.
    init?(_ parameterType: ParameterType, regexp: String) {
        guard let regex = try? SharedRegex(pattern: "(" + regexp + ")") else { return nil }
        self.parameterType = parameterType
        self.regex = regex
    }

    /// The first non-empty match at or after `position` that is a whole word: the characters either side of it, if
    /// any, are separators, punctuation or symbols.
    ///
    /// As in the reference implementation, the regular expression sees the text from each candidate position on, so
    /// `^` and look-behinds take that position for the start.
    func firstWordMatch(in subject: Subject, from position: Int) -> Match? {
        let length = subject.units.count
        var from = position
        while from < length {
            let range = NSRange(location: from, length: length - from)
            guard let found = regex.firstMatch(in: subject.text, range: range)?.range else {
                from += 1
                continue
            }
            let end = found.location + found.length
            if found.length > 0, Self.isWordEdge(Self.scalar(endingAt: found.location, in: subject.units)),
                Self.isWordEdge(Self.scalar(startingAt: end, in: subject.units))
            {
                return Match(parameterType: parameterType, start: found.location, length: found.length)
            }
            from += 1
        }
        return nil
    }

    /// Whether a word may end next to `scalar`: the text's start or end (`nil`), a separator, punctuation or a symbol.
    private static func isWordEdge(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The scalar whose code units end at `offset`; `nil` at the start.
    private static func scalar(endingAt offset: Int, in units: [UInt16]) -> Unicode.Scalar? {
        guard offset > 0, offset <= units.count else { return nil }
        let last = units[offset - 1]
        if UTF16.isTrailSurrogate(last), offset > 1, UTF16.isLeadSurrogate(units[offset - 2]) {
            return UTF16.decode(UTF16.EncodedScalar([units[offset - 2], last]))
        }
        return Unicode.Scalar(last) ?? "\u{FFFD}"
    }

    /// The scalar whose code units start at `offset`; `nil` at the end.
    private static func scalar(startingAt offset: Int, in units: [UInt16]) -> Unicode.Scalar? {
        guard offset >= 0, offset < units.count else { return nil }
        let first = units[offset]
        if UTF16.isLeadSurrogate(first), offset + 1 < units.count, UTF16.isTrailSurrogate(units[offset + 1]) {
            return UTF16.decode(UTF16.EncodedScalar([first, units[offset + 1]]))
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }
}
