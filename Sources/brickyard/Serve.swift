import ArgumentParser
import Emulator
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `brickyard serve` enforces IAM policies.
enum IAMMode: String, ExpressibleByArgument, CaseIterable {
    case on, off
}

/// Whether Kinesis enforces per-shard throughput limits.
enum KinesisLimitsMode: String, ExpressibleByArgument, CaseIterable {
    case off, real
}

/// How long Databricks lifecycles take on the emulator's clock.
enum DatabricksTimingsMode: String, ExpressibleByArgument, CaseIterable {
    case fast, realistic
}

/// `brickyard serve`: the emulator on one port until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the emulator (S3, IAM, STS, Kinesis and the Databricks account and workspace APIs) on one port."
    )

    @Option(help: "The address to bind. Loopback unless you mean otherwise.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port = 4566

    @Option(help: "The region the emulator answers as.")
    var region = "us-east-1"

    @Option(help: "Keep state in this directory across restarts (default: in memory).")
    var stateDir: String?

    @Option(
        help: ArgumentHelp(
            "IAM policy enforcement: 'on' evaluates every request's policies, 'off' allows every signed request.",
            valueName: "on|off"))
    var iam: IAMMode = .on

    @Option(
        help: ArgumentHelp(
            "Kinesis per-shard throughput limits: 'off' (the default) or 'real' (1 MiB or 1,000 records a second "
                + "written, 5 calls or 2 MiB a second read, ProvisionedThroughputExceededException beyond).",
            valueName: "off|real"))
    var kinesisLimits: KinesisLimitsMode = .off

    @Option(
        help: ArgumentHelp(
            "Databricks lifecycles: 'fast' (seconds, the default) or 'realistic' (a workspace takes 10 minutes, a "
                + "cluster 5), on the emulator's clock.",
            valueName: "fast|realistic"))
    var databricksTimings: DatabricksTimingsMode = .fast

    @Option(help: "The Databricks account id (a UUID; also the external id cross-account roles must require).")
    var databricksAccountId: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    mutating func run() async throws {
        var configuration = EmulatorConfiguration(port: port)
        configuration.host = host
        configuration.region = region
        configuration.stateDirectory = stateDir
        configuration.enforcesIAM = iam == .on
        configuration.enforcesKinesisLimits = kinesisLimits == .real
        configuration.databricks.timings = databricksTimings == .realistic ? .realistic : .fast
        if let databricksAccountId {
            guard UUID(uuidString: databricksAccountId) != nil else {
                throw ValidationError("--databricks-account-id must be a UUID")
            }
            configuration.databricks.accountId = databricksAccountId.lowercased()
        }
        let level = logLevel
        configuration.logger = Logger(label: "brickyard") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let emulator: Emulator
        do {
            emulator = try await Emulator.start(configuration)
        } catch {
            throw ValidationError("cannot start the emulator on \(host):\(port): \(error)")
        }
        let signal = await Self.waitForTermination {
            let line = "Brickyard emulator ready at \(emulator.endpoint.absoluteString)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        configuration.logger.info("received \(signal), shutting down")
        await emulator.shutdown()
    }

    /// Installs SIGINT and SIGTERM handlers, runs `ready`, and returns the name of the signal that arrives.
    static func waitForTermination(ready: () -> Void) async -> String {
        await withCheckedContinuation { continuation in
            let queue = DispatchQueue(label: "brickyard.signals")
            var sources: [DispatchSourceSignal] = []
            let once = OnceFlag()
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if once.take() {
                        sources.forEach { $0.cancel() }
                        continuation.resume(returning: name)
                    }
                }
                source.resume()
                sources.append(source)
            }
            ready()
        }
    }
}

/// A flag that can be taken once, from any thread.
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false

    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if taken { return false }
        taken = true
        return true
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
