import Foundation

/// A step expression written as a regular expression (ICU syntax, as `NSRegularExpression` takes it).
///
/// Each outermost capture group is a parameter. A group whose pattern is a parameter type's regular expression (say
/// `(\d+)` or `(-?\d+)`, `{int}`'s) gets that type, or the preferential one among several; any other group gets an
/// anonymous type whose value is the group's text. Capture groups nested in a parameter's group are passed to its
/// type's transform (see ``ParameterType/Transformer``).
///
/// ```swift
/// let expression = try RegularExpression(#"^I have (\d+) cukes? in my "([^"]*)"$"#, registry: ParameterTypeRegistry())
/// let arguments = try expression.match(#"I have 42 cukes in my "belly""#)
/// try arguments?[0].value  // 42 (an Int)
/// try arguments?[1].value  // "belly"
/// ```
///
/// Unlike a ``CucumberExpression``, the pattern is not anchored for you: write `^` and `$` to match whole texts.
public struct RegularExpression: StepExpression {
    /// The regular expression as written.
    public let source: String
    private let treeRegexp: TreeRegexp
    private let resolution: Resolution

    /// How the capture groups map to parameter types, worked out once.
    private enum Resolution: Sendable {
        case resolved([ParameterType])
        /// A group several parameter types claim: an error when a text matches, suggesting Cucumber Expressions for
        /// that text.
        case ambiguous(regexp: String, candidates: [ParameterType], registry: ParameterTypeRegistry)
    }

    /// Compiles `pattern`, resolving its capture groups' parameter types in `registry`.
    ///
    /// - Throws: ``CucumberExpressionError`` (``CucumberExpressionError/Kind/invalidRegularExpression``) when the
    ///   pattern does not compile.
    public init(_ pattern: String, registry: ParameterTypeRegistry) throws(CucumberExpressionError) {
        self.init(treeRegexp: try TreeRegexp(pattern), registry: registry)
    }

    /// Uses an already compiled regular expression (with the options it was compiled with, case insensitivity for
    /// instance), resolving its capture groups' parameter types in `registry`.
    public init(_ regex: NSRegularExpression, registry: ParameterTypeRegistry) {
        self.init(treeRegexp: TreeRegexp(regex), registry: registry)
    }

    private init(treeRegexp: TreeRegexp, registry: ParameterTypeRegistry) {
        self.treeRegexp = treeRegexp
        source = treeRegexp.pattern
        var parameterTypes: [ParameterType] = []
        for group in treeRegexp.root.children {
            let candidates = group.source.map(registry.parameterTypes(withRegexp:)) ?? []
            if let first = candidates.first {
                if candidates.count > 1 && !first.preferForRegexpMatch {
                    resolution = .ambiguous(regexp: group.source ?? "", candidates: candidates, registry: registry)
                    return
                }
                parameterTypes.append(first)
            } else {
                parameterTypes.append(Self.anonymousType(for: group.source ?? ""))
            }
        }
        resolution = .resolved(parameterTypes)
    }

    /// The type of a capture group no parameter type claims: its value is the group's text.
    private static func anonymousType(for regexp: String) -> ParameterType {
        ParameterType(
            unchecked: "", regexps: [regexp], useForSnippets: false, preferForRegexpMatch: false,
            transformsWholeGroup: true, transform: ParameterType.firstValue)
    }

    /// The types of the capture groups, in order; `nil` when several parameter types claim a group and none of them
    /// is preferential (matching then throws).
    public var parameterTypes: [ParameterType]? {
        if case .resolved(let types) = resolution { types } else { nil }
    }

    /// The arguments of `text` when the regular expression matches it, else `nil`.
    ///
    /// - Throws: ``CucumberExpressionError`` (``CucumberExpressionError/Kind/ambiguousParameterType``) when the
    ///   text matches and several parameter types claim one of the capture groups, none of them preferential.
    public func match(_ text: String) throws(CucumberExpressionError) -> [Argument]? {
        guard let group = treeRegexp.match(text) else { return nil }
        switch resolution {
        case .resolved(let parameterTypes):
            return try Argument.build(group, parameterTypes)
        case .ambiguous(let regexp, let candidates, let registry):
            throw registry.ambiguity(regexp: regexp, in: source, text: text, candidates: candidates)
        }
    }
}

extension RegularExpression: CustomStringConvertible {
    /// The regular expression as written.
    public var description: String { source }
}
