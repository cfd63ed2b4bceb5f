import Foundation
import Gherkin

/// What the HTML page's script renders: the run as compact JSON (short keys, bodies truncated, large parts beside the
/// page).
struct ReportModel {
    var json: [String: Any] = [:]

    /// Headers that say nothing a reader needs, left out of the page.
    static let boringHeaders: Set<String> = [
        "user-agent", "host", "accept", "accept-encoding", "connection", "content-length", "date", "x-amz-date",
        "x-amz-content-sha256", "server", "x-amz-id-2", "keep-alive",
    ]
    /// Most characters of an HTTP body on the page.
    static let bodyLimit = 4_000

    init(result: RunResult, report: HTMLReport, files: inout SideFiles) {
        let index = GherkinIndex(documents: result.sources.compactMap(\.document))
        var features: [[String: Any]] = []
        var featureIndex: [String: Int] = [:]
        for source in result.sources {
            featureIndex[source.uri] = features.count
            var feature: [String: Any] = [
                "u": source.uri, "n": source.document?.feature?.name ?? source.uri,
                "tags": source.document?.feature?.tags.map(\.name) ?? [],
            ]
            if !source.errors.isEmpty {
                feature["errors"] = source.errors.map { "\(source.uri):\($0.location): \($0.message)" }
            }
            features.append(feature)
        }
        var scenarios: [[String: Any]] = []
        for (number, testCase) in result.testCases.enumerated() {
            let origin = index.origin(of: testCase.pickle)
            let attempt = testCase.finalAttempt
            var scenario: [String: Any] = [
                "f": featureIndex[testCase.pickle.uri] ?? 0, "n": testCase.pickle.name, "u": testCase.pickle.uri,
                "l": testCase.pickle.location?.line ?? 0, "tags": testCase.pickle.tags.map(\.name),
                "s": testCase.status.name, "d": attempt.duration, "a": testCase.attempts.count,
                "kw": origin?.scenario.keyword ?? "Scenario",
            ]
            if testCase.isFlaky { scenario["flaky"] = true }
            if testCase.status.failsRun || testCase.isFlaky {
                scenario["replay"] = Self.replay(testCase, report: report)
            }
            // Only the failing step's exchanges open on their own.
            let failing = attempt.steps.firstIndex { $0.status.failsRun }
            var steps = attempt.steps.enumerated().compactMap { position, step -> [String: Any]? in
                if !step.kind.isStep && step.status == .passed && step.attachments.isEmpty { return nil }
                return Self.step(
                    step, uri: testCase.pickle.uri, key: "\(number)-\(position)", failing: position == failing,
                    report: report, files: &files)
            }
            Self.moveExchanges(&steps, of: &scenario, number: number, files: &files)
            scenario["steps"] = steps
            scenarios.append(scenario)
        }
        json = [
            "run": [
                "started": ISO8601DateFormatter().string(from: result.startedAt), "duration": result.duration,
                "dryRun": result.dryRun,
                "counts": result.testCaseCounts.byName, "steps": result.stepCounts.byName,
                "total": result.testCases.count, "passRate": result.passRate, "flaky": result.flakyCount,
                "hookFailures": result.runHookFailures.map { "\($0.text): \($0.error?.message ?? $0.status.name)" },
            ] as [String: Any],
            "features": features, "scenarios": scenarios,
        ]
    }

    /// The command that replays a scenario: the report's replay command and the scenario's `path:line`, as the
    /// console prints it (the path as a person types it, quoted for the shell).
    static func replay(_ testCase: TestCaseResult, report: HTMLReport) -> String {
        ConsoleCommands(replay: report.replayCommand).replay(testCase) ?? report.replayCommand
    }

