import AWSWire
import Foundation
import Logging
import NIOCore
import NIOPosix

/// A running emulator: S3 (and, as they arrive, STS, IAM, Kinesis and Databricks) on one loopback port.
///
/// ```swift
/// let emulator = try await Emulator.start()
/// defer { Task { await emulator.shutdown() } }
/// print(emulator.endpoint)  // http://127.0.0.1:54321
/// ```
///
/// Each emulator owns all of its state; two emulators in one process share nothing.
public final class Emulator: Sendable {
    /// The configuration it runs with (the port is the bound one).
    public let configuration: EmulatorConfiguration
    /// The base URL of every service, `http://host:port`.
    public let endpoint: URL
    /// The clock every lifecycle and expiry reads.
    public let clock: EmulatorClock
    /// The credentials the emulator accepts.
    public let credentials: CredentialStore

    let services: EmulatorServices
    private let server: HTTPServer
    private let ticker: Task<Void, Never>

    private init(
        configuration: EmulatorConfiguration, endpoint: URL, clock: EmulatorClock, credentials: CredentialStore,
        services: EmulatorServices, server: HTTPServer
    ) {
        self.configuration = configuration
        self.endpoint = endpoint
        self.clock = clock
        self.credentials = credentials
        self.services = services
        self.server = server
        // Lifecycles that nobody polls (log delivery, auto-termination) move on without a request.
        ticker = Task { [services] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 500_000_000)
                services.databricks.account.settle()
            }
        }
    }

    /// Starts an emulator.
    /// - Parameter configuration: How to run it; by default on a free loopback port with state in memory.
    /// - Returns: The running emulator.
    /// - Throws: When the port cannot be bound or the state directory cannot be read or written.
    public static func start(_ configuration: EmulatorConfiguration = EmulatorConfiguration()) async throws -> Emulator
    {
        let clock = EmulatorClock()
        let credentials = CredentialStore(
            bootstrap: AWSCredential(
                accessKeyId: configuration.accessKeyId, secretAccessKey: configuration.secretAccessKey,
                principal: .root(accountId: configuration.accountId)))
        if let directory = configuration.stateDirectory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // What a process killed mid-write left: a temporary is never state (the rename did not happen).
            let leftovers = DurableFile.removeLeftovers(in: directory)
            if !leftovers.isEmpty {
                configuration.logger.info(
                    "removed temporaries a stopped emulator left", metadata: ["files": "\(leftovers.joined(separator: ", "))"])
            }
        }
        let services = try EmulatorServices(configuration: configuration, clock: clock, credentials: credentials)
        let server = try await HTTPServer.start(
            host: configuration.host, port: configuration.port, limits: configuration.limits,
            responder: services, errors: services, logger: configuration.logger)
        var bound = configuration
        bound.port = server.localAddress?.port ?? configuration.port
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let endpoint = URL(string: "http://\(host):\(bound.port)")!
        services.setEndpoint(endpoint)
        return Emulator(
            configuration: bound, endpoint: endpoint, clock: clock, credentials: credentials, services: services,
            server: server)
    }

    /// Stops serving, flushes persisted state and releases the port.
    public func shutdown() async {
        ticker.cancel()
        await server.shutdown()
        services.sync()
    }

    /// The faults injected into answers (also reachable as `/_brickyard/faults`).
    public var faults: FaultInjector { services.faults }

    /// Forgets every resource of every service (as `POST /_brickyard/reset` does).
    public func reset() throws {
        try services.reset()
    }
}
