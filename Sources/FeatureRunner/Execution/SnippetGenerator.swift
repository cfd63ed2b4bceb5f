import CucumberExpressions
import Gherkin

/// Writes a ready-to-paste Swift step definition for an undefined step, its expression generated from the step's text
/// the way Cucumber generates it (numbers as `{int}` / `{float}`, quoted text as `{string}`).
struct SnippetGenerator: Sendable {
    let generator: CucumberExpressionGenerator

    init(registry: ParameterTypeRegistry) {
        generator = CucumberExpressionGenerator(registry: registry)
    }

    /// The Swift type a parameter type's values have, for `step.argument(i, as: T.self)`.
    static func swiftType(of parameterType: ParameterType) -> String {
        switch parameterType.name {
        case "int": "Int"
        case "float": "Float"
        case "double": "Double"
        case "bigdecimal": "Decimal"
        case "byte": "Int8"
        case "short": "Int16"
        case "long": "Int64"
        case "word", "string", "", "biginteger": "String"
        default: "<#\(parameterType.name)#>"
        }
    }

    static func method(for type: StepKeywordType?) -> String {
        switch type {
        case .context: "given"
        case .action: "when"
        case .outcome: "then"
        default: "step"
        }
    }

    /// A Swift string literal of `text` (raw when it has quotes or backslashes).
    static func literal(_ text: String) -> String {
        guard text.contains("\"") || text.contains("\\") else { return "\"\(text)\"" }
        var hashes = "#"
        while text.contains("\"\(hashes)") { hashes += "#" }
        return "\(hashes)\"\(text)\"\(hashes)"
    }

    func snippet(for step: PickleStep, keyword: String?) -> String {
        let generated = generator.generateExpressions(step.text).first
        let source = generated?.source ?? step.text
        var lines = ["steps.\(Self.method(for: step.type))(\(Self.literal(source))) { world, step in"]
        if let generated {
            for (index, (type, name)) in zip(generated.parameterTypes, generated.parameterNames).enumerated() {
                lines.append("    let \(name) = try step.argument(\(index), as: \(Self.swiftType(of: type)).self)")
            }
        }
        if step.argument?.docString != nil { lines.append("    let docString = step.docString?.content") }
        if step.argument?.dataTable != nil { lines.append("    let rows = step.dataTable?.values ?? []") }
        lines.append("    throw PendingStep(\"Write code here that turns the phrase above into concrete actions\")")
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
