import Foundation

/// A report written from a finished run's ``RunResult``.
public protocol ReportFormat: Sendable {
    /// The report's bytes.
    func render(_ result: RunResult) -> Data
}

/// `message`: the run as Cucumber Messages NDJSON.
public struct MessageFormat: ReportFormat {
    public var version: String

    public init(version: String) {
        self.version = version
    }

    public func render(_ result: RunResult) -> Data {
        let writer = NDJSONWriter()
        var data = Data()
        for envelope in result.envelopes(version: version) { data.append(writer.line(envelope)) }
        return data
    }
}

/// `rerun`: the test cases that did not pass, as `path:line:line` per file, which `brickyard run @FILE` replays.
public struct RerunFormat: ReportFormat {
    public init() {}

    public func render(_ result: RunResult) -> Data {
        var lines: [String: [Int]] = [:]
        var order: [String] = []
        for testCase in result.testCases where testCase.status.failsRun {
            let uri = testCase.pickle.uri
            if lines[uri] == nil { order.append(uri) }
            lines[uri, default: []].append(testCase.pickle.location?.line ?? 0)
        }
        for source in result.sources where source.document == nil && lines[source.uri] == nil {
            order.append(source.uri)
            lines[source.uri] = []
        }
        let text = order.map { uri in ([uri] + (lines[uri] ?? []).map(String.init)).joined(separator: ":") }
            .joined(separator: "\n")
        return Data((text.isEmpty ? "" : text + "\n").utf8)
    }
}
