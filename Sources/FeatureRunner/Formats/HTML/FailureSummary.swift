import Foundation

/// The top of the HTML page: every scenario that failed the run, with where it is, the step that failed, the first
/// lines of the error and the command that replays it. Written as plain markup (not by the page's script), so the
/// reader sees it first, even before the script runs.
struct FailureSummary {
    /// One failed scenario.
    struct Entry {
        /// The scenario's position in the run (the page's `#scenario-N` anchor).
        var number: Int
        /// `path:line` of the scenario or examples row.
        var location: String
        var scenario: String
        var status: String
        /// The failing step as written (`Then bucket "x" has object "y"`), with its `path:line`.
        var step: String?
        var stepLocation: String?
        /// The error's first lines.
        var message: String?
        /// What replays the scenario.
        var replay: String
    }

    /// Most lines of an error the summary shows (the scenario below shows it whole).
    static let messageLines = 6

    var entries: [Entry] = []
    /// Masked in every text before it is escaped (the page's last pass would leave `<redacted>` as a tag).
    var secrets: SecretValues?

    /// The failed scenarios of a run, in the run's order.
    init(result: RunResult, report: HTMLReport) {
        secrets = report.secrets
        for (number, testCase) in result.testCases.enumerated() where testCase.status.failsRun {
            let problem = testCase.finalAttempt.firstProblem
            let step = problem.map { $0.kind.isStep ? $0.keyword + $0.text : "\($0.text) (hook)" }
            let message = problem?.error?.message ?? (problem?.snippet != nil ? "the step is undefined" : nil)
            entries.append(
                Entry(
                    number: number, location: testCase.locationReference, scenario: testCase.pickle.name,
                    status: testCase.status.name, step: step,
                    stepLocation: problem?.location.map { "\(testCase.pickle.uri):\($0.line)" },
                    message: message.map(Self.firstLines), replay: ReportModel.replay(testCase, report: report)))
        }
    }

    /// The markup: a section listing the failures, or nothing when the run did not fail.
    var html: String {
        guard !entries.isEmpty else { return "" }
        let count = entries.count
        var html = #"<section id="failures"><h2>\#(count) failed scenario\#(count == 1 ? "" : "s")</h2><ol>"#
        for entry in entries {
            html += #"<li class="failure"><div class="head">"#
            html += #"<span class="badge \#(entry.status)">\#(entry.status)</span> "#
            let location = text(entry.location)
            html += ##"<a class="where" href="#scenario-\##(entry.number)">\##(location)</a> "##
            html += #"<span class="name">\#(text(entry.scenario))</span></div>"#
            if let step = entry.step {
                let location = entry.stepLocation.map { #" <span class="where">\#(text($0))</span>"# }
                html += #"<div class="step failed">\#(text(step))\#(location ?? "")</div>"#
            }
            if let message = entry.message {
                html += #"<pre class="error">\#(text(message))</pre>"#
            }
            html += #"<div class="replay"><span>Replay: </span><code>\#(text(entry.replay))</code></div>"#
            html += "</li>"
        }
        return html + "</ol></section>"
    }

    /// Text for the markup: secrets masked, then escaped.
    func text(_ value: String) -> String {
        MarkupText.escape(secrets?.mask(value) ?? value)
    }

    /// The first ``messageLines`` lines of a message, with a note of how many more there are.
    static func firstLines(_ message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > messageLines else { return message }
        return lines.prefix(messageLines).joined(separator: "\n") + "\n... (\(lines.count - messageLines) more lines)"
    }
}
