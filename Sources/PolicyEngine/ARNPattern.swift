/// ARN matching as the `ArnEquals` and `ArnLike` condition operators do it.
///
/// Each of the six colon-separated components is compared on its own, case-sensitively, and each may hold `*` and
/// `?` wildcards; a wildcard never spans the colons between the first five components. The resource component
/// (everything after the fifth colon) may itself contain colons.
///
/// ```swift
/// ARNPattern("arn:aws:iam::*:role/databricks-*").matches("arn:aws:iam::123456789012:role/databricks-x") // true
/// ARNPattern("arn:aws:*").matches("arn:aws:iam::123456789012:root")  // false: six components required
/// ```
///
/// `Resource` elements match differently: there the whole ARN is one ``WildcardPattern``.
public struct ARNPattern: Sendable, Hashable {
    private let components: [WildcardPattern]?

    /// Creates a pattern.
    /// - Parameter pattern: An ARN whose components may hold wildcards.
    public init(_ pattern: String) {
        components = ARN.components(of: pattern)?.map { WildcardPattern(String($0)) }
    }

    /// Creates a pattern from segments in which substituted values are literal (see ``PolicyVariables``).
    public init(segments: [PolicyVariables.Segment]) {
        // Components are split on the policy text only: a colon inside a substituted value stays in its component.
        var components: [[PolicyVariables.Segment]] = [[]]
        for segment in segments {
            guard case .pattern(let text) = segment else {
                components[components.count - 1].append(segment)
                continue
            }
            var current = ""
            for character in text {
                if character == ":" && components.count < 6 {
                    components[components.count - 1].append(.pattern(current))
                    components.append([])
                    current = ""
                } else {
                    current.append(character)
                }
            }
            components[components.count - 1].append(.pattern(current))
        }
        self.components = components.count == 6 ? components.map { WildcardPattern(segments: $0) } : nil
    }

    /// Whether an ARN matches the pattern component by component.
    public func matches(_ arn: String) -> Bool {
        guard let components, let values = ARN.components(of: arn) else { return false }
        return zip(components, values).allSatisfy { $0.matches(String($1)) }
    }
}
