/// A named kind of parameter, `{name}` in a Cucumber Expression: the regular expressions its text matches, and how
/// that text becomes a value.
///
/// ```swift
/// let color = try ParameterType(name: "color", regexps: ["red|blue|yellow"]) { values in
///     values[0].flatMap(Color.init(rawValue:))
/// }
/// var registry = ParameterTypeRegistry()
/// try registry.define(color)
/// ```
public struct ParameterType: Sendable {
    /// Turns the text a parameter matched into its value.
    ///
    /// It receives the values of the parameter's capture groups: a single element (the whole match) when the
    /// parameter's regular expressions have no capture groups of their own, else one element for each of their
    /// outermost capture groups. An element is `nil` where its group did not take part in the match.
    public typealias Transformer = @Sendable ([String?]) throws -> (any Sendable)?

    /// The name, as written between `{` and `}`; empty for the anonymous parameter type, `{}`.
    public let name: String
    /// The regular expressions (ICU syntax, as `NSRegularExpression` takes them) the parameter's text matches; a
    /// Cucumber Expression tries them in order.
    public let regexps: [String]
    /// Turns the matched text into the argument's value.
    public let transform: Transformer
    /// Whether snippets for undefined steps may use this type (see ``CucumberExpressionGenerator``).
    public let useForSnippets: Bool
    /// Whether a regular expression's capture group that has this type's regular expression gets this type rather
    /// than any other type sharing that regular expression. At most one type per regular expression may prefer.
    public let preferForRegexpMatch: Bool
    /// Whether this is one of the types every ``ParameterTypeRegistry`` starts with.
    public let isBuiltIn: Bool
    /// Whether the transform gets the whole group's text even when the group has capture groups inside it (the
    /// types a ``RegularExpression`` makes up for capture groups no parameter type claims).
    let transformsWholeGroup: Bool

    /// Creates a parameter type.
    ///
    /// - Parameters:
    ///   - name: The name, as written between `{` and `}`. It may not contain `{`, `}`, `(`, `)`, `\` or `/`.
    ///   - regexps: The regular expressions the parameter's text matches.
    ///   - useForSnippets: Whether snippets for undefined steps may use this type.
    ///   - preferForRegexpMatch: Whether this type wins over others with the same regular expression when a
    ///     regular expression step is matched.
    ///   - transform: Turns the values of the capture groups into the argument's value; by default the first
    ///     value, unchanged.
    /// - Throws: ``CucumberExpressionError`` (``CucumberExpressionError/Kind/invalidParameterTypeName``) for a name
    ///   with a reserved character.
    public init(
        name: String, regexps: [String], useForSnippets: Bool = true, preferForRegexpMatch: Bool = false,
        transform: @escaping Transformer = ParameterType.firstValue
    ) throws(CucumberExpressionError) {
        if name.unicodeScalars.contains(where: Self.reservedInNames.contains) {
            throw CucumberExpressionError(
                .invalidParameterTypeName,
                message: "Illegal character in parameter name {\(name)}. "
                    + #"Parameter names may not contain '{', '}', '(', ')', '\' or '/'"#)
        }
        self.init(
            unchecked: name, regexps: regexps, useForSnippets: useForSnippets,
            preferForRegexpMatch: preferForRegexpMatch, transform: transform)
    }

    /// Creates a parameter type with a single regular expression; see
    /// ``init(name:regexps:useForSnippets:preferForRegexpMatch:transform:)``.
    public init(
        name: String, regexp: String, useForSnippets: Bool = true, preferForRegexpMatch: Bool = false,
        transform: @escaping Transformer = ParameterType.firstValue
    ) throws(CucumberExpressionError) {
        try self.init(
            name: name, regexps: [regexp], useForSnippets: useForSnippets, preferForRegexpMatch: preferForRegexpMatch,
            transform: transform)
    }

    init(
        unchecked name: String, regexps: [String], useForSnippets: Bool, preferForRegexpMatch: Bool,
        isBuiltIn: Bool = false, transformsWholeGroup: Bool = false, transform: @escaping Transformer
    ) {
        self.name = name
        self.regexps = regexps
        self.useForSnippets = useForSnippets
        self.preferForRegexpMatch = preferForRegexpMatch
        self.isBuiltIn = isBuiltIn
        self.transformsWholeGroup = transformsWholeGroup
        self.transform = transform
    }

    /// Whether this is the anonymous parameter type, `{}`, or one a ``RegularExpression`` made up.
    public var isAnonymous: Bool { name.isEmpty }

    /// The default transform: the first capture group's value, unchanged.
    public static let firstValue: Transformer = { values in values.first ?? nil }

    /// The characters a parameter type's name may not contain.
    static let reservedInNames: Set<Unicode.Scalar> = ["{", "}", "(", ")", "\\", "/"]

    /// Orders types preferential first, then by name (the order ambiguity errors and snippets list them in).
    static func areInIncreasingOrder(_ lhs: ParameterType, _ rhs: ParameterType) -> Bool {
        if lhs.preferForRegexpMatch != rhs.preferForRegexpMatch {
            return lhs.preferForRegexpMatch
        }
        return lhs.name < rhs.name
    }
}
