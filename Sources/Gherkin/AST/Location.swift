/// A position in a feature file: 1-based line and (except at the end of the file) 1-based column, counted in Unicode
/// scalars as the reference parsers count them.
public struct Location: Codable, Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int?

    public init(line: Int, column: Int? = nil) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.line, lhs.column ?? 0) < (rhs.line, rhs.column ?? 0)
    }
}

extension Location: CustomStringConvertible {
    /// `line:column`, as the reference parsers print it (`7:0` at the end of a file).
    public var description: String { "\(line):\(column ?? 0)" }
}
