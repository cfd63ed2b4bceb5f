import Foundation
import Gherkin

/// `json`: Cucumber JSON, the legacy report most CI plugins read (Jenkins' cucumber-reports, Allure, Xray).
///
/// An array of features (`uri, id, keyword, name, description, line, tags, elements`); each test case's final attempt is
/// an element of `type` `scenario`, preceded by its Background as an element of `type` `background` (as cucumber-ruby
/// and cucumber-jvm write them). Outline rows have ids `feature;outline;examples;N` (N counts the table's rows,
/// the header being 1). Steps carry `match.location`, `result` (`status`, `duration` in nanoseconds,
/// `error_message`), `doc_string`, `rows`, `embeddings` (base64) and `output` (log lines); Before and After hooks are
/// the element's `before` and `after`, BeforeStep and AfterStep hooks the step's.
public struct CucumberJSONFormat: ReportFormat {
    public init() {}

    public func render(_ result: RunResult) -> Data {
        let index = GherkinIndex(documents: result.sources.compactMap(\.document))
        var features: [[String: Any]] = []
        var featureIndex: [String: Int] = [:]
        for source in result.sources {
            guard let feature = source.document?.feature else { continue }
            featureIndex[source.uri] = features.count
            var object: [String: Any] = [
                "uri": source.uri, "id": Self.slug(feature.name), "keyword": feature.keyword, "name": feature.name,
                "description": feature.description, "line": feature.location.line, "elements": [[String: Any]](),
            ]
            object["tags"] = feature.tags.map { ["name": $0.name, "line": $0.location.line] }
            features.append(object)
        }
        for testCase in result.testCases {
            guard let position = featureIndex[testCase.pickle.uri] else { continue }
            var elements = features[position]["elements"] as? [[String: Any]] ?? []
            elements += Self.elements(testCase, index: index)
            features[position]["elements"] = elements
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: features, options: [.prettyPrinted, .sortedKeys]))
            ?? Data("[]".utf8)
        return data + Data("\n".utf8)
    }

    /// A test case's final attempt as a background element (when it has one) and a scenario element.
    static func elements(_ testCase: TestCaseResult, index: GherkinIndex) -> [[String: Any]] {
        let pickle = testCase.pickle
        let attempt = testCase.finalAttempt
        let origin = index.origin(of: pickle)
        let stepsById = Dictionary(pickle.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var background: Background?
        var backgroundSteps: [[String: Any]] = []
        var scenarioSteps: [[String: Any]] = []
        var before: [[String: Any]] = []
        var after: [[String: Any]] = []
        var pendingBeforeStep: [[String: Any]] = []
        var lastWasBackground = false
        for step in attempt.steps {
            switch step.kind {
            case .hook(let kind, _):
                let hook = hookObject(step)
                switch kind {
                case .before: before.append(hook)
                case .after: after.append(hook)
                case .beforeStep: pendingBeforeStep.append(hook)
                case .afterStep:
                    if lastWasBackground {
                        appendAfter(hook, to: &backgroundSteps)
                    } else {
                        appendAfter(hook, to: &scenarioSteps)
                    }
                default: break
                }
            case .step(let pickleStepId):
                let pickleStep = stepsById[pickleStepId]
                var object = stepObject(step, pickleStep: pickleStep, index: index)
                if !pendingBeforeStep.isEmpty {
                    object["before"] = pendingBeforeStep
                    pendingBeforeStep.removeAll()
                }
                if let pickleStep, let owner = index.background(of: pickleStep) {
                    background = owner
                    backgroundSteps.append(object)
                    lastWasBackground = true
                } else {
                    scenarioSteps.append(object)
                    lastWasBackground = false
                }
            }
        }
        var elements: [[String: Any]] = []
        if let background {
            elements.append([
                "keyword": background.keyword, "name": background.name, "description": background.description,
                "line": background.location.line, "type": "background", "steps": backgroundSteps,
            ])
        }
        let scenario = origin?.scenario
        var element: [String: Any] = [
            "id": elementId(origin, pickle: pickle), "keyword": scenario?.keyword ?? "Scenario", "name": pickle.name,
            "description": scenario?.description ?? "", "line": pickle.location?.line ?? 0, "type": "scenario",
            "steps": scenarioSteps, "start_timestamp": timestamp(attempt.startedAt),
            "tags": pickle.tags.map { ["name": $0.name, "line": tagLine($0.name, origin: origin)] },
        ]
        if !before.isEmpty { element["before"] = before }
        if !after.isEmpty { element["after"] = after }
        elements.append(element)
        return elements
    }

    static func stepObject(_ step: StepResult, pickleStep: PickleStep?, index: GherkinIndex) -> [String: Any] {
        var object: [String: Any] = [
            "keyword": step.keyword, "name": step.text, "line": step.location?.line ?? 0, "result": result(step),
        ]
        object["match"] = match(step)
        let astStep = pickleStep.flatMap(index.step(of:))
        if let docString = step.argument?.docString {
            object["doc_string"] = [
                "content_type": docString.mediaType ?? "", "value": docString.content,
                "line": astStep?.docString?.location.line ?? (step.location?.line ?? 0) + 1,
            ]
        }
        if let table = step.argument?.dataTable {
            object["rows"] = table.values.map { ["cells": $0] }
        }
        addAttachments(step, to: &object)
        return object
    }

    static func hookObject(_ step: StepResult) -> [String: Any] {
        var object: [String: Any] = ["result": result(step), "match": match(step)]
        addAttachments(step, to: &object)
        return object
    }

    static func appendAfter(_ hook: [String: Any], to steps: inout [[String: Any]]) {
        guard !steps.isEmpty else { return }
        var last = steps[steps.count - 1]
        last["after"] = (last["after"] as? [[String: Any]] ?? []) + [hook]
        steps[steps.count - 1] = last
    }

    static func result(_ step: StepResult) -> [String: Any] {
        var result: [String: Any] = [
            "status": step.status == .unknown ? "undefined" : step.status.name,
            "duration": Int64((step.duration * 1_000_000_000).rounded()),
        ]
        if let error = step.error {
            var message = error.message
            if let location = error.definitionLocation, let shown = ConsoleText.userCodeLocation(location) {
                message += "\n\tat \(shown)"
            }
            result["error_message"] = message
        } else if let snippet = step.snippet {
            result["error_message"] = "Undefined step. Implement it with:\n\(snippet)"
        }
        return result
    }

    static func match(_ step: StepResult) -> [String: Any] {
        guard let definition = step.definitions.first else { return [:] }
        var match: [String: Any] = ["location": definition.location.description]
        if !step.matchedArguments.isEmpty {
            match["arguments"] = step.matchedArguments.map { argument -> [String: Any] in
                var object: [String: Any] = ["val": argument.value ?? NSNull()]
                if let start = argument.start { object["offset"] = start }
                return object
            }
        }
        return match
    }

    static func addAttachments(_ step: StepResult, to object: inout [String: Any]) {
        var embeddings: [[String: Any]] = []
        var output: [String] = []
        for attachment in step.attachments {
            if attachment.mediaType == Attachment.logMediaType {
                output.append(String(decoding: attachment.body, as: UTF8.self))
            } else {
                var embedding: [String: Any] = [
                    "mime_type": attachment.mediaType, "data": attachment.body.base64EncodedString(),
                ]
                if let name = attachment.fileName { embedding["name"] = name }
                embeddings.append(embedding)
            }
        }
        if !embeddings.isEmpty { object["embeddings"] = embeddings }
        if !output.isEmpty { object["output"] = output }
    }

    /// `feature;scenario`, or `feature;outline;examples;N` for an outline row (N: the row's number in the table,
    /// the header being 1).
    static func elementId(_ origin: GherkinIndex.Origin?, pickle: Pickle) -> String {
        guard let origin else { return slug(pickle.name) }
        var id = slug(origin.feature.name) + ";" + slug(origin.scenario.name)
        if let examples = origin.examples, let row = origin.rowIndex {
            id += ";" + slug(examples.name) + ";" + String(row + 1)
        }
        return id
    }

    /// The line of a tag as written on the scenario, its examples, its rule or its feature.
    static func tagLine(_ name: String, origin: GherkinIndex.Origin?) -> Int {
        guard let origin else { return 0 }
        let tags =
            origin.scenario.tags + (origin.examples?.tags ?? []) + (origin.rule?.tags ?? []) + origin.feature.tags
        return tags.first { $0.name == name }?.location.line ?? 0
    }

    /// Lower case, spaces as hyphens: Cucumber's element ids.
    static func slug(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
