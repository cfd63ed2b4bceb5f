import AWSWire
import FeatureRunner
import Foundation

extension GenericSteps {
    /// How a text is compared with what a step expects.
    enum Comparison: String, CaseIterable {
        case isEqual = "is"
        case contains
        case matches

        /// Whether `text` satisfies the comparison; `matches` wants the regular expression to match the whole text.
        func test(_ text: String, _ expected: String) throws -> Bool {
            switch self {
            case .isEqual: return text == expected
            case .contains: return text.contains(expected)
            case .matches:
                guard let regex = try? Regex(expected) else {
                    throw StepFailure("\"\(expected)\" is not a regular expression")
                }
                return (try? regex.wholeMatch(in: text)) != nil
            }
        }
    }

    static func registerAssertions(_ steps: inout StepRegistrar) {
        steps.add(
            "the response status is {int}", "Checks the last response's HTTP status.",
            example: "Then the response status is 200"
        ) { context, step in
            let response = try context.lastResponse()
            let expected: Int = try step.argument(0)
            try expect(
                response.status == expected,
                "expected HTTP \(expected), but the response is HTTP \(response.status): \(response.text.prefix(500))")
        }
        steps.add(
            "the response body contains {string}", "Checks that the last response's body holds the text.",
            example: #"Then the response body contains "<IsTruncated>false</IsTruncated>""#
        ) { context, step in
            let response = try context.lastResponse()
            let text = try step.string(0, in: context)
            try expect(
                response.text.contains(text), "the response does not contain \"\(text)\": \(response.text.prefix(500))")
        }
        for comparison in Comparison.allCases {
            steps.add(
                "the response header {string} \(comparison.rawValue) {string}",
                "Checks a header of the last response (the name is case-insensitive; `matches` takes a regular "
                    + "expression that must match the whole value).",
                example:
                    #"Then the response header "Content-Type" \#(comparison.rawValue) "\#(comparison.headerExample)""#
            ) { context, step in
                let name = try step.string(0, in: context)
                let expected = try step.string(1, in: context)
                guard let value = try context.lastResponse().header(name) else {
                    throw StepFailure("the response has no header \"\(name)\"")
                }
                try expect(
                    try comparison.test(value, expected),
                    "header \"\(name)\" is \"\(value)\", which \(comparison.negated) \"\(expected)\"")
            }
            steps.add(
                "the response XPath {string} \(comparison.rawValue) {string}",
                "Evaluates an XPath 1.0 expression on the last (XML) response, namespaces ignored, and checks its text "
                    + "(a node set's first node; count() and string() give numbers and strings).",
                example:
                    #"Then the response XPath "//CreateRoleResult/Role/RoleName" \#(comparison.rawValue) "\#(comparison.xpathExample)""#
            ) { context, step in
                let expression = try step.string(0, in: context)
                let expected = try step.string(1, in: context)
                let value = try context.lastResponse().xpath(expression)
                guard value.isPresent else {
                    throw StepFailure("XPath \"\(expression)\" selects nothing in the response")
                }
                try expect(
                    try comparison.test(value.text, expected),
                    "XPath \"\(expression)\" is \"\(value.text)\", which \(comparison.negated) \"\(expected)\"")
            }
        }
        steps.add(
            "the response XPath {string} is present", "Checks that the XPath selects something in the last response.",
            example: #"Then the response XPath "//Role/Arn" is present"#
        ) { context, step in
            let expression = try step.string(0, in: context)
            try expect(
                try context.lastResponse().xpath(expression).isPresent, "XPath \"\(expression)\" selects nothing")
        }
        steps.add(
            "the response XPath {string} is absent", "Checks that the XPath selects nothing in the last response.",
            example: #"Then the response XPath "//Error" is absent"#
        ) { context, step in
            let expression = try step.string(0, in: context)
            let value = try context.lastResponse().xpath(expression)
            try expect(!value.isPresent, "XPath \"\(expression)\" selects \"\(value.text)\"")
        }
        steps.add(
            "the response header {string} is present", "Checks that the last response has the header.",
            example: #"Then the response header "x-amz-request-id" is present"#
        ) { context, step in
            let name = try step.string(0, in: context)
            try expect(try context.lastResponse().header(name) != nil, "the response has no header \"\(name)\"")
        }
        registerFieldAssertions(&steps)
    }
}

extension GenericSteps.Comparison {
    /// The words of a failure (`which does not contain`).
    var negated: String {
        switch self {
        case .isEqual: "is not"
        case .contains: "does not contain"
        case .matches: "does not match"
        }
    }

    var headerExample: String {
        switch self {
        case .isEqual: "application/xml"
        case .contains: "xml"
        case .matches: ".*/(json|xml).*"
        }
    }

    var xpathExample: String {
        switch self {
        case .isEqual: "${unique:reader}"
        case .contains: "reader"
        case .matches: "by-reader-.*"
        }
    }
}
