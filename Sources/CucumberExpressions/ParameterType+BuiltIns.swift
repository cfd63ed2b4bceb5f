import Foundation

/// The parameter types every ``ParameterTypeRegistry`` starts with.
///
/// | Name           | Matches                                   | Value                                               |
/// |----------------|-------------------------------------------|-----------------------------------------------------|
/// | `{int}`        | `-?\d+` or `\d+`                          | `Int`                                               |
/// | `{float}`      | a decimal number, `.5`, `+1.5E+3`, …      | `Float`                                             |
/// | `{word}`       | `[^\s]+`                                  | `String`                                            |
/// | `{string}`     | `"…"` or `'…'`, with `\"` / `\'` escapes  | `String`: the text between the quotes, unescaped    |
/// | `{}`           | `.*`                                      | `String`                                            |
/// | `{double}`     | as `{float}`                              | `Double`                                            |
/// | `{bigdecimal}` | as `{float}`                              | `Decimal` (38 significant digits; see below)        |
/// | `{byte}`       | as `{int}`                                | `Int8`                                              |
/// | `{short}`      | as `{int}`                                | `Int16`                                             |
/// | `{long}`       | as `{int}`                                | `Int64`                                             |
/// | `{biginteger}` | as `{int}`                                | `String`: the digits as matched, sign included      |
///
/// Only `{int}`, `{float}` and `{string}` are used for snippets; `{int}` and `{}` are preferred for regular
/// expression matches. A number out of its type's range is an error (``CucumberExpressionError/Kind/invalidValue``)
/// when the argument's value is read. Foundation has no arbitrary-precision integer, so `{biginteger}` keeps the
/// digits as a `String`; `Decimal` keeps 38 significant digits, so `{bigdecimal}` rounds longer numbers (the exact
/// text is still the argument's ``Argument/group`` value).
extension ParameterType {
    static let integerRegexps = [#"-?\d+"#, #"\d+"#]
    static let floatRegexp = #"(?=.*\d.*)[-+]?\d*(?:\.(?=\d.*))?\d*(?:\d+[E][+-]?\d+)?"#
    static let wordRegexp = #"[^\s]+"#
    static let stringRegexps = [#""([^"\\]*(\\.[^"\\]*)*)""#, #"'([^'\\]*(\\.[^'\\]*)*)'"#]
    static let anonymousRegexp = ".*"
    /// Numbers are written with a `.` for decimal point, whatever the user's locale.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The built-in types, in the order a registry defines them.
    static let builtIns: [ParameterType] = [
        builtIn("int", integerRegexps, snippets: true, prefer: true) { text throws(CucumberExpressionError) in
            try number(text, as: Int.self, named: "int")
        },
        builtIn("float", [floatRegexp], snippets: true) { text throws(CucumberExpressionError) in
            try number(Float(text), text, named: "float")
        },
        builtIn("word", [wordRegexp]) { text in text },
        ParameterType(
            unchecked: "string", regexps: stringRegexps, useForSnippets: true, preferForRegexpMatch: false,
            isBuiltIn: true, transform: unquote),
        builtIn("", [anonymousRegexp], prefer: true) { text in text },
        builtIn("double", [floatRegexp]) { text throws(CucumberExpressionError) in
            try number(Double(text), text, named: "double")
        },
        builtIn("bigdecimal", [floatRegexp]) { text throws(CucumberExpressionError) in
            try number(Decimal(string: text, locale: posix), text, named: "bigdecimal")
        },
        builtIn("byte", integerRegexps) { text throws(CucumberExpressionError) in
            try number(text, as: Int8.self, named: "byte")
        },
        builtIn("short", integerRegexps) { text throws(CucumberExpressionError) in
            try number(text, as: Int16.self, named: "short")
        },
        builtIn("long", integerRegexps) { text throws(CucumberExpressionError) in
            try number(text, as: Int64.self, named: "long")
        },
        builtIn("biginteger", integerRegexps) { text in text },
    ]

    /// A built-in type whose value comes from its single group; an unmatched group is a `nil` value.
    private static func builtIn(
        _ name: String, _ regexps: [String], snippets: Bool = false, prefer: Bool = false,
        convert: @escaping @Sendable (String) throws(CucumberExpressionError) -> any Sendable
    ) -> ParameterType {
        ParameterType(
            unchecked: name, regexps: regexps, useForSnippets: snippets, preferForRegexpMatch: prefer, isBuiltIn: true
        ) { values in
            guard let text = values.first ?? nil else { return nil }
            return try convert(text)
        }
    }

    private static func number<Number: FixedWidthInteger & Sendable>(
        _ text: String, as type: Number.Type, named name: String
    ) throws(CucumberExpressionError) -> Number {
        try number(Number(text), text, named: name)
    }

    private static func number<Number: Sendable>(
        _ value: Number?, _ text: String, named name: String
    ) throws(CucumberExpressionError) -> Number {
        guard let value else {
            throw CucumberExpressionError(.invalidValue, message: "Can't convert '\(text)' to {\(name)}")
        }
        return value
    }

    /// `{string}`'s transform: the text inside whichever quotes matched, with `\"` and `\'` unescaped.
    private static let unquote: Transformer = { values in
        guard let inside = values.lazy.compactMap({ $0 }).first else { return nil }
        return inside.replacingOccurrences(of: #"\""#, with: "\"").replacingOccurrences(of: #"\'"#, with: "'")
    }
}
