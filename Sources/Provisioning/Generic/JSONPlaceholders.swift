import AWSWire
import FeatureRunner

extension ScenarioContext {
    /// Replaces the placeholders of a JSON text: inside a string literal a value is escaped as JSON needs (so a
    /// remembered policy document goes whole into `"AssumeRolePolicyDocument": "${trust}"`); outside one it is
    /// inserted as it is (`"num_workers": ${workers}`).
    /// - Throws: ``StepFailure`` for an unknown placeholder, as ``expand(_:)`` does.
    func expandJSON(_ text: String) throws -> String {
        guard text.contains("${") else { return text }
        var output = ""
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "$", text[index...].hasPrefix("${"), !escaped,
                let close = text[index...].firstIndex(of: "}")
            {
                let value = try expand(String(text[index...close]))
                output += inString ? Self.jsonEscaped(value) : value
                index = text.index(after: close)
                continue
            }
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            }
            output.append(character)
            index = text.index(after: index)
        }
        return output
    }

    /// A text as the inside of a JSON string literal.
    static func jsonEscaped(_ value: String) -> String {
        let literal = String(decoding: AWSDocument.string(value).jsonBytes(), as: UTF8.self)
        return String(literal.dropFirst().dropLast())
    }
}