    static func step(
        _ step: StepResult, uri: String, key: String, failing: Bool = false, report: HTMLReport,
        files: inout SideFiles
    ) -> [String: Any] {
        var object: [String: Any] = [
            "k": step.kind.isStep ? step.keyword : "", "t": step.kind.isStep ? step.text : "\(step.text) (hook)",
            "s": step.status.name, "d": step.duration,
        ]
        if let line = step.location?.line { object["loc"] = "\(uri):\(line)" }
        if let definition = step.definitions.first { object["def"] = definition.location.description }
        if let error = step.error { object["e"] = error.message }
        if let snippet = step.snippet { object["snip"] = snippet }
        if let docString = step.argument?.docString { object["doc"] = String(docString.content.prefix(8_000)) }
        if let table = step.argument?.dataTable { object["rows"] = table.values }
        var attachments: [[String: Any]] = []
        var logs: [String] = []
        for (position, attachment) in step.attachments.enumerated() {
            if attachment.isLog {
                logs.append(String(decoding: attachment.body, as: UTF8.self))
            } else if attachment.mediaType == Attachment.httpExchangesMediaType {
                addExchanges(attachment.body, to: &object, failing: failing)
            } else {
                attachments.append(
                    Self.attachment(attachment, name: "attachment-\(key)-\(position)", report: report, files: &files))
            }
        }
        if !logs.isEmpty { object["log"] = logs }
        if !attachments.isEmpty { object["att"] = attachments }
        return object
    }

    static func attachment(
        _ attachment: Attachment, name: String, report: HTMLReport, files: inout SideFiles
    ) -> [String: Any] {
        var object: [String: Any] = [
            "m": attachment.mediaType, "n": attachment.fileName ?? name, "size": attachment.body.count,
        ]
        let textual = TextualMedia.isText(attachment.body, mediaType: attachment.mediaType)
        if attachment.body.count <= report.inlineLimit {
            if textual {
                object["text"] = String(decoding: attachment.body, as: UTF8.self)
            } else {
                object["href"] = "data:\(attachment.mediaType);base64,\(attachment.body.base64EncodedString())"
            }
        } else {
            let fileName = name + "-" + (attachment.fileName ?? "data").replacingOccurrences(of: "/", with: "_")
            if let link = files.add(attachment.body, name: fileName) {
                object["href"] = link
            } else if textual {
                object["text"] =
                    String(decoding: attachment.body.prefix(report.inlineLimit), as: UTF8.self)
                    + "\n... (\(attachment.body.count) bytes in all)"
            }
        }
        return object
    }

    /// A step's HTTP exchanges, trimmed for reading (``moveExchanges(_:of:number:files:)`` may move them beside the
    /// page). For the failing step, `focus` is the position of the exchange the page highlights and opens
    /// (``ExchangeFocus``).
    static func addExchanges(_ body: Data, to object: inout [String: Any], failing: Bool) {
        guard let exchanges = (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] else { return }
        let trimmed = exchanges.map { exchange -> [String: Any] in
            var shown: [String: Any] = [:]
            for field in ["method", "url", "status", "duration", "attempt", "error", "started"] {
                if let value = exchange[field] { shown[field] = value }
            }
            for field in ["requestHeaders", "responseHeaders"] {
                let headers = exchange[field] as? [String: String] ?? [:]
                shown[field] = headers.filter { !boringHeaders.contains($0.key) }
            }
            for field in ["requestBody", "responseBody"] {
                let text = exchange[field] as? String ?? ""
                shown[field] =
                    text.count > bodyLimit ? String(text.prefix(bodyLimit)) + "\n... (truncated)" : text
            }
            return shown
        }
        object["httpCount"] = trimmed.count
        object["http"] = trimmed
        if failing,
            let focus = ExchangeFocus.index(
                of: trimmed.map { ($0["url"] as? String ?? "", ($0["status"] as? NSNumber)?.intValue ?? 0) })
        {
            object["focus"] = focus
        }
    }

    /// The HTTP exchanges are most of a run's bytes: when the page has a folder beside it, each scenario's go to a
    /// script there (`http-N.js`), which the page loads when the reader opens a step's exchanges.
    static func moveExchanges(
        _ steps: inout [[String: Any]], of scenario: inout [String: Any], number: Int, files: inout SideFiles
    ) {
        guard files.folderName != nil else { return }
        var byStep: [String: Any] = [:]
        for position in steps.indices {
            guard let exchanges = steps[position]["http"] else { continue }
            byStep[String(position)] = exchanges
            steps[position]["http"] = nil
        }
        guard !byStep.isEmpty,
            let data = try? JSONSerialization.data(withJSONObject: byStep, options: [.sortedKeys])
        else { return }
        let script = "brickyardHTTP(\(number)," + String(decoding: data, as: UTF8.self) + ");\n"
        scenario["httpSrc"] = files.add(Data(script.utf8), name: "http-\(number).js")
    }
}
