import Foundation

/// A path the runner was given: a feature file or a directory, with the lines to run (`features/s3.feature:12:30`).
public struct FeatureTarget: Sendable, Hashable {
    public var path: String
    /// The lines to run; empty for all.
    public var lines: [Int]

    public init(path: String, lines: [Int] = []) {
        self.path = path
        self.lines = lines
    }

    /// Reads a command-line argument: `path`, `path:LINE[:LINE...]`, or `@rerun.txt` (a file of such, separated by
    /// whitespace, as the `rerun` format writes them).
    public static func parse(
        _ argument: String, fileManager: FileManager = .default
    ) throws(SelectionError)
        -> [FeatureTarget]
    {
        if argument.hasPrefix("@") {
            let file = String(argument.dropFirst())
            guard let data = fileManager.contents(atPath: file) else {
                throw SelectionError("cannot read the rerun file \(file)")
            }
            var targets: [FeatureTarget] = []
            for word in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace) {
                targets.append(try parseTarget(String(word)))
            }
            return targets
        }
        return [try parseTarget(argument)]
    }

    private static func parseTarget(_ text: String) throws(SelectionError) -> FeatureTarget {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var lines: [Int] = []
        while parts.count > 1, let last = parts.last, let line = Int(last) {
            guard line > 0 else { throw SelectionError("\(text): line numbers start at 1") }
            lines.insert(line, at: 0)
            parts.removeLast()
        }
        let path = parts.joined(separator: ":")
        guard !path.isEmpty else { throw SelectionError("\(text): no path") }
        return FeatureTarget(path: path, lines: lines)
    }

    public var description: String { ([path] + lines.map(String.init)).joined(separator: ":") }
}
