import Foundation

/// The commands the console offers back, spelled as this process was started (see ``CommandInvocation``), so that
/// each can be pasted where it was printed.
public struct ConsoleCommands: Sendable, Hashable {
    /// What replays one scenario when followed by its `path:line` (`brickyard run --emulator URL`).
    public var replay: String?
    /// What lists the library's steps (`brickyard steps`), offered for an undefined step.
    public var steps: String?
    /// Whether the scenario's `path:line` follows ``replay`` (not for `swift test --filter ID`, which names the test).
    public var replayTakesLocation: Bool

    public init(replay: String? = nil, steps: String? = nil, replayTakesLocation: Bool = true) {
        self.replay = replay
        self.steps = steps
        self.replayTakesLocation = replayTakesLocation
    }

    /// The replay of `testCase`: the command and its location, quoted for the shell.
    public func replay(_ testCase: TestCaseResult) -> String? {
        guard let replay else { return nil }
        guard replayTakesLocation else { return replay }
        return "\(replay) \(ShellQuoting.quote(ConsoleText.displayPath(testCase.locationReference)))"
    }
}
