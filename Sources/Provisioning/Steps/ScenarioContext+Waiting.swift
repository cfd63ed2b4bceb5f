import FeatureRunner
import Foundation

extension ScenarioContext {
    /// Polls `read` with backoff until it reports `expected`, a terminal state other than it, or the wait timeout.
    /// On an emulator the virtual clock is moved on instead of waiting for real. States compare in any letter case
    /// (`is running` waits for `RUNNING`).
    /// - Parameters:
    ///   - subject: What is waited for (`workspace "main"`), for messages.
    ///   - expected: The state wanted.
    ///   - terminal: States that will not change any more (reaching another one fails at once).
    ///   - read: Reads the current state (and a detail to show, such as a state message).
    /// - Throws: ``StepFailure`` saying what was expected, what was found, and the request that showed it.
    func wait(
        for subject: String, toBe expected: String, terminal: Set<String>,
        read: () async throws -> (state: String, detail: String?)
    ) async throws {
        var waited = 0.0
        var delay = 1.0
        let started = Date()
        while true {
            let (state, detail) = try await read()
            if state.caseInsensitiveCompare(expected) == .orderedSame { return }
            let evidence = exchanges.last.map { "\nThe request that showed it: \($0.summary)" } ?? ""
            let shownDetail = detail.map { " (\($0))" } ?? ""
            if terminal.contains(where: { $0.caseInsensitiveCompare(state) == .orderedSame }) {
                throw StepFailure("expected \(subject) to be \(expected), but it is \(state)\(shownDetail)\(evidence)")
            }
            if waited >= waitTimeout || Date().timeIntervalSince(started) >= waitTimeout {
                throw StepFailure(
                    "expected \(subject) to be \(expected) within \(Int(waitTimeout)) s; the last state seen was "
                        + "\(state)\(shownDetail)\(evidence)")
            }
            if let clock = session.clock {
                try await clock.advance(by: delay)
                await Task.yield()
            } else {
                try await Task.sleep(nanoseconds: UInt64(delay * Double.random(in: 0.8...1.0) * 1_000_000_000))
            }
            waited += delay
            delay = min(delay * 2, 30)
        }
    }
}
