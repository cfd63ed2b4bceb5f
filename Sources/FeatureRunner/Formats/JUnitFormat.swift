import Foundation
import Gherkin

/// `junit`: JUnit XML as Jenkins, GitLab and GitHub read it, mapped as Cucumber maps it: one `<testcase>` per test case
/// (the final attempt), `classname` the feature's name, `name` the scenario's (an outline row's is
/// `Outline - Examples - #1.2`); failed, undefined, pending and ambiguous are `<failure>`, skipped is `<skipped/>`;
/// `<system-out>` lists the steps with their statuses. Files that did not parse are `<error>` test cases.
public struct JUnitFormat: ReportFormat {
    public var suiteName: String

    public init(suiteName: String = "brickyard") {
        self.suiteName = suiteName
    }

    public func render(_ result: RunResult) -> Data {
        let index = GherkinIndex(documents: result.sources.compactMap(\.document))
        var cases: [String] = []
        var failures = 0
        var errors = 0
        var skipped = 0
        for source in result.sources where source.document == nil {
            errors += 1
            let message = source.errors.map { "\(source.uri):\($0.location): \($0.message)" }.joined(separator: "\n")
            cases.append(
                """
                  <testcase classname="\(Self.escape(source.uri))" name="\(Self.escape(source.uri))" time="0">
                    <error message="\(Self.escape(source.errors.first?.fullMessage ?? "parse error"))" type="ParseError">\(Self.escape(message))</error>
                  </testcase>
                """)
        }
        for testCase in result.testCases {
            let origin = index.origin(of: testCase.pickle)
            let attempt = testCase.finalAttempt
            var body = ""
            switch attempt.status {
            case .passed, .unknown: break
            case .skipped:
                skipped += 1
                body += "\n    <skipped/>"
            case .pending, .undefined, .ambiguous, .failed:
                failures += 1
                let problem = attempt.firstProblem
                let message = problem.map { "\($0.keyword)\($0.text): \($0.status.name)" } ?? attempt.status.name
                var detail = problem?.error?.message ?? ""
                if let location = problem?.error?.definitionLocation, let shown = ConsoleText.userCodeLocation(location)
                {
                    detail += "\n  at \(shown)"
                }
                if let snippet = problem?.snippet { detail += "\n\nUndefined step. Implement it with:\n\n\(snippet)" }
                body +=
                    "\n    <failure message=\"\(Self.escape(message))\" type=\"\(attempt.status.name)\">\(Self.escape(detail))</failure>"
            }
            body +=
                "\n    <system-out><![CDATA[\(Self.cdata(Self.stepListing(attempt, flaky: testCase.isFlaky)))]]></system-out>"
            cases.append(
                """
                  <testcase classname="\(Self.escape(origin?.feature.name ?? testCase.pickle.uri))" \
                name="\(Self.escape(Self.name(of: testCase, origin: origin)))" \
                time="\(Self.seconds(attempt.duration))">\(body)
                  </testcase>
                """)
        }
        let header =
            "<testsuite name=\"\(Self.escape(suiteName))\" tests=\"\(cases.count)\" failures=\"\(failures)\" "
            + "errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(Self.seconds(result.duration))\" "
            + "timestamp=\"\(Self.timestamp(result.startedAt))\">"
        let xml = (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", header] + cases + ["</testsuite>", ""])
            .joined(separator: "\n")
        return Data(xml.utf8)
    }

    /// The scenario's name, or for an outline row `Outline - Examples - #i.j`.
    static func name(of testCase: TestCaseResult, origin: GherkinIndex.Origin?) -> String {
        guard let origin, let examples = origin.examples, let examplesIndex = origin.examplesIndex,
            let rowIndex = origin.rowIndex
        else { return testCase.pickle.name }
        let examplesName = examples.name.isEmpty ? examples.keyword : examples.name
        return "\(testCase.pickle.name) - \(examplesName) - #\(examplesIndex).\(rowIndex)"
    }

    static func stepListing(_ attempt: AttemptResult, flaky: Bool) -> String {
        var lines = attempt.steps.map { step -> String in
            let label = step.kind.isStep ? "\(step.keyword)\(step.text)" : step.text
            let dots = String(repeating: ".", count: max(3, 76 - label.count))
            return "\(label)\(dots)\(step.status.name)"
        }
        if attempt.attempt > 0 { lines.append("(attempt \(attempt.attempt + 1)\(flaky ? ", flaky" : ""))") }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ interval: TimeInterval) -> String {
        String(format: "%.3f", max(0, interval))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }

    /// Text for a CDATA section: `]]>` split, characters XML cannot hold dropped.
    static func cdata(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars
        where scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" || scalar == "\r" {
            result.append(scalar)
        }
        return String(result).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
    }
}
