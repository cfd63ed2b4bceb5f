import Foundation

/// One worker process: started with the test cases it is to run, its frames read until it exits.
struct WorkerProcess: Sendable {
    /// How the worker ended.
    enum Exit: Sendable, Equatable {
        case exited(Int32)
        case signal(Int32)
        case couldNotStart(String)

        var isSignal: Bool {
            if case .signal = self { return true }
            return false
        }
    }

    let command: WorkerCommand

    /// Runs the worker, handing each event to `handle` as it arrives. Its standard error is the console's; its
    /// standard output carries only frames.
    func run(
        cases: [Int], parallel: Int, firstAttempts: [Int: Int], handle: @escaping @Sendable (WorkerEvent) -> Void
    ) async -> Exit {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        var environment = ProcessInfo.processInfo.environment
        environment[WorkerCommand.casesVariable] = cases.map(String.init).joined(separator: ",")
        environment[WorkerCommand.parallelVariable] = String(parallel)
        // A crashing worker dies at once: the Swift runtime's backtracer, which would otherwise run first, holds the
        // worker's output pipe open while it works and has been seen to hang there.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        environment[WorkerCommand.attemptsVariable] = firstAttempts.sorted { $0.key < $1.key }
            .map { "\($0.key):\($0.value)" }.joined(separator: ",")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .couldNotStart("\(error)")
        }
        let processes = command.processes
        let identifier = process.processIdentifier
        processes.insert(identifier)
        defer { processes.remove(identifier) }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let reader = output.fileHandleForReading
                var frames = WorkerFrame.Reader()
                var failure: WorkerFrame.ProtocolError?
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    // After a protocol error the rest is read and dropped, so the worker never blocks on a full pipe.
                    guard failure == nil else { continue }
                    do throws(WorkerFrame.ProtocolError) {
                        for payload in try frames.append(chunk) {
                            guard let event = try? JSONDecoder().decode(WorkerEvent.self, from: payload) else {
                                throw WorkerFrame.ProtocolError(
                                    description: "a frame of \(payload.count) bytes is not a worker event")
                            }
                            handle(event)
                        }
                    } catch {
                        failure = error
                    }
                }
                // A frame cut short at the end is a worker that died while writing it (a step crashed or exited
                // in another scenario): the scenarios it did not report are handled as a crash, not as an
                // unreadable report.
                process.waitUntilExit()
                if let failure { handle(.protocolFailure(failure.description)) }
                switch process.terminationReason {
                case .uncaughtSignal: continuation.resume(returning: .signal(process.terminationStatus))
                default: continuation.resume(returning: .exited(process.terminationStatus))
                }
            }
        }
    }
}
