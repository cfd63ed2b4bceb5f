/// What a capture group of a step expression's regular expression matched, with the groups nested in it.
///
/// Offsets are UTF-16 code-unit offsets into the matched text (as `NSRange`, JavaScript and the Cucumber messages
/// protocol count them); ``range(in:)`` turns them into a `String` range.
public struct Group: Sendable, Hashable {
    /// The matched text; `nil` when the group did not take part in the match.
    public let value: String?
    /// The UTF-16 offset where the match starts; `nil` when the group did not take part in the match.
    public let start: Int?
    /// The UTF-16 offset just past the match; `nil` when the group did not take part in the match.
    public let end: Int?
    /// The capture groups directly inside this one.
    public let children: [Group]

    /// Creates a group.
    public init(value: String?, start: Int?, end: Int?, children: [Group] = []) {
        self.value = value
        self.start = start
        self.end = end
        self.children = children
    }

    /// The values a ``ParameterType``'s transform receives: this group's value when it has no groups inside it,
    /// else the values of the groups directly inside it.
    public var values: [String?] {
        children.isEmpty ? [value] : children.map(\.value)
    }

    /// The range of `text` (the text that was matched) this group matched, if it took part in the match.
    ///
    /// The bounds are Unicode scalar boundaries; slice `text.unicodeScalars` with them when the group may split a
    /// grapheme cluster (a `String`'s own subscript rounds to `Character` boundaries).
    public func range(in text: String) -> Range<String.Index>? {
        guard let start, let end, 0 <= start, start <= end, end <= text.utf16.count else { return nil }
        let lower = String.Index(utf16Offset: start, in: text)
        let upper = String.Index(utf16Offset: end, in: text)
        return lower..<upper
    }
}
