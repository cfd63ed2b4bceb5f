@testable import FeatureRunner
import Foundation
import Testing

/// Worker processes under load: every planned scenario gets exactly one result with the status planned for it,
/// whatever the parallelism, the size of what steps attach or print, and how workers end.
@Suite struct IsolationStressTests {
    /// The kinds of scenario in the stress feature, with the status each must end with.
    static let kinds: [(steps: [String], status: Status)] = [
        (["Given a step", "And a step"], .passed),
        (["Given a step", "And a step that fails", "And a step"], .failed),
        (["Given a step", "And a step that crashes", "And a step"], .failed),
        (["Given a step that attaches 1536 KiB", "And a step that attaches 64 KiB"], .passed),
        (["Given a step that prints 256 KiB", "And a step"], .passed),
        (["Given a step", "And a step that ends its worker"], .failed),
    ]

    /// Three scenarios of each kind, interleaved, so several of every kind run at once.
    static var feature: String {
        var text = "Feature: stress\n"
        for round in 0..<3 {
            for (kind, planned) in kinds.enumerated() {
                text += "  Scenario: kind \(kind) round \(round)\n"
                for step in planned.steps { text += "    \(step)\n" }
            }
        }
        return text
    }

    /// How many runs each parallelism gets (`BRICKYARD_STRESS_RUNS`; CI's stress section sets more).
    static var runs: Int {
        ProcessInfo.processInfo.environment["BRICKYARD_STRESS_RUNS"].flatMap { Int($0) }.map { max(1, $0) } ?? 2
    }

    @Test(arguments: [2, 4, 8])
    func everyScenarioGetsItsPlannedResult(parallel: Int) async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: IsolationTests.fixture),
            "\(IsolationTests.fixture) is not built")
        let features = try FeatureFixture(["stress.feature": Self.feature])
        let planned = Self.kinds.count * 3
        for run in 0..<Self.runs {
            let resultPath = features.path("result-\(run).json")
            let junitPath = features.path("junit-\(run).xml")
            let (status, text) = try await runToEnd(
                IsolationTests.fixture,
                [
                    "--parallel", String(parallel), "--format", "result:\(resultPath)", "--format",
                    "junit:\(junitPath)", "--format", "progress:\(features.path("progress-\(run).txt"))",
                    features.path(),
                ])
            #expect(status == 1, "run \(run) with --parallel \(parallel)")
            // Nothing of the protocol reaches the console; what steps printed does.
            #expect(!text.contains("\"attempt\":"), "protocol frames on the console")
            #expect(text.contains("brickyard-worker 12"), "what a step printed was lost")

            let result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: resultPath)))
            #expect(result.testCases.count == planned, "run \(run) with --parallel \(parallel)")
            for testCase in result.testCases {
                let kind = Int(testCase.pickle.name.split(separator: " ")[1]) ?? -1
                #expect(
                    testCase.status == Self.kinds[kind].status,
                    "\(testCase.pickle.name) with --parallel \(parallel): \(testCase.status)")
            }
            let junit = try String(contentsOfFile: junitPath, encoding: .utf8)
            #expect(junit.contains(#"tests="\#(planned)""#))
            #expect(junit.contains(#"failures="9""#), "\(junit.prefix(400))")
        }
    }
}

/// A worker that ends without reporting, or whose report cannot be read, fails the scenarios it did not report on.
@Suite struct UnreportedScenarioTests {
    static func run(worker: WorkerCommand) async throws -> RunResult {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        let features = try FeatureFixture([
            "a.feature": "Feature: a\n  Scenario: one\n    Given a step\n  Scenario: two\n    Given a step\n"
        ])
        let run = try FeatureRun(
            library: steps, targets: [features.path()], options: ExecutionOptions(parallel: 2))
        return await run.execute(isolatedIn: worker)
    }

    /// Ending at once, or in the middle of a frame (a worker that died while writing).
    @Test(arguments: ["exit 0", "printf 'brickyard-worker 5\\n{}'", "printf 'brickyard-worker 5\\n{}'; kill -9 $$"])
    func aWorkerThatEndsAtOnceFailsEveryScenario(_ script: String) async throws {
        let result = try await Self.run(worker: WorkerCommand(executable: "/bin/sh", arguments: ["-c", script]))
        #expect(!result.success)
        #expect(result.testCases.count == 2)
        for testCase in result.testCases {
            #expect(testCase.status == .failed)
            let messages = testCase.finalAttempt.steps.compactMap(\.error?.message)
            #expect(messages == ["the worker ended without reporting this scenario"])
        }
    }

    @Test(arguments: [
        "printf 'garbage that is no frame\\n'", "printf 'brickyard-worker 2\\n{}\\n'",
        "printf 'brickyard-worker 99999999999999999999999\\n'",
    ])
    func aWorkerWhoseReportCannotBeReadFailsEveryScenario(_ script: String) async throws {
        let result = try await Self.run(worker: WorkerCommand(executable: "/bin/sh", arguments: ["-c", script]))
        #expect(!result.success)
        #expect(result.testCases.map(\.status) == [.failed, .failed])
        let message = result.testCases.first?.finalAttempt.steps.compactMap(\.error?.message).first ?? ""
        #expect(message.hasPrefix("the worker ended without reporting this scenario (its report could not be read: "))
    }
}

/// The framing itself, in any chunking.
@Suite struct WorkerFrameTests {
    @Test func framesSurviveAnyChunking() throws {
        let payloads = [Data("{}".utf8), Data(repeating: 0x41, count: 100_000), Data("{\"a\":\"\\n\"}".utf8)]
        var stream = Data()
        for payload in payloads { stream.append(WorkerFrame.encode(payload)) }
        for chunkSize in [1, 7, 4096, stream.count] {
            var reader = WorkerFrame.Reader()
            var read: [Data] = []
            var offset = 0
            while offset < stream.count {
                let end = min(offset + chunkSize, stream.count)
                read += try reader.append(stream[offset..<end])
                offset = end
            }
            #expect(read == payloads)
            #expect(!reader.hasPartialFrame)
        }
    }
}
