import Foundation

/// A compiled `NSRegularExpression` that may be shared between tasks.
///
/// `NSRegularExpression` is immutable and documented as safe to use from several threads at once; not every SDK
/// marks it `Sendable`, so this wrapper states it once.
struct SharedRegex: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ regex: NSRegularExpression) {
        self.regex = regex
    }

    /// Compiles `pattern`.
    init(pattern: String) throws {
        regex = try NSRegularExpression(pattern: pattern)
    }

    /// The first match in `range` (UTF-16 offsets) of `text`.
    func firstMatch(in text: String, range: NSRange) -> NSTextCheckingResult? {
        regex.firstMatch(in: text, range: range)
    }
}
