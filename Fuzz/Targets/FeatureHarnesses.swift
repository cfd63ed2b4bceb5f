#if DEBUG
import CucumberExpressions
import FeatureRunner
import Foundation
import Gherkin

/// The readers of what feature files and step definitions hold: Gherkin, tag expressions, Cucumber Expressions.
enum FeatureHarnesses {
    private static let parser = GherkinParser()
    private static let registry = ParameterTypeRegistry()

    /// Parses a feature file and compiles its pickles.
    static func gherkin(_ data: Data) {
        var ids = IdGenerator()
        guard let document = try? parser.parse(String(decoding: data, as: UTF8.self), uri: "fuzz.feature", ids: &ids)
        else { return }
        _ = PickleCompiler().compile(document, ids: &ids)
    }

    /// Parses a tag expression; what parses, printed and parsed again, is the same expression, but for whitespace in
    /// tag names: the printer escapes every whitespace character as `\ ` (as the reference implementation does), so
    /// an escaped tab or line feed comes back as a space.
    static func tagExpression(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard let expression = try? TagExpression(text) else { return }
        _ = expression.matches(["@fuzz", "@wip", "@a"])
        let printed = expression.description
        let reparsed: TagExpression
        do {
            reparsed = try TagExpression(printed)
        } catch {
            preconditionFailure("the printed tag expression \(printed) of \(text) does not parse: \(error)")
        }
        precondition(
            reparsed == spacesForWhitespace(expression), "\(text) printed as \(printed) parses as \(reparsed)")
    }

    /// The expression with every whitespace character of its tag names replaced by a space.
    private static func spacesForWhitespace(_ expression: TagExpression) -> TagExpression {
        switch expression {
        case .all: .all
        case .tag(let name):
            .tag(String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 })))
        case .not(let inner): .not(spacesForWhitespace(inner))
        case .and(let left, let right): .and(spacesForWhitespace(left), spacesForWhitespace(right))
        case .or(let left, let right): .or(spacesForWhitespace(left), spacesForWhitespace(right))
        }
    }

    /// An expression on the first line (a Cucumber Expression, or a regular expression as `^...$` or `/.../`), and
    /// step text on the rest: the expression is compiled and matched, and expressions are generated from the text.
    static func cucumberExpression(_ data: Data) {
        let (source, rest) = FuzzInput.firstLine(of: Array(data))
        let text = String(decoding: rest, as: UTF8.self)
        if let expression = try? ExpressionFactory(registry: registry).createExpression(source) {
            _ = try? expression.match(text)
        }
        if let expression = try? CucumberExpression(source, registry: registry) {
            _ = try? expression.match(text)
        }
        _ = CucumberExpressionGenerator(registry: registry).generateExpressions(text).map(\.source)
    }
}
#endif
