import AWSWire
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Every service of one emulator, and the routing of a request to the one it is for.
final class EmulatorServices: RequestResponder, ProtocolErrorRenderer, Sendable {
    let configuration: EmulatorConfiguration
    let clock: EmulatorClock
    let credentials: CredentialStore
    let authenticator: RequestAuthenticator
    let authorizer: Authorizer
    let iam: IAMService
    let sts: STSService
    let s3: S3Service
    let query: QueryEndpoint
    let databricks: DatabricksService
    let kinesis: KinesisService
    let faults = FaultInjector()
    private let endpointBox = NIOLockedValueBox<URL?>(nil)
    private let startedAt = Date()

    init(configuration: EmulatorConfiguration, clock: EmulatorClock, credentials: CredentialStore) throws {
        self.configuration = configuration
        self.clock = clock
        self.credentials = credentials
        authenticator = RequestAuthenticator(
            credentials: credentials, clock: clock, defaultRegion: configuration.region)
        func journal(_ name: String) -> String? {
            configuration.stateDirectory.map { ($0 as NSString).appendingPathComponent("\(name).journal") }
        }
        iam = try IAMService(
            journalPath: journal("iam"), credentials: credentials, clock: clock, logger: configuration.logger)
        authorizer = Authorizer(directory: iam, isEnforcing: configuration.enforcesIAM)
        sts = try STSService(
            directory: iam, authorizer: authorizer, credentials: credentials, journalPath: journal("sts"),
            clock: clock, logger: configuration.logger)
        query = QueryEndpoint(
            authenticator: authenticator, authorizer: authorizer, clock: clock, logger: configuration.logger)
        s3 = try S3Service(
            configuration: S3Service.Configuration(
                region: configuration.region, virtualHostSuffixes: configuration.virtualHostSuffixes),
            journalPath: journal("s3"), authenticator: authenticator, authorizer: authorizer, clock: clock,
            logger: configuration.logger)
        kinesis = try KinesisService(
            journalPath: journal("kinesis"), authenticator: authenticator, authorizer: authorizer, clock: clock,
            logger: configuration.logger,
            timings: KinesisService.Timings(
                creation: configuration.kinesisTimings.creation, update: configuration.kinesisTimings.update,
                deletion: configuration.kinesisTimings.deletion),
            enforcesLimits: configuration.enforcesKinesisLimits)
        let validator = AWSSideValidator(
            iam: iam, sts: sts, s3: s3, authorizer: authorizer, clock: clock, configuration: configuration.databricks)
        let box = endpointBox
        databricks = try DatabricksService(
            configuration: configuration.databricks, validator: validator, clock: clock,
            customerAWSAccountId: configuration.accountId,
            statePath: configuration.stateDirectory.map { ($0 as NSString).appendingPathComponent("databricks.json") },
            logger: configuration.logger,
            endpoint: { box.withLockedValue { $0?.absoluteString ?? "" } })
    }

    var endpoint: URL? { endpointBox.withLockedValue { $0 } }

    func setEndpoint(_ url: URL) {
        endpointBox.withLockedValue { $0 = url }
    }

    func sync() {
        s3.store.sync()
        iam.sync()
        sts.sync()
        kinesis.sync()
    }

    func reset() throws {
        try s3.store.reset()
        credentials.reset()
        try iam.reset()
        try sts.reset()
        databricks.reset()
        try kinesis.reset()
        faults.removeAll()
    }

    // MARK: - Routing

    func respond(to request: EmulatorRequest) async -> EmulatorResponse {
        if request.rawPath.hasPrefix(AdminEndpoints.pathPrefix) {
            return AdminEndpoints(services: self).respond(to: request)
        }
        let detected: DetectedService =
            DatabricksService.claims(request) ? .databricks : ServiceDetector.detect(request)
        if let injected = await injectFault(request, detected) { return injected }
        switch detected {
        case .databricks:
            return databricks.handle(request)
        case .s3:
            return s3.handle(request)
        case .query("iam"):
            return query.handle(request, service: iam)
        case .query("sts"):
            return query.handle(request, service: sts)
        case .query(let service):
            return QueryProtocolErrors.unsupported(service: service, request: request)
        case .json("kinesis", let target):
            return kinesis.handle(request, target: target)
        case .json(let service, let target):
            return JSONProtocolErrors.unknownOperation(service: service, target: target)
        }
    }

    // MARK: - Front-end errors

    func render(_ error: FrontEndError, head: HTTPRequestHead?) -> EmulatorResponse {
        let s3Error: S3Error
        switch error {
        case .headerSectionTooLarge:
            s3Error = S3Error(
                "RequestHeaderSectionTooLarge", .badRequest,
                "Your request header section exceeds the maximum allowed size.",
                [("MaxSizeAllowed", String(configuration.limits.maxHeaderSectionSize))])
        case .entityTooLarge(let size, let limit):
            s3Error = S3Error(
                "EntityTooLarge", .badRequest, "Your proposed upload exceeds the maximum allowed size",
                [("ProposedSize", String(size)), ("MaxSizeAllowed", String(limit))])
        case .incompleteBody:
            s3Error = S3Error(
                "IncompleteBody", .badRequest,
                "You did not provide the number of bytes specified by the Content-Length HTTP header.")
        case .requestTimeout:
            s3Error = S3Error(
                "RequestTimeout", .badRequest,
                "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed."
            )
        case .malformedHTTP:
            s3Error = S3Error("BadRequest", .badRequest, "An error occurred when parsing the HTTP request.")
        }
        let path = head.map { String($0.uri.prefix { $0 != "?" }) } ?? "/"
        if let head, DatabricksService.claims(path: path, headers: head.headers) {
            return DatabricksError(
                s3Error.code == "EntityTooLarge" ? "REQUEST_LIMIT_EXCEEDED" : "MALFORMED_REQUEST",
                s3Error.code == "EntityTooLarge" ? .payloadTooLarge : .badRequest, s3Error.message
            ).response(requestId: UUID().uuidString.lowercased())
        }
        return s3.render(s3Error, path, S3RequestID.make())
    }
}
