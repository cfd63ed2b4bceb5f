import FeatureRunner
import Foundation

/// `index.html` of a published prefix: every run, newest first, with a link to its report, and the trends of pass
/// rate, duration and flaky scenarios across runs (inline SVG; no script, nothing from the network).
public struct HistoryPage: Sendable {
    public var title: String

    public init(title: String = "Brickyard runs") {
        self.title = title
    }

    public func render(_ history: RunHistory) -> Data {
        let runs = history.runs
        var rows = ""
        for run in runs.reversed() {
            let status = run.failed ? "failed" : "passed"
            let counts = ["passed", "failed", "skipped", "undefined", "pending", "ambiguous"].compactMap { name in
                run.counts[name].map { "\($0) \(name)" }
            }.joined(separator: ", ")
            rows += """
                <tr class="\(status)"><td><a href="\(MarkupText.escape(run.link))">\(MarkupText.escape(run.runId))</a></td>\
                <td>\(MarkupText.escape(run.started))</td><td>\(MarkupText.escape(run.target))</td>\
                <td><code>\(MarkupText.escape(String((run.commit ?? "").prefix(12))))</code></td>\
                <td class="num">\(run.total)</td><td>\(MarkupText.escape(counts))</td>\
                <td class="num">\(String(format: "%.1f%%", run.passRate * 100))</td>\
                <td class="num">\(String(format: "%.1f s", run.duration))</td><td class="num">\(run.flaky)</td></tr>

                """
        }
        let charts =
            chart("Pass rate", runs.map { $0.passRate * 100 }, unit: "%", maximum: 100)
            + chart("Duration", runs.map(\.duration), unit: " s", maximum: nil)
            + chart("Flaky scenarios", runs.map { Double($0.flaky) }, unit: "", maximum: nil)
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(MarkupText.escape(title))</title>
            <style>
            body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; }
            header { padding: 14px 24px; background: #24292f; color: #fff; } h1 { font-size: 18px; margin: 0; }
            main { padding: 16px 24px; } .charts { display: flex; flex-wrap: wrap; gap: 24px; margin-bottom: 18px; }
            table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px;
            border-bottom: 1px solid #d0d7de; } th { background: #f6f8fa; } td.num { text-align: right; }
            tr.failed td:first-child { border-left: 4px solid #cf222e; } tr.passed td:first-child { border-left: 4px solid #1a7f37; }
            svg text { font: 11px sans-serif; fill: #57606a; }
            </style></head>
            <body><header><h1>\(MarkupText.escape(title))</h1><div>\(runs.count) runs</div></header><main>
            <div class="charts">\(charts)</div>
            <table><thead><tr><th>Run</th><th>Started</th><th>Target</th><th>Commit</th><th>Scenarios</th><th>Results</th>\
            <th>Pass rate</th><th>Duration</th><th>Flaky</th></tr></thead><tbody>
            \(rows)</tbody></table>
            <p><a href="history.json">history.json</a></p>
            </main></body></html>

            """
        return Data(html.utf8)
    }

    /// A line chart of the last 50 runs.
    func chart(_ name: String, _ all: [Double], unit: String, maximum: Double?) -> String {
        let values = Array(all.suffix(50))
        let width = 360.0, height = 120.0, left = 40.0, top = 20.0
        guard !values.isEmpty else { return "" }
        let ceiling = maximum ?? max(values.max() ?? 1, 1)
        let step = values.count > 1 ? (width - left - 10) / Double(values.count - 1) : 0
        let points = values.enumerated().map { index, value in
            (
                x: String(format: "%.1f", left + Double(index) * step),
                y: String(format: "%.1f", top + (height - top - 20) * (1 - min(value, ceiling) / ceiling))
            )
        }
        let line = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        let dots = points.map { "<circle cx=\"\($0.x)\" cy=\"\($0.y)\" r=\"2.5\" fill=\"#0969da\"/>" }.joined()
        let last = values.last.map { String(format: "%.1f", $0) + unit } ?? ""
        return """
            <svg width="\(Int(width))" height="\(Int(height))" role="img" aria-label="\(MarkupText.escape(name)) across runs">\
            <text x="0" y="12">\(MarkupText.escape(name)) (last: \(MarkupText.escape(last)))</text>\
            <line x1="\(left)" y1="\(height - 20)" x2="\(width - 10)" y2="\(height - 20)" stroke="#d0d7de"/>\
            <text x="0" y="\(top + 8)">\(MarkupText.escape(String(format: "%.0f", ceiling) + unit))</text>\
            <text x="0" y="\(height - 20)">0</text>\
            <polyline fill="none" stroke="#0969da" stroke-width="2" points="\(line)"/>\(dots)</svg>
            """
    }
}
