import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// Limits the HTTP front end enforces before a request reaches a service.
public struct HTTPLimits: Sendable {
    /// The largest request body accepted in one request (S3's single PUT limit is 5 GiB; a `ByteBuffer` holds at most 4 GiB).
    public var maxBodySize: Int = 1 << 30
    /// The largest header section, in bytes (S3 answers `RequestHeaderSectionTooLarge` past 8 KiB).
    public var maxHeaderSectionSize: Int = 8 * 1024
    /// How long a connection may stay silent, mid-request or between requests.
    public var idleTimeout: TimeAmount = .seconds(20)
    /// How long a request's header section may take from its first byte to its end, however it trickles in.
    public var headerTimeout: TimeAmount = .seconds(20)

    /// The defaults.
    public init() {}
}

/// The listener: a SwiftNIO HTTP/1.1 server that hands complete requests to a ``RequestResponder``.
final class HTTPServer: Sendable {
    let channel: Channel
    let group: MultiThreadedEventLoopGroup
    let ownsGroup: Bool

    /// The bound address.
    var localAddress: SocketAddress? { channel.localAddress }

    private init(channel: Channel, group: MultiThreadedEventLoopGroup, ownsGroup: Bool) {
        self.channel = channel
        self.group = group
        self.ownsGroup = ownsGroup
    }

    /// Binds and starts serving.
    static func start(
        host: String,
        port: Int,
        limits: HTTPLimits,
        responder: any RequestResponder,
        errors: any ProtocolErrorRenderer,
        logger: Logger,
        group: MultiThreadedEventLoopGroup? = nil
    ) async throws -> HTTPServer {
        let eventLoopGroup = group ?? MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    let deadline = HeaderDeadlineHandler(timeout: limits.headerTimeout) {
                        errors.render(.requestTimeout, head: nil)
                    }
                    try sync.addHandler(IdleStateHandler(readTimeout: limits.idleTimeout))
                    try sync.addHandler(deadline)
                    try sync.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: false)
                    try sync.addHandler(
                        HTTPRequestHandler(
                            responder: responder, errors: errors, limits: limits, logger: logger,
                            headerDeadline: deadline))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return HTTPServer(channel: channel, group: eventLoopGroup, ownsGroup: group == nil)
        } catch {
            if group == nil { try? await eventLoopGroup.shutdownGracefully() }
            throw error
        }
    }

    /// Stops listening, closes the listener and, if it owns them, the event loops.
    func shutdown() async {
        try? await channel.close()
        if ownsGroup { try? await group.shutdownGracefully() }
    }
}

/// Answers complete requests.
protocol RequestResponder: Sendable {
    func respond(to request: EmulatorRequest) async -> EmulatorResponse
}

/// Renders the errors the HTTP front end detects itself, in the wire form of the service the client most likely spoke.
protocol ProtocolErrorRenderer: Sendable {
    func render(_ error: FrontEndError, head: HTTPRequestHead?) -> EmulatorResponse
}

/// Errors found before a request reaches a service.
enum FrontEndError: Sendable, Equatable {
    /// The header section is larger than allowed.
    case headerSectionTooLarge
    /// The declared or received body is larger than allowed.
    case entityTooLarge(size: Int, limit: Int)
    /// The client closed its side before sending the whole body.
    case incompleteBody
    /// The client stopped sending mid-request.
    case requestTimeout
    /// The bytes are not HTTP/1.1.
    case malformedHTTP
}
