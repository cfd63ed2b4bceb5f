import CloudClients
import Emulator
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns a ``ProvisioningTarget`` into a ``CloudSession``: starts the in-process emulator, asks a running one for its
/// accounts, or resolves the live credential chains and checks them before anything is created.
public struct TargetResolver: Sendable {
    /// The environment (credential chains, endpoint overrides) and home directory (`~/.aws`, `~/.databrickscfg`).
    public var sources: ConfigurationSources

    public init(_ sources: ConfigurationSources = .current) {
        self.sources = sources
    }

    private var environment: [String: String] { sources.environment }

    /// A session on an emulator started in this process; the emulator is returned so the caller can stop it.
    public func startEmulator(
        _ configuration: EmulatorConfiguration = EmulatorConfiguration()
    ) async throws -> (
        CloudSession, Emulator
    ) {
        let emulator = try await Emulator.start(configuration)
        let clock = emulator.clock
        var session = Self.emulatorSession(
            endpoint: emulator.endpoint, configuration: configuration,
            clock: EmulatorClockControl { seconds in clock.advance(by: seconds) })
        session.description = "in-process emulator at \(emulator.endpoint.absoluteString)"
        session.environment = environment
        return (session, emulator)
    }

    static func emulatorSession(
        endpoint: URL, configuration: EmulatorConfiguration, clock: EmulatorClockControl
    ) -> CloudSession {
        let databricks = configuration.databricks
        return CloudSession(
            aws: .init(
                s3: endpoint, iam: endpoint, sts: endpoint, kinesis: endpoint,
                credentials: AWSCredentials(
                    accessKeyId: configuration.accessKeyId, secretAccessKey: configuration.secretAccessKey),
                region: configuration.region, accountId: configuration.accountId),
            databricks: .init(
                host: endpoint, accountId: databricks.accountId,
                authentication: .oauth(clientId: databricks.clientId, clientSecret: databricks.clientSecret),
                awsAccountId: databricks.awsAccountId),
            description: "emulator at \(endpoint.absoluteString)", clock: clock, isLive: false)
    }

    /// A session on a running emulator, from its `/_brickyard/info`.
    /// - Throws: ``TargetError`` when nothing answers there or the answer is not an emulator's.
    public func connect(emulator endpoint: URL) async throws(TargetError) -> CloudSession {
        let info: [String: Any]
        do {
            let (data, _) = try await URLSession.shared.data(from: endpoint.appendingPathComponent("_brickyard/info"))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw TargetError("not JSON")
            }
            info = object
        } catch {
            throw TargetError(
                "no Brickyard emulator answers at \(endpoint.absoluteString) (\(error)); start one with `brickyard serve`"
            )
        }
        guard let aws = info["aws"] as? [String: Any], let databricks = info["databricks"] as? [String: Any] else {
            throw TargetError("\(endpoint.absoluteString)/_brickyard/info is not a Brickyard emulator's answer")
        }
        var configuration = EmulatorConfiguration()
        configuration.region = aws["region"] as? String ?? configuration.region
        configuration.accountId = aws["accountId"] as? String ?? configuration.accountId
        configuration.accessKeyId = aws["accessKeyId"] as? String ?? configuration.accessKeyId
        configuration.secretAccessKey = aws["secretAccessKey"] as? String ?? configuration.secretAccessKey
        configuration.databricks.accountId = databricks["accountId"] as? String ?? configuration.databricks.accountId
        configuration.databricks.clientId = databricks["clientId"] as? String ?? configuration.databricks.clientId
        configuration.databricks.clientSecret =
            databricks["clientSecret"] as? String ?? configuration.databricks.clientSecret
        configuration.databricks.awsAccountId =
            databricks["awsAccountId"] as? String ?? configuration.databricks.awsAccountId
        let advanceURL = endpoint.appendingPathComponent("_brickyard/clock/advance")
        let clock = EmulatorClockControl { seconds in
            var request = URLRequest(url: advanceURL)
            request.httpMethod = "POST"
            request.httpBody = Data(#"{"seconds":\#(seconds)}"#.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            _ = try await URLSession.shared.data(for: request)
        }
        var session = Self.emulatorSession(endpoint: endpoint, configuration: configuration, clock: clock)
        session.environment = environment
        return session
    }

