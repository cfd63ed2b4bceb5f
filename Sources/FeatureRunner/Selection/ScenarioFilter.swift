import Foundation
import Gherkin

/// Which pickles a run takes: by line, tag expression, name pattern and shard, applied in that order.
public struct ScenarioFilter: Sendable {
    public var tags: TagExpression?
    /// Regular expressions; a pickle is taken when any matches its name.
    public var names: [String]
    /// `(index, count)`, 1-based: of the pickles left, every `count`-th starting at `index`.
    public var shard: (index: Int, count: Int)?

    public init(tags: TagExpression? = nil, names: [String] = [], shard: (index: Int, count: Int)? = nil) {
        self.tags = tags
        self.names = names
        self.shard = shard
    }

    /// Reads `--shard I/N`.
    public static func parseShard(_ text: String) throws(SelectionError) -> (index: Int, count: Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            throw SelectionError("--shard \(text): expected I/N with 1 <= I <= N, as 2/4")
        }
        return (index, count)
    }

    /// The lines of a document that select each pickle: the scenario's line, its tags' and steps' lines, the
    /// examples' and the row's lines, the rule's and the feature's.
    static func selectingLines(of document: GherkinDocument, pickles: [Pickle]) -> [String: Set<Int>] {
        guard let feature = document.feature else { return [:] }
        var linesByNode: [String: Set<Int>] = [:]  // scenario id or row id -> lines
        var common: Set<Int> = [feature.location.line]
        func add(_ scenario: Scenario, ruleLine: Int?) {
            var lines: Set<Int> = [scenario.location.line]
            if let ruleLine { lines.insert(ruleLine) }
            lines.formUnion(scenario.tags.map(\.location.line))
            lines.formUnion(scenario.steps.map(\.location.line))
            linesByNode[scenario.id] = lines
            for examples in scenario.examples {
                var examplesLines: Set<Int> = [examples.location.line]
                examplesLines.formUnion(examples.tags.map(\.location.line))
                if let header = examples.tableHeader { examplesLines.insert(header.location.line) }
                for row in examples.tableBody { linesByNode[row.id] = examplesLines.union([row.location.line]) }
            }
        }
        common.formUnion(feature.tags.map(\.location.line))
        for child in feature.children {
            switch child {
            case .background: break
            case .scenario(let scenario): add(scenario, ruleLine: nil)
            case .rule(let rule):
                for case .scenario(let scenario) in rule.children { add(scenario, ruleLine: rule.location.line) }
            }
        }
        var result: [String: Set<Int>] = [:]
        for pickle in pickles {
            var lines = common
            for id in pickle.astNodeIds { lines.formUnion(linesByNode[id] ?? []) }
            result[pickle.id] = lines
        }
        return result
    }

    /// The pickles the targets and this filter select, in file order.
    /// - Throws: ``SelectionError`` when a `path:line` selects nothing or a name pattern is not a regular expression.
    public func select(
        _ sources: [FeatureSource], targets: [String: [FeatureTarget]]
    ) throws(SelectionError) -> [Pickle] {
        var selected: [Pickle] = []
        for source in sources {
            guard let document = source.document else { continue }
            let fileTargets = targets[source.uri] ?? []
            let lines = Set(fileTargets.flatMap(\.lines))
            if fileTargets.isEmpty || fileTargets.contains(where: { $0.lines.isEmpty }) {
                selected += source.pickles
                continue
            }
            let selecting = Self.selectingLines(of: document, pickles: source.pickles)
            for line in lines.sorted()
            where !source.pickles.contains(where: { selecting[$0.id]?.contains(line) == true }) {
                throw SelectionError("\(source.uri):\(line) is not a line of any scenario or examples row")
            }
            selected += source.pickles.filter { !(selecting[$0.id] ?? []).isDisjoint(with: lines) }
        }
        if let tags {
            selected = selected.filter { tags.matches($0.tags.map(\.name)) }
        }
        if !names.isEmpty {
            var patterns: [NSRegularExpression] = []
            for name in names {
                guard let pattern = try? NSRegularExpression(pattern: name) else {
                    throw SelectionError("--name \(name): not a regular expression")
                }
                patterns.append(pattern)
            }
            selected = selected.filter { pickle in
                let range = NSRange(pickle.name.startIndex..., in: pickle.name)
                return patterns.contains { $0.firstMatch(in: pickle.name, range: range) != nil }
            }
        }
        if let shard {
            selected = selected.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
        }
        return selected
    }
}
