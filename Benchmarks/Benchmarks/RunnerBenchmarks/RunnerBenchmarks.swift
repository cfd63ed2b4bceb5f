import Benchmark
import FeatureRunner
import Foundation
import Gherkin

// The speed goals of the feature runner issue:
// - parsing is measured against the reference Python parser by scripts/bench-gherkin-vs-python.sh (a ratio needs both
//   in one run); "Gherkin parse+pickles of the corpus" here follows the Swift side from run to run;
// - "runner overhead per no-op step under 20 microseconds": the "Runner" benchmarks run 1,000 steps per iteration
//   and declare `scalingFactor: .kilo`, so the scaled figures (marked `*` in the output) are per step: wall clock in
//   time per step, throughput in steps per second (1,000,000 / throughput is the overhead per step in µs).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))

    // 100 scenarios in a dozen files, read from memory: what `brickyard run` does to its features before it runs any.
    let corpus = GeneratedCorpus(scenarios: 100).files
    Benchmark("Gherkin parse+pickles of the corpus") { benchmark in
        let parser = GherkinParser()
        let compiler = PickleCompiler()
        for _ in benchmark.scaledIterations {
            var ids = IdGenerator()
            for file in corpus {
                let document = try parser.parse(file.source, uri: file.uri, ids: &ids)
                blackHole(compiler.compile(document, ids: &ids))
            }
        }
    }

    // 10 scenarios of 100 steps `Given step N`, one definition `step {int}` that does nothing.
    let noOp = NoOpFeature(scenarios: 10, stepsPerScenario: 100)
    var library = StepLibrary<EmptyWorld>()
    library.step("step {int}") { _, _ in }
    let steps = library
    let perStep = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(5))

    // The whole run: read and parse the file, match every step, plan, execute, collect the results.
    Benchmark(
        "Runner: 1,000 no-op steps", configuration: perStep,
        closure: { benchmark in
            let run = try FeatureRun(library: steps, targets: [noOp.directory])
            let result = await run.execute()
            try noOp.check(result, benchmark: benchmark)
        }, setup: { try noOp.write() }, teardown: { noOp.remove() })

    // Execution alone: the run is loaded and planned before the measurement starts.
    Benchmark(
        "Runner: 1,000 no-op steps, execute only", configuration: perStep,
        closure: { benchmark in
            let run = try FeatureRun(library: steps, targets: [noOp.directory])
            benchmark.startMeasurement()
            let result = await run.execute()
            benchmark.stopMeasurement()
            try noOp.check(result, benchmark: benchmark)
        }, setup: { try noOp.write() }, teardown: { noOp.remove() })
}

/// The feature file of the runner benchmarks, in a directory of its own under the temporary directory.
struct NoOpFeature: Sendable {
    let scenarios: Int
    let stepsPerScenario: Int
    let directory: String

