import Foundation

/// A capture group of a regular expression, as ``TreeRegexp`` finds it in the pattern: its number, its source and
/// the capture groups directly inside it. Builds the ``Group`` tree of a match.
struct GroupBuilder: Sendable {
    /// The group's number (0 for the whole match).
    var index: Int
    /// The pattern text between the group's parentheses; `nil` for the whole match.
    var source: String?
    /// The capture groups directly inside this one.
    var children: [GroupBuilder] = []

    /// The groups of `match`, this one and those inside it, with offsets in UTF-16 code units of `text`.
    func build(_ match: NSTextCheckingResult, in text: NSString) -> Group {
        let range = index < match.numberOfRanges ? match.range(at: index) : NSRange(location: NSNotFound, length: 0)
        let children = children.map { $0.build(match, in: text) }
        guard range.location != NSNotFound else {
            return Group(value: nil, start: nil, end: nil, children: children)
        }
        return Group(
            value: text.substring(with: range), start: range.location, end: range.location + range.length,
            children: children)
    }
}
