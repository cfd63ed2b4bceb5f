import Foundation

/// One worker process: started with the test cases it is to run, read line by line until it exits.
struct WorkerProcess: Sendable {
    /// How the worker ended.
    enum Exit: Sendable, Equatable {
        case exited(Int32)
        case signal(Int32)
        case couldNotStart(String)
    }

    let command: WorkerCommand

    /// Runs the worker, handing each event to `handle` as it arrives; other output goes to standard error.
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
                var buffer = Data()
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...newline)
                        if let event = WorkerEvent.parse(line[...]) {
                            handle(event)
                        } else {
                            FileHandle.standardError.write(Data((line + "\n").utf8))
                        }
                    }
                }
                process.waitUntilExit()
                switch process.terminationReason {
                case .uncaughtSignal: continuation.resume(returning: .signal(process.terminationStatus))
                default: continuation.resume(returning: .exited(process.terminationStatus))
                }
            }
        }
    }
}