    init(scenarios: Int, stepsPerScenario: Int) {
        self.scenarios = scenarios
        self.stepsPerScenario = stepsPerScenario
        let name = "brickyard-runner-benchmarks-\(ProcessInfo.processInfo.processIdentifier)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    }

    var text: String {
        var lines = ["Feature: No-op steps"]
        for scenario in 1...scenarios {
            lines += ["", "  Scenario: \(stepsPerScenario) no-op steps (\(scenario))"]
            for step in 1...stepsPerScenario {
                lines.append("    \(step == 1 ? "Given" : "And") step \((scenario - 1) * stepsPerScenario + step)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func write() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: directory + "/no-op.feature", atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Fails the benchmark unless every step ran and passed (a benchmark of undefined steps measures nothing).
    func check(_ result: RunResult, benchmark: Benchmark) throws {
        let passed = result.stepCounts[.passed] ?? 0
        guard result.success, passed == scenarios * stepsPerScenario,
            benchmark.configuration.scalingFactor.rawValue == passed
        else {
            struct RunFailed: Error { let description: String }
            throw RunFailed(
                description: "\(passed) steps passed of \(scenarios * stepsPerScenario): \(result.stepCounts)")
        }
    }
}

/// A corpus of provisioning features made in memory, the same every time: backgrounds, tags, rules, scenario outlines
/// with examples, doc strings with media types, data tables, comments, and a file in Japanese every fifth.
struct GeneratedCorpus {
    private(set) var files: [(uri: String, source: String)] = []
    private var random = SplitMix(seed: 2026)

    private static let things = ["bucket", "role", "stream", "workspace", "key", "queue", "table"]
    private static let regions = ["us-east-1", "eu-west-1", "eu-central-1", "ap-northeast-1"]
    private static let teams = ["platform", "data", "payments", "security"]
    private static let statuses = ["200", "201", "204", "400", "403", "404", "409"]

    init(scenarios: Int) {
        var left = scenarios
        var index = 0
        while left > 0 {
            index += 1
            let count = min(left, 6 + random.next(6))
            let source = index % 5 == 0 ? japanese(index, scenarios: count) : english(index, scenarios: count)
            files.append(("generated/\(index).feature", source))
            left -= count
        }
    }

    private mutating func pick(_ choices: [String]) -> String { choices[random.next(choices.count)] }

    private mutating func name(_ thing: String) -> String { "\(thing)-\(pick(Self.teams))-\(random.next(1000))" }

    private mutating func english(_ index: Int, scenarios: Int) -> String {
        let thing = pick(Self.things)
        var lines = [
            "# Provisioning \(thing)s, generated for the benchmarks.",
            "@provisioning @\(thing)",
            "Feature: Provisioning \(thing)s (\(index))",
            "  Every environment is provisioned from the same definitions.",
            "",
            "  Background:",
            "    Given the emulator is running in region \"\(pick(Self.regions))\"",
            "    And the account \"\(100_000_000_000 + random.next(900_000_000_000))\" exists",
        ]
        var indent = "  "
        for number in 1...scenarios {
            if number == scenarios / 2 + 1, index % 3 == 0 {
                lines += ["", "  Rule: Deletion keeps \(thing)s that still hold data", ""]
                lines += ["    Background:", "      Given the \(thing) \"\(name(thing))\" holds data"]
                indent = "    "
            }
            lines.append("")
            if random.next(2) == 0 { lines.append(indent + pick(["@smoke", "@regression @slow", "@security"])) }
            if random.next(10) < 3 {
                lines += [
                    "\(indent)Scenario Outline: A \(thing) named <name> answers <status> (\(number))",
                    "\(indent)  Given a \(thing) named \"<name>\" in region \"<region>\"",
                    "\(indent)  When I create the \(thing) \"<name>\"",
                    "\(indent)  Then the request is answered with status <status>",
                    "",
                    "\(indent)  Examples: names",
                    "\(indent)    | name | region | status |",
                ]
                for _ in 0..<(2 + random.next(4)) {
                    lines.append(
                        "\(indent)    | \(name(thing)) | \(pick(Self.regions)) | \(pick(Self.statuses)) |")
                }
                continue
            }
            let subject = name(thing)
            lines += [
                "\(indent)Scenario: Create a \(thing) (\(number))",
                "\(indent)  Given a \(thing) named \"\(subject)\" in region \"\(pick(Self.regions))\"",
            ]
            switch random.next(3) {
            case 0:
                lines += [
                    "\(indent)  And the \(thing) has the policy:",
                    "\(indent)    \"\"\"json",
                    "\(indent)    {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                        + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::\(subject)/*\"}]}",
                    "\(indent)    \"\"\"",
                ]
            case 1:
                lines += [
                    "\(indent)  And the \(thing) settings are:",
                    "\(indent)    | setting    | value              |",
                    "\(indent)    | encryption | aws:kms            |",
                    "\(indent)    | owner      | \(pick(Self.teams)) |",
                    "\(indent)    | filter     | a\\|b               |",
                ]
            default:
                lines.append("\(indent)  # The emulator starts empty for every scenario.")
            }
            lines += [
                "\(indent)  When I create the \(thing) \"\(subject)\"",
                "\(indent)  Then the request is answered with status \(pick(Self.statuses))",
                "\(indent)  And the audit log records the action \"create\"",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func japanese(_ index: Int, scenarios: Int) -> String {
        var lines = [
            "# language: ja",
            "@provisioning @ja",
            "フィーチャ: バケットのプロビジョニング (\(index))",
            "",
            "  背景:",
            "    前提 リージョン \"\(pick(Self.regions))\" のエミュレーターが起動している",
        ]
        for number in 1...scenarios {
            lines.append("")
            if number % 3 == 0 {
                lines += [
                    "  シナリオアウトライン: <名前> を作ると <結果> が返る (\(number))",
                    "    前提 バケット \"<名前>\" が存在しない",
                    "    もし バケット \"<名前>\" を作成する",
                    "    ならば ステータス <結果> が返る",
                    "",
                    "    例:",
                    "      | 名前 | 結果 |",
                    "      | ログ-\(random.next(1000)) | \(pick(Self.statuses)) |",
                    "      | 成果物-\(random.next(1000)) | \(pick(Self.statuses)) |",
                ]
            } else {
                lines += [
                    "  シナリオ: バケットを作成する (\(number))",
                    "    前提 バケット \"バックアップ-\(random.next(1000))\" が存在しない",
                    "    もし バケット \"バックアップ-\(random.next(1000))\" を作成する",
                    "    ならば ステータス \(pick(Self.statuses)) が返る",
                    "    かつ 監査ログに記録される",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A small seeded generator (SplitMix64), so that the corpus is the same on every run and machine.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(bound))
    }
}