    /// A session on real AWS and Databricks: the credential chains, then `GetCallerIdentity` to prove the AWS
    /// credentials work and learn the account.
    /// - Throws: ``TargetError`` naming every place credentials were looked for.
    public func live(awsProfile: String?, databricksProfile: String?) async throws(TargetError) -> CloudSession {
        let resolvedAWS: ResolvedAWSCredentials
        let resolvedDatabricks: ResolvedDatabricksConfig
        do {
            resolvedAWS = try AWSCredentialChain(sources).resolve(profile: awsProfile)
        } catch {
            throw TargetError("--target live: no usable AWS credentials: \(error.message)", lookedAt: error.lookedAt)
        }
        do {
            resolvedDatabricks = try DatabricksConfigChain(sources).resolve(profile: databricksProfile)
        } catch {
            throw TargetError(
                "--target live: no usable Databricks account credentials: \(error.message)", lookedAt: error.lookedAt)
        }
        guard let accountId = resolvedDatabricks.accountId else {
            throw TargetError(
                "--target live: \(resolvedDatabricks.source) has no account_id (DATABRICKS_ACCOUNT_ID); the provisioning "
                    + "steps need the account API", lookedAt: [resolvedDatabricks.source])
        }
        let region = resolvedAWS.region ?? "us-east-1"
        let endpoints = AWSEndpoints(environment: environment, region: region)
        let sts = STSClient(endpoint: endpoints.sts, credentials: resolvedAWS.credentials, region: region)
        let identity: STSClient.CallerIdentity
        do {
            identity = try await sts.getCallerIdentity()
        } catch {
            throw TargetError(
                "--target live: the AWS credentials from \(resolvedAWS.source) do not work at "
                    + "\(endpoints.sts.absoluteString): \(error)", lookedAt: [resolvedAWS.source])
        }
        var session = CloudSession(
            aws: .init(
                s3: endpoints.s3, iam: endpoints.iam, sts: endpoints.sts, kinesis: endpoints.kinesis,
                credentials: resolvedAWS.credentials, region: region, accountId: identity.account),
            databricks: .init(
                host: resolvedDatabricks.host, accountId: accountId,
                authentication: resolvedDatabricks.authentication,
                awsAccountId: environment["BRICKYARD_DATABRICKS_AWS_ACCOUNT"] ?? "414351767826"),
            description:
                "live: AWS account \(identity.account) (\(resolvedAWS.source)), Databricks account \(accountId) at "
                + "\(resolvedDatabricks.host.absoluteString) (\(resolvedDatabricks.source))",
            clock: nil, isLive: true)
        session.environment = environment
        return session
    }
}

/// The AWS endpoints of a region, with the SDKs' overrides: `AWS_ENDPOINT_URL` for every service and
/// `AWS_ENDPOINT_URL_<SERVICE>` for one.
struct AWSEndpoints {
    var s3: URL
    var iam: URL
    var sts: URL
    var kinesis: URL

    init(environment: [String: String], region: String) {
        func endpoint(_ service: String, _ standard: String) -> URL {
            let override = environment["AWS_ENDPOINT_URL_\(service.uppercased())"] ?? environment["AWS_ENDPOINT_URL"]
            return override.flatMap { $0.isEmpty ? nil : URL(string: $0) } ?? URL(string: standard)!
        }
        s3 = endpoint("s3", "https://s3.\(region).amazonaws.com")
        iam = endpoint("iam", "https://iam.amazonaws.com")
        sts = endpoint("sts", "https://sts.\(region).amazonaws.com")
        kinesis = endpoint("kinesis", "https://kinesis.\(region).amazonaws.com")
    }
}

extension TargetResolver {
    /// A session on a running emulator or live endpoints (the in-process emulator is started by
    /// ``startEmulator(_:)``, which returns it to stop).
    /// - Throws: ``TargetError``.
    public func session(for target: ProvisioningTarget) async throws(TargetError) -> CloudSession {
        switch target {
        case .inProcessEmulator:
            throw TargetError("the in-process emulator is started with startEmulator(_:)")
        case .emulator(let url):
            return try await connect(emulator: url)
        case .live(let awsProfile, let databricksProfile):
            return try await live(awsProfile: awsProfile, databricksProfile: databricksProfile)
        }
    }
}
