import Foundation
import Gherkin

/// `html`: one self-contained page (inline CSS, JavaScript and SVG; nothing from the network) that a person reads at a
/// glance: what failed first (each failed scenario's location, failing step, error and replay command), totals and
/// pass rate, a chart of scenario durations, a table per feature, filters by status, tag
/// expression and text, each scenario's steps with timings, errors at the failing step's location, the HTTP exchanges
/// each step made, attachments, flaky scenarios marked, and for each failing scenario the command that replays it.
///
/// With a path (``write(_:to:)``) attachments over ``inlineLimit`` bytes and every scenario's HTTP exchanges go to a
/// folder beside the page (`index-files/`, loaded when the reader opens them), so that a page of a thousand scenarios
/// stays small and opens quickly.
public struct HTMLReport: ReportFormat {
    /// The page's title.
    public var title: String
    /// What replays one scenario (`brickyard run`), followed by `path:line`.
    public var replayCommand: String
    /// Attachments larger than this go beside the page.
    public var inlineLimit: Int
    /// Values masked in the page and the files beside it.
    public var secrets: SecretValues?

    public init(title: String = "Brickyard report", replayCommand: String = "brickyard run", inlineLimit: Int = 65_536)
    {
        self.title = title
        self.replayCommand = replayCommand
        self.inlineLimit = inlineLimit
    }

    /// The page with everything in it (for standard output).
    public func render(_ result: RunResult) -> Data {
        var files = SideFiles(folderName: nil)
        return page(result, files: &files)
    }

    /// Writes the page to `path` and the large attachments to a folder beside it.
    /// - Returns: Every file written, the page first.
    @discardableResult
    public func write(_ result: RunResult, to path: String) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        let folderName = url.deletingPathExtension().lastPathComponent + "-files"
        var files = SideFiles(folderName: folderName)
        let data = page(result, files: &files)
        let secrets = self.secrets
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        var written = [path]
        if !files.contents.isEmpty {
            let folder = directory.appendingPathComponent(folderName)
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, content) in files.contents {
                let file = folder.appendingPathComponent(name)
                try (secrets?.mask(content) ?? content).write(to: file, options: .atomic)
                written.append(file.path)
            }
        }
        return written
    }

    func page(_ result: RunResult, files: inout SideFiles) -> Data {
        let model = ReportModel(result: result, report: self, files: &files).json
        let failures = FailureSummary(result: result, report: self).html
        let data = (try? JSONSerialization.data(withJSONObject: model, options: [.sortedKeys])) ?? Data("{}".utf8)
        // Inside <script>: `<` escaped so that no text of the run can close the element.
        let embedded = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(MarkupText.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header><h1>\(MarkupText.escape(title))</h1><div id="meta"></div></header>
            <main>
            \(failures)
            <section id="summary"></section>
            <section id="chart"></section>
            <section id="features"></section>
            <section id="filters">
              <div id="statuses"></div>
              <input id="tags" placeholder="tag expression: @smoke and not @slow" spellcheck="false">
              <input id="search" placeholder="search names, steps, errors" spellcheck="false">
              <span id="shown"></span>
            </section>
            <section id="scenarios"></section>
            </main>
            <script id="report-data" type="application/json">\(embedded)</script>
            <script>\(Self.script)</script>
            </body>
            </html>

            """
        return Data((secrets?.mask(html) ?? html).utf8)
    }
}

/// Files written beside the page, by name.
struct SideFiles {
    /// The folder's name relative to the page; `nil` when everything stays inline.
    let folderName: String?
    var contents: [(String, Data)] = []

    /// Stores a file and returns its link relative to the page, or `nil` when files cannot go beside the page.
    mutating func add(_ data: Data, name: String) -> String? {
        guard let folderName else { return nil }
        contents.append((name, data))
        return "\(folderName)/\(name)"
    }
}
