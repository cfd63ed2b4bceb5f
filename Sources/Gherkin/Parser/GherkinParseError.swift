/// A problem in a feature file, worded and located as the reference parser words and locates it.
public struct GherkinParseError: Error, Hashable, Sendable {
    /// What kind of problem it is.
    public enum Kind: Hashable, Sendable {
        /// A line that cannot come where it is; `expected` names the tokens that could.
        case unexpectedToken(expected: [String], got: String)
        /// The file ended where more was needed.
        case unexpectedEndOfFile(expected: [String])
        /// `# language:` names no dialect.
        case noSuchLanguage(String)
        /// A table row with more or fewer cells than the first.
        case inconsistentCellCount
        /// A tag with whitespace in it.
        case tagWithWhitespace
    }

    /// The reference parser's message without the location prefix (`expected: #EOF, ..., got 'x'`).
    public var message: String
    /// Where: `line` and `column` (no column at the end of the file).
    public var location: Location
    public var kind: Kind

    public init(message: String, location: Location, kind: Kind) {
        self.message = message
        self.location = location
        self.kind = kind
    }

    /// The message with its location first, as the reference parser prints it: `(2:1): expected: ...`.
    public var fullMessage: String { "(\(location)): \(message)" }
}

extension GherkinParseError: CustomStringConvertible {
    public var description: String { fullMessage }
}

/// Every error of a feature file that does not parse (the reference parser goes on after an error and stops after
/// the eleventh).
public struct GherkinParseErrors: Error, Hashable, Sendable {
    public var errors: [GherkinParseError]

    public init(_ errors: [GherkinParseError]) {
        self.errors = errors
    }
}

extension GherkinParseErrors: CustomStringConvertible {
    public var description: String { errors.map(\.fullMessage).joined(separator: "\n") }
}

extension GherkinParseError: Codable {}

extension GherkinParseError.Kind: Codable {}
