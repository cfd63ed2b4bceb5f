import AWSWire
import FeatureRunner

/// A path into a JSON document, as the generic steps write it: `cluster_id`, `a.b[0].c`, `$.items[-1].name`,
/// `tags['brickyard:run-id']`, `clusters[*].state`.
///
/// - `.name` or a leading `name` selects an object member; `['name']` or `["name"]` one whose name has dots or
///   brackets.
/// - `[N]` selects an array element (negative counts from the end).
/// - `[*]` (or `.*`) selects every element of an array or member of an object; the path then gives all the values
///   it reaches, as an array.
/// - `$` alone is the whole document; a leading `$.` is allowed and ignored.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Segment: Sendable, Hashable {
        case member(String)
        case index(Int)
        case wildcard
    }

    /// The steps, in order.
    public let segments: [Segment]
    /// The path as written.
    public let description: String

    /// Parses a path.
    /// - Throws: ``StepFailure`` saying where the path is malformed and what a path looks like.
    public init(_ text: String) throws {
        description = text
        var segments: [Segment] = []
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("$") { rest = rest.dropFirst() }
        func fail(_ reason: String) -> StepFailure {
            StepFailure(
                "the JSON path \"\(text)\" \(reason); a path looks like a.b[0].c, $.items[-1].name, "
                    + "tags['key.with.dots'] or clusters[*].state")
        }
        var expectsName = !rest.isEmpty && rest.first != "." && rest.first != "["
        while !rest.isEmpty || expectsName {
            if expectsName || rest.first == "." {
                if !expectsName { rest = rest.dropFirst() }
                expectsName = false
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { throw fail("has an empty member name") }
                guard !name.contains("]") else { throw fail("has a ] without [") }
                segments.append(name == "*" ? .wildcard : .member(String(name)))
                rest = rest.dropFirst(name.count)
            } else if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw fail("has a [ without ]") }
                let inside = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                if inside == "*" {
                    segments.append(.wildcard)
                } else if let index = Int(inside) {
                    segments.append(.index(index))
                } else if inside.count >= 2, let quote = inside.first, quote == "'" || quote == "\"",
                    inside.last == quote
                {
                    segments.append(.member(String(inside.dropFirst().dropLast())))
                } else {
                    throw fail("has [\(inside)], which is neither an index, * nor a quoted name")
                }
                rest = rest[rest.index(after: close)...]
            } else {
                throw fail("has \"\(rest.prefix(20))\" where . or [ was expected")
            }
        }
        self.segments = segments
    }

    /// Whether the path can reach several values (it has a wildcard).
    public var isMulti: Bool { segments.contains(.wildcard) }

    /// The value the path reaches in a document: `nil` when a member or element is missing; with a wildcard, an
    /// array of every value reached (missing ones left out).
    public func evaluate(_ document: AWSDocument) -> AWSDocument? {
        var current: [AWSDocument] = [document]
        for segment in segments {
            current = current.flatMap { value -> [AWSDocument] in
                switch (segment, value) {
                case (.member(let name), .map(let members)):
                    return members[name].map { [$0] } ?? []
                case (.index(let index), .list(let items)):
                    let position = index < 0 ? items.count + index : index
                    return items.indices.contains(position) ? [items[position]] : []
                case (.wildcard, .list(let items)):
                    return items
                case (.wildcard, .map(let members)):
                    return members.keys.sorted().compactMap { members[$0] }
                default:
                    return []
                }
            }
        }
        if isMulti { return .list(current) }
        return current.first
    }
}
