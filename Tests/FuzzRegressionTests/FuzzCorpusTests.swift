#if DEBUG
import Foundation
import FuzzTargets
import Testing

/// Replays every input of the fuzz corpora and every crashing input the fuzzer found, through the same harnesses
/// libFuzzer drives (`Fuzz/Targets`), so that a crash once fixed stays fixed.
///
/// Corpus inputs run in process. Crashers run each in a child process (an exit test), so that one that traps again
/// fails its test instead of ending the run; a crasher named in `Fuzz/Crashers/known-issues.txt` is expected to crash
/// until its fix is merged (then the test fails, to have it taken off the list).
@Suite("Fuzz corpora and crashers")
struct FuzzCorpusTests {
    @Test("every corpus input runs without a trap", arguments: FuzzTarget.allCases)
    func corpus(_ target: FuzzTarget) throws {
        let files = try FuzzFiles.inputs(in: "Corpus", of: target)
        #expect(!files.isEmpty, "Fuzz/Corpus/\(target.rawValue) has no seeds")
        for file in files {
            target.run(try Data(contentsOf: file))
        }
    }

    @Test("every crasher runs without a trap", arguments: FuzzFiles.crashers())
    func crasher(_ crasher: FuzzFiles.Crasher) async throws {
        if FuzzFiles.knownIssues.contains(crasher.name) {
            await withKnownIssue("a crash whose fix is not merged yet (Fuzz/Crashers/known-issues.txt)") {
                await replayInChildProcess(crasher)
            }
        } else {
            await replayInChildProcess(crasher)
        }
    }

    /// Runs a crasher in a child process, which must exit normally. (Exit-test bodies capture only what they name,
    /// each with its type.)
    private func replayInChildProcess(_ crasher: FuzzFiles.Crasher) async {
        let target = crasher.target
        let path = crasher.path
        await #expect(processExitsWith: .success) { [target = target as String, path = path as String] in
            FuzzFiles.replay(target: target, path: path)
        }
    }
}
#endif
