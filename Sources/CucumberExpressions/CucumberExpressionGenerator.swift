/// Suggests Cucumber Expressions for a step text, for the snippet of an undefined step.
///
/// Each word of the text that a snippet-worthy parameter type (``ParameterType/useForSnippets``) matches becomes
/// a parameter; where several types match the same word, each becomes its own suggestion, preferential types first.
/// The rest of the text is kept, with `(`, `{`, `/` and `\` escaped.
///
/// ```swift
/// let generator = CucumberExpressionGenerator(registry: ParameterTypeRegistry())
/// let expressions = generator.generateExpressions(#"I have 3 cukes in my "belly""#)
/// expressions[0].source          // I have {int} cukes in my {string}
/// expressions[0].parameterNames  // ["int", "string"]
/// expressions[1].source          // I have {float} cukes in my {string}
/// ```
public struct CucumberExpressionGenerator: Sendable {
    /// Suggestions stop at this many.
    public static let maximumExpressions = 256

    private let matchers: [ParameterTypeMatcher]

    /// A generator using the snippet-worthy types of `registry`.
    public init(registry: ParameterTypeRegistry) {
        self.init(parameterTypes: registry.parameterTypes)
    }

    /// A generator using the snippet-worthy types among `parameterTypes`.
    public init(parameterTypes: [ParameterType]) {
        matchers = parameterTypes.filter(\.useForSnippets).flatMap { parameterType in
            parameterType.regexps.compactMap { ParameterTypeMatcher(parameterType, regexp: $0) }
        }
    }

    /// The suggested expressions for `text`, best first (at most ``maximumExpressions``).
    public func generateExpressions(_ text: String) -> [GeneratedExpression] {
        let subject = ParameterTypeMatcher.Subject(text)
        let length = subject.units.count
        var literals: [String] = []
        var choices: [[ParameterType]] = []
        var position = 0
        while position < length {
            let matches = matchers.compactMap { $0.firstWordMatch(in: subject, from: position) }
            // The earliest match, the longest among those.
            guard
                let best = matches.min(by: { lhs, rhs in
                    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.length > rhs.length
                })
            else { break }
            var types: [ParameterType] = []
            for match in matches where match.start == best.start && match.length == best.length {
                if !types.contains(where: { $0.name == match.parameterType.name }) {
                    types.append(match.parameterType)
                }
            }
            choices.append(types.sorted(by: ParameterType.areInIncreasingOrder))
            literals.append(Self.escape(subject.units[position..<best.start]))
            position = best.start + best.length
        }
        literals.append(Self.escape(subject.units[min(position, length)...]))

        var expressions: [GeneratedExpression] = []
        combine(choices, literals: literals, chosen: [], into: &expressions)
        return expressions
    }

    /// Every combination of one type from each of `choices` (depth first, in order), up to the maximum.
    private func combine(
        _ choices: [[ParameterType]], literals: [String], chosen: [ParameterType],
        into expressions: inout [GeneratedExpression]
    ) {
        guard expressions.count < Self.maximumExpressions else { return }
        guard chosen.count < choices.count else {
            expressions.append(GeneratedExpression(literals: literals, parameterTypes: chosen))
            return
        }
        for parameterType in choices[chosen.count] {
            guard expressions.count < Self.maximumExpressions else { return }
            combine(choices, literals: literals, chosen: chosen + [parameterType], into: &expressions)
        }
    }

    /// The text of `units` as literal Cucumber Expression text.
    private static func escape(_ units: ArraySlice<UInt16>) -> String {
        var escaped = ""
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            if scalar == "(" || scalar == "{" || scalar == "/" || scalar == "\\" {
                escaped.unicodeScalars.append("\\")
            }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }
}
