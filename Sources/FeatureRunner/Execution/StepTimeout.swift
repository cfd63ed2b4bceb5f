import Dispatch
import Synchronization

/// Runs `operation` for at most `timeout`: its result, or `nil` when the time ran out first (the operation's task is
/// cancelled then, and left to end on its own: a step that ignores cancellation cannot hold up the run, though a step
/// that blocks a thread keeps that thread until it returns).
func withStepTimeout<T: Sendable>(
    _ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T
) async -> Result<T, any Error>? {
    let slot = Mutex<CheckedContinuation<Result<T, any Error>?, Never>?>(nil)
    let resume: @Sendable (Result<T, any Error>?) -> Void = { value in
        slot.withLock { continuation in
            continuation?.resume(returning: value)
            continuation = nil
        }
    }
    return await withCheckedContinuation { continuation in
        slot.withLock { $0 = continuation }
        let work = Task {
            do {
                resume(.success(try await operation()))
            } catch {
                resume(.failure(error))
            }
        }
        // The timer runs on a Dispatch queue, not in the cooperative pool, so that steps blocking the pool's few
        // threads (a synchronous call that hangs) cannot keep it from firing.
        let components = timeout.components
        let nanoseconds = Int(components.seconds) * 1_000_000_000 + Int(components.attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            resume(nil)
            work.cancel()
        }
    }
}
