import Foundation

/// Runs a program to its end on a thread of its own and returns its status and what it printed (standard output
/// and standard error together).
///
/// Waiting for a process blocks its thread; on the concurrency pool (two threads on a two-core machine) that
/// would stall every other test's tasks, and the in-process emulators' request handling with them.
func runToEnd(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let console = Pipe()
    process.standardOutput = console
    process.standardError = console
    try process.run()
    return await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            let output = console.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            continuation.resume(returning: (process.terminationStatus, String(decoding: output, as: UTF8.self)))
        }
    }
}
