import Foundation
import Gherkin
import Synchronization

/// What a worker process tells its supervisor, one frame each (``WorkerFrame``), as the run goes: enough to report
/// live, and to know, if the worker dies, which scenario and which step it died in.
enum WorkerEvent: Codable, Sendable {
    case started(index: Int, attempt: Int, worker: Int)
    case step(index: Int, attempt: Int, result: StepResult)
    /// An attempt ended; the test case is done when it will not be retried.
    case attempt(index: Int, result: AttemptResult)
    case runHookFailure(StepResult)
    /// A value the run must mask (a step called `redact`).
    case secret(String)
    /// Not sent by workers: the supervisor's reader could not read the worker's frames (what was read before
    /// counts; nothing after it does).
    case protocolFailure(String)
}

/// How a worker is started: the executable that runs features (`brickyard`, or a runner of your own built on
/// ``FeatureRunCommand``) and the arguments it was given. The worker learns which test cases to run from the
/// environment.
public struct WorkerCommand: Sendable {
    public var executable: String
    public var arguments: [String]
    /// The workers running now (each in a process group of its own, so a terminal's Ctrl-C does not reach them:
    /// the supervisor passes signals on with ``WorkerProcesses/signal(_:)``).
    public let processes = WorkerProcesses()

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// The command that started this process, as it was started.
    public static var current: WorkerCommand? {
        let arguments = CommandLine.arguments
        guard let first = arguments.first else { return nil }
        let executable: String
        if first.contains("/") {
            executable = first
        } else if let resolved = Self.resolve(first) {
            executable = resolved
        } else {
            return nil
        }
        return WorkerCommand(executable: executable, arguments: Array(arguments.dropFirst()))
    }

    private static func resolve(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The status a worker exits with when it was interrupted (SIGINT or SIGTERM) and stopped on purpose: the
    /// supervisor then starts no other worker.
    public static let interruptedStatus: Int32 = 130

    /// Whether this process is a worker of a supervisor.
    public static var isWorker: Bool { ProcessInfo.processInfo.environment[casesVariable] != nil }

    /// The environment variable naming the test cases a worker runs (comma-separated indexes).
    static let casesVariable = "BRICKYARD_WORKER_CASES"
    /// The environment variable overriding a worker's `--parallel`.
    static let parallelVariable = "BRICKYARD_WORKER_PARALLEL"

    /// The test cases this process is to run, when it is a worker.
    static var workerCases: [Int]? {
        guard let value = ProcessInfo.processInfo.environment[casesVariable] else { return nil }
        return value.split(separator: ",").compactMap { Int($0) }
    }

    /// The environment variable giving the first attempt of test cases retried after a crash (`index:attempt,...`).
    static let attemptsVariable = "BRICKYARD_WORKER_ATTEMPTS"

    static var workerFirstAttempts: [Int: Int] {
        let value = ProcessInfo.processInfo.environment[attemptsVariable] ?? ""
        var attempts: [Int: Int] = [:]
        for pair in value.split(separator: ",") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let index = Int(parts[0]), let attempt = Int(parts[1]) { attempts[index] = attempt }
        }
        return attempts
    }

    static var workerParallel: Int? {
        ProcessInfo.processInfo.environment[parallelVariable].flatMap { Int($0) }
    }
}

/// The worker's side: sends every event through the protocol channel, from whichever scenario's task reports it.
final class WorkerReporter: RunListener {
    private let channel: WorkerChannel
    private let indexes: [String: Int]

    init(channel: WorkerChannel, pickleIds: [String]) {
        self.channel = channel
        self.indexes = Dictionary(pickleIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func send(_ event: WorkerEvent) { channel.send(event) }

    /// Tells the supervisor a value to mask.
    func secret(_ value: String) { send(.secret(value)) }

    func testCaseStarted(_ pickle: Pickle, attempt: Int, worker: Int) {
        send(.started(index: indexes[pickle.id] ?? -1, attempt: attempt, worker: worker))
    }

    func stepFinished(_ step: StepResult, in pickle: Pickle, attempt: Int) {
        send(.step(index: indexes[pickle.id] ?? -1, attempt: attempt, result: step))
    }

    func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult) {
        send(.attempt(index: indexes[pickle.id] ?? -1, result: attempt))
    }

    func runFinished(_ result: RunResult) {
        for failure in result.runHookFailures { send(.runHookFailure(failure)) }
    }
}

/// The worker processes a supervisor is running.
public final class WorkerProcesses: Sendable {
    private let identifiers = Mutex<Set<Int32>>([])

    init() {}

    func insert(_ identifier: Int32) { identifiers.withLock { _ = $0.insert(identifier) } }

    func remove(_ identifier: Int32) { identifiers.withLock { _ = $0.remove(identifier) } }

    /// Sends a signal to every running worker (`SIGINT` to have them tear down and stop).
    public func signal(_ number: Int32) {
        for identifier in identifiers.withLock({ $0 }) { kill(identifier, number) }
    }
}
