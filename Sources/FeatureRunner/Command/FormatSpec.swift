/// `--format NAME[:PATH]`: a report and where it goes (standard output without a path).
public struct FormatSpec: Sendable, Hashable {
    /// The formats this runner writes.
    public static let names = ["progress", "pretty", "message", "junit", "json", "html", "rerun", "result"]

    /// The formats that report as the run goes (the others are written from the finished run).
    public static let live: Set<String> = ["progress", "pretty"]

    public var name: String
    public var path: String?

    public init(name: String, path: String? = nil) {
        self.name = name
        self.path = path
    }

    /// Reads `junit:reports/junit.xml`.
    /// - Throws: ``SelectionError`` naming the formats that exist.
    public static func parse(_ text: String) throws(SelectionError) -> FormatSpec {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, names.contains(name) else {
            throw SelectionError("--format \(text): unknown format; the formats are \(names.joined(separator: ", "))")
        }
        let path = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        return FormatSpec(name: name, path: path)
    }
}
