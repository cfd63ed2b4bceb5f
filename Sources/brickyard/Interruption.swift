import FeatureRunner
import Foundation
import Provisioning

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C and SIGTERM during `brickyard run`. Where scenarios execute (a worker, or the process itself with
/// `--no-isolation`), every scenario's resources are torn down and the process exits 130. A supervisor passes the
/// signal on to its workers (each runs in a process group of its own, out of the terminal's reach), waits for them
/// to tear down and exit 130, reports, and exits 130.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var sources: [DispatchSourceSignal] = []
    private var seen = false

    /// Starts listening.
    /// - Parameters:
    ///   - run: The run to tear down, when scenarios execute in this process.
    ///   - workers: The workers to pass the signal on to, in a supervisor.
    init(_ run: ProvisioningRun?, workers: WorkerProcesses? = nil) {
        let queue = DispatchQueue(label: "brickyard.interruption")
        var made: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                let first = lock.withLock {
                    defer { seen = true }
                    return !seen
                }
                guard first else { return }
                workers?.signal(number)
                guard let run else { return }
                FileHandle.standardError.write(
                    Data("\nbrickyard: interrupted; tearing down the scenarios' resources\n".utf8))
                Task {
                    await run.interrupt()
                    await run.finish()
                    exit(WorkerCommand.interruptedStatus)
                }
            }
            source.resume()
            made.append(source)
        }
        lock.withLock { sources = made }
    }

    /// Whether a signal arrived.
    var happened: Bool { lock.withLock { seen } }

    /// Stops listening.
    func cancel() {
        let stopped = lock.withLock {
            defer { sources.removeAll() }
            return sources
        }
        stopped.forEach { $0.cancel() }
    }
}
