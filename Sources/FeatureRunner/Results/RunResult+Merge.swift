import Foundation

extension RunResult {
    /// Runs of the same features (shards run on several machines with `--shard i/n`) as one run: each feature file
    /// once, every test case in the order of its file and line, definitions and hooks once, from the earliest start
    /// to the latest finish.
    public static func merged(_ runs: [RunResult]) -> RunResult {
        var sources: [FeatureSource] = []
        var seenSources: Set<String> = []
        var definitions: [DefinitionInfo] = []
        var hooks: [DefinitionInfo] = []
        var seenDefinitions: Set<String> = []
        var seenHooks: Set<String> = []
        var testCases: [TestCaseResult] = []
        var seenCases: Set<String> = []
        var failures: [StepResult] = []
        for run in runs {
            for source in run.sources where seenSources.insert(source.uri).inserted { sources.append(source) }
            for definition in run.stepDefinitions where seenDefinitions.insert(definition.id).inserted {
                definitions.append(definition)
            }
            for hook in run.hooks where seenHooks.insert(hook.id).inserted { hooks.append(hook) }
            for testCase in run.testCases
            where seenCases.insert("\(testCase.pickle.uri)#\(testCase.pickle.id)").inserted {
                testCases.append(testCase)
            }
            failures += run.runHookFailures
        }
        let order = Dictionary(sources.enumerated().map { ($1.uri, $0) }, uniquingKeysWith: { first, _ in first })
        testCases.sort {
            (order[$0.pickle.uri] ?? 0, $0.pickle.location?.line ?? 0)
                < (order[$1.pickle.uri] ?? 0, $1.pickle.location?.line ?? 0)
        }
        return RunResult(
            sources: sources, testCases: testCases, stepDefinitions: definitions, hooks: hooks,
            runHookFailures: failures, startedAt: runs.map(\.startedAt).min() ?? Date(),
            finishedAt: runs.map(\.finishedAt).max() ?? Date(), dryRun: runs.contains(where: \.dryRun))
    }
}

/// `result`: the run's ``RunResult`` as JSON, which `brickyard report merge` reads back to make one report of
/// several shards.
public struct ResultFormat: ReportFormat {
    public init() {}

    public func render(_ result: RunResult) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(result)) ?? Data()
    }

    /// Reads a `result.json`.
    public static func decode(_ data: Data) throws -> RunResult {
        try JSONDecoder().decode(RunResult.self, from: data)
    }
}

/// The files of a report folder, written from one result: `index.html` (and its folder), `junit.xml`,
/// `cucumber.json`, `messages.ndjson` and `result.json`.
public struct ReportFolder: Sendable {
    public var path: String
    public var version: String
    public var replayCommand: String

    public init(path: String, version: String, replayCommand: String = "brickyard run") {
        self.path = path
        self.version = version
        self.replayCommand = replayCommand
    }

    /// Writes every file, masking the secret values.
    public func write(_ result: RunResult, secrets: SecretValues = SecretValues()) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var html = HTMLReport(replayCommand: replayCommand)
        html.secrets = secrets
        try html.write(result, to: "\(path)/index.html")
        let files: [(String, any ReportFormat)] = [
            ("junit.xml", JUnitFormat()), ("cucumber.json", CucumberJSONFormat()),
            ("messages.ndjson", MessageFormat(version: version)), ("result.json", ResultFormat()),
        ]
        for (name, format) in files {
            try secrets.mask(format.render(result)).write(to: URL(fileURLWithPath: "\(path)/\(name)"), options: .atomic)
        }
    }
}
