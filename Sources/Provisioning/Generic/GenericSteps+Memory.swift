import AWSWire
import FeatureRunner
import Foundation

extension GenericSteps {
    /// Placeholder names the built-in placeholders own.
    static let reservedNames: Set<String> = ["account", "region", "run"]

    static func registerMemory(_ steps: inout StepRegistrar) {
        steps.add(
            "I remember the response field {string} as {string}",
            "Keeps a JSON field of the last response (strings as they are, other values as JSON) for ${NAME} in "
                + "later steps of the scenario.",
            example: #"And I remember the response field "storage_configuration_id" as "storage_id""#
        ) { context, step in
            let (_, value) = try context.field(step)
            try context.remember(value.plainText, as: try step.string(1, in: context))
        }
        steps.add(
            "I remember the response XPath {string} as {string}",
            "Keeps the text an XPath gives on the last (XML) response, for ${NAME}.",
            example: #"And I remember the response XPath "//Role/Arn" as "role_arn""#
        ) { context, step in
            let expression = try step.string(0, in: context)
            let value = try context.lastResponse().xpath(expression)
            guard value.isPresent else { throw StepFailure("XPath \"\(expression)\" selects nothing in the response") }
            try context.remember(value.text, as: try step.string(1, in: context))
        }
        steps.add(
            "I remember the response header {string} as {string}",
            "Keeps a header of the last response, for ${NAME}.",
            example: #"And I remember the response header "ETag" as "etag""#
        ) { context, step in
            let name = try step.string(0, in: context)
            guard let value = try context.lastResponse().header(name) else {
                throw StepFailure("the response has no header \"\(name)\"")
            }
            try context.remember(value, as: try step.string(1, in: context))
        }
        steps.add(
            "I remember {string} as {string}",
            "Keeps a text (placeholders replaced now) for ${NAME}.",
            example: #"Given I remember "${unique:landing}" as "bucket""#
        ) { context, step in
            try context.remember(try step.string(0, in: context), as: try step.string(1, in: context))
        }
        steps.add(
            "I remember this as {string}:",
            "Keeps a doc string (placeholders replaced now), such as a policy document to pass as a parameter.",
            example: "Given I remember this as \"trust\":\n  \"\"\"json\n"
                + "  {\"Version\": \"2012-10-17\", \"Statement\": []}\n  \"\"\""
        ) { context, step in
            try context.remember(try context.docString(step), as: try step.string(0, in: context))
        }
        steps.add(
            "I wait until the response field {string} is {string}",
            "Sends the last request again until the JSON field has the value (on an emulator the virtual clock moves "
                + "on instead of waiting; live, real waiting with backoff up to the wait timeout).",
            example: #"When I wait until the response field "StreamDescriptionSummary.StreamStatus" is "ACTIVE""#
        ) { context, step in
            guard let request = context.state.withLock({ $0.generic.lastRequest }) else {
                throw StepFailure("there is no request to send again yet: send one first")
            }
            try await context.waitForField(
                try step.string(0, in: context), toBe: try step.string(1, in: context), resending: request)
        }
        steps.add(
            "I wait until the response XPath {string} is {string}",
            "Sends the last request again until the XPath's text is the value, as the JSON field step does.",
            example: #"When I wait until the response XPath "//Role/RoleName" is "${unique:reader}""#
        ) { context, step in
            guard let request = context.state.withLock({ $0.generic.lastRequest }) else {
                throw StepFailure("there is no request to send again yet: send one first")
            }
            let expression = try step.string(0, in: context)
            try await context.wait(
                for: "XPath \"\(expression)\"", toBe: try step.string(1, in: context), terminal: []
            ) {
                let value = try await context.send(request).xpath(expression)
                return (value.isPresent ? value.text : "(nothing)", nil)
            }
        }
    }
}

extension ScenarioContext {
    /// Keeps a value for `${name}`.
    /// - Throws: ``StepFailure`` for a name a built-in placeholder owns or that a placeholder cannot hold.
    func remember(_ value: String, as name: String) throws {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        guard !name.isEmpty, allowed else {
            throw StepFailure("\"\(name)\" cannot be a placeholder name: use letters, digits, _, - and .")
        }
        guard !GenericSteps.reservedNames.contains(name) else {
            throw StepFailure("${\(name)} is a built-in placeholder; remember the value under another name")
        }
        state.withLock { $0.generic.variables[name] = value }
    }

    /// Sends a request until a JSON field of its answer has a value.
    func waitForField(_ path: String, toBe expected: String, resending request: GenericRequest) async throws {
        let parsed = try JSONPath(path)
        try await wait(for: "field \"\(path)\" of \(request.summary)", toBe: expected, terminal: []) {
            let response = try await self.send(request)
            let document = try? response.json()
            let value = document.flatMap { parsed.evaluate($0) }
            return (value?.plainText ?? "(absent)", document == nil ? "HTTP \(response.status)" : nil)
        }
    }
}
