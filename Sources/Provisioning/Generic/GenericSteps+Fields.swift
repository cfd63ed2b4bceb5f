import AWSWire
import FeatureRunner
import Foundation

extension GenericSteps {
    /// The steps on fields of a JSON response, by ``JSONPath``.
    static func registerFieldAssertions(_ steps: inout StepRegistrar) {
        steps.add(
            "the response field {string} is {string}",
            "Checks that a JSON field is this string (a number or boolean fails: compare it with `is 3`, `is true`).",
            example: #"Then the response field "root_bucket_info.bucket_name" is "${unique:root}""#
        ) { context, step in
            let (path, value) = try context.field(step)
            let expected = try step.string(1, in: context)
            guard let string = value.string else {
                throw StepFailure(
                    "field \"\(path)\" is \(FuzzyMatcher.describe(value)), not the string \"\(expected)\""
                        + (value.plainText == expected ? " (compare it without quotes: is \(expected))" : ""))
            }
            try expect(string == expected, "field \"\(path)\" is \"\(string)\", not \"\(expected)\"")
        }
        steps.add(
            "the response field {string} is {int}", "Checks that a JSON field is this number.",
            example: #"Then the response field "StreamDescriptionSummary.OpenShardCount" is 1"#
        ) { context, step in
            let (path, value) = try context.field(step)
            let expected: Int = try step.argument(1)
            try expect(
                FuzzyMatcher.equal(value, .integer(Int64(expected))),
                "field \"\(path)\" is \(FuzzyMatcher.describe(value)), not \(expected)")
        }
        for literal in ["true", "false", "null"] {
            steps.add(
                "the response field {string} is \(literal)", "Checks that a JSON field is \(literal).",
                example: #"Then the response field "is_no_public_ip_enabled" is \#(literal)"#
            ) { context, step in
                let (path, value) = try context.field(step)
                let expected: AWSDocument = literal == "null" ? .null : .bool(literal == "true")
                try expect(value == expected, "field \"\(path)\" is \(FuzzyMatcher.describe(value)), not \(literal)")
            }
        }
        steps.add(
            "the response field {string} matches {string}",
            "Checks a JSON field's text (numbers and booleans as JSON writes them) against a regular expression that "
                + "must match it whole.",
            example: #"Then the response field "storage_configuration_id" matches "[0-9a-f-]{36}""#
        ) { context, step in
            let (path, value) = try context.field(step)
            let pattern = try step.string(1, in: context)
            try expect(
                try Comparison.matches.test(value.plainText, pattern),
                "field \"\(path)\" is \(FuzzyMatcher.describe(value)), which does not match \(pattern)")
        }
        steps.add(
            "the response field {string} contains {string}",
            "Checks that a JSON string field contains the text, an array has an element that is this string (or "
                + "whose text it is), or an object has this member.",
            example: #"Then the response field "Statement[0].Action" contains "s3:GetObject""#
        ) { context, step in
            let (path, value) = try context.field(step)
            let expected = try step.string(1, in: context)
            let found: Bool
            switch value {
            case .list(let items): found = items.contains { $0.plainText == expected }
            case .map(let members): found = members[expected] != nil
            default: found = value.plainText.contains(expected)
            }
            try expect(
                found, "field \"\(path)\" is \(FuzzyMatcher.describe(value)), which does not contain \"\(expected)\"")
        }
        steps.add(
            "the response field {string} is present", "Checks that the JSON path reaches a value (null counts).",
            example: #"Then the response field "credentials_id" is present"#
        ) { context, step in
            _ = try context.field(step)
        }
        steps.add(
            "the response field {string} is absent", "Checks that the JSON path reaches nothing.",
            example: #"Then the response field "error_code" is absent"#
        ) { context, step in
            let path = try step.string(0, in: context)
            if let value = try context.lastResponse().field(path) {
                throw StepFailure("field \"\(path)\" is \(FuzzyMatcher.describe(value)), but should be absent")
            }
        }
        steps.add(
            "the response field {string} has {int} item(s)",
            "Checks the number of elements of a JSON array (or members of an object).",
            example: #"Then the response field "Statement" has 1 item"#
        ) { context, step in
            let (path, value) = try context.field(step)
            let expected: Int = try step.argument(1)
            let count: Int
            switch value {
            case .list(let items): count = items.count
            case .map(let members): count = members.count
            default: throw StepFailure("field \"\(path)\" is \(FuzzyMatcher.describe(value)), not an array")
            }
            try expect(
                count == expected,
                "field \"\(path)\" has \(count) items, not \(expected): \(FuzzyMatcher.describe(value))")
        }
        for (mode, word) in [(FuzzyMatcher.Mode.equals, "matches"), (.contains, "contains")] {
            let how =
                mode == .equals
                ? "exactly the expected members and elements"
                : "at least the expected members, arrays holding the expected elements in any order"
            steps.add(
                "the response \(word):",
                "Compares the whole JSON response with a doc string (placeholders allowed) holding \(how); fuzzy "
                    + "markers stand for values: #string #number #boolean #array #object #null #notnull #present "
                    + "#notpresent #ignore #uuid #regex PATTERN #[N] and ##marker (optional).",
                example: "Then the response \(word):\n  \"\"\"json\n  {\"credentials_id\": \"#uuid\", "
                    + "\"creation_time\": \"#number\"\(mode == .equals ? ", \"account_id\": \"#string\"" : "")}\n  \"\"\""
            ) { context, step in
                try context.fuzzy(step, path: nil, mode: mode)
            }
            steps.add(
                "the response field {string} \(word):",
                "Compares a JSON field with a doc string, as `the response \(word):` does.",
                example: "Then the response field \"aws_credentials.sts_role\" \(word):\n  \"\"\"json\n"
                    + "  {\"role_arn\": \"#regex arn:aws:iam::.*\"\(mode == .equals ? ", \"external_id\": \"#uuid\"" : "")}\n"
                    + "  \"\"\""
            ) { context, step in
                try context.fuzzy(step, path: try step.string(0, in: context), mode: mode)
            }
        }
    }
}

extension ScenarioContext {
    /// The path of argument 0 and the value it reaches in the last response.
    /// - Throws: ``StepFailure`` when the path reaches nothing, with the response's start.
    func field(_ step: StepCall) throws -> (String, AWSDocument) {
        let path = try step.string(0, in: self)
        let response = try lastResponse()
        guard let value = try response.field(path) else {
            throw StepFailure(
                "the response has no field \"\(path)\" (HTTP \(response.status)): \(response.text.prefix(500))")
        }
        return (path, value)
    }

    /// Fuzzy comparison of the response (or one field of it) with the step's doc string.
    func fuzzy(_ step: StepCall, path: String?, mode: FuzzyMatcher.Mode) throws {
        let expected = try parseJSON(try docString(step, json: true), what: "the doc string")
        let response = try lastResponse()
        let document = try response.json()
        let actual = try path.map { try JSONPath($0).evaluate(document) } ?? document
        let problems = FuzzyMatcher.mismatches(expected: expected, actual: actual, mode: mode, path: path ?? "$")
        guard problems.isEmpty else {
            throw StepFailure(
                "the response does not match:\n" + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
                    + "\nThe response: \(response.text.prefix(800))")
        }
    }
}
