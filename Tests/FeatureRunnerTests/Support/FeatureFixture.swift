import FeatureRunner
import Foundation
import Synchronization

/// Feature files written to a fresh temporary directory for one test.
struct FeatureFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-features-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The path of a file (or the root with no name), as the runner is given it.
    func path(_ name: String = "") -> String {
        name.isEmpty ? root.path : root.appendingPathComponent(name).path
    }

    /// Runs targets against a library.
    func run<W: World>(
        _ library: StepLibrary<W>, _ targets: [String]? = nil, filter: ScenarioFilter = ScenarioFilter(),
        options: ExecutionOptions = ExecutionOptions()
    ) async throws -> RunResult {
        let run = try FeatureRun(library: library, targets: targets ?? [path()], filter: filter, options: options)
        return await run.execute()
    }
}

/// A log of what step bodies did, shared by the closures of a test's library.
final class Journal: Sendable {
    private let entries = Mutex<[String]>([])

    func note(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
    func count(_ entry: String) -> Int { entries.withLock { $0.filter { $0 == entry }.count } }
}

extension RunResult {
    /// The final status of each test case, by pickle name.
    var statuses: [String: Status] {
        Dictionary(testCases.map { ($0.pickle.name, $0.status) }, uniquingKeysWith: { first, _ in first })
    }

    var names: [String] { testCases.map(\.pickle.name) }

    /// The statuses of a test case's steps (hooks included), in order.
    func stepStatuses(_ name: String) -> [Status] {
        testCases.first { $0.pickle.name == name }?.finalAttempt.steps.map(\.status) ?? []
    }
}
