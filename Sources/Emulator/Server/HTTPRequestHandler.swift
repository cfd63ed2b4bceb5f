import Logging
import NIOCore
import NIOHTTP1

/// Collects one request at a time (head, body, end), hands it to the responder and writes the response.
///
/// It enforces ``HTTPLimits``, answers `Expect: 100-continue`, turns a half-closed or silent connection mid-body into
/// `IncompleteBody` / `RequestTimeout`, and answers garbage with a 400 before closing. It never lets an error escape.
final class HTTPRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        /// Waiting for a request head.
        case idle
        /// Reading the body of a request.
        case receiving(HTTPRequestHead, ByteBuffer)
        /// Discarding the rest of a request already answered with an error; close when it ends.
        case discarding
        /// A request is with the responder.
        case responding
        /// The connection is closing.
        case closed
    }

    private let responder: any RequestResponder
    private let errors: any ProtocolErrorRenderer
    private let limits: HTTPLimits
    private let logger: Logger
    private let headerDeadline: HeaderDeadlineHandler?
    private var state = State.idle
    private var inputClosed = false
    /// The connection failed while a request was with the responder: answer it, then close.
    private var inputBroken = false

    init(
        responder: any RequestResponder, errors: any ProtocolErrorRenderer, limits: HTTPLimits, logger: Logger,
        headerDeadline: HeaderDeadlineHandler? = nil
    ) {
        self.responder = responder
        self.errors = errors
        self.limits = limits
        self.logger = logger
        self.headerDeadline = headerDeadline
    }

    // MARK: - Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .idle = state else { return }
            headerDeadline?.headReceived()
            receiveHead(head, context: context)
        case .body(var chunk):
            guard case .receiving(let head, var body) = state else { return }
            if body.readableBytes + chunk.readableBytes > limits.maxBodySize {
                let size = body.readableBytes + chunk.readableBytes
                rejectAndClose(.entityTooLarge(size: size, limit: limits.maxBodySize), head: head, context: context)
                return
            }
            state = .idle  // release the buffer's reference so the append below does not copy
            body.writeBuffer(&chunk)
            state = .receiving(head, body)
        case .end:
            switch state {
            case .receiving(let head, let body):
                state = .responding
                dispatch(head: head, body: body, context: context)
            case .discarding:
                close(context: context)
            default:
                break
            }
        }
    }

    private func receiveHead(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headerBytes = head.uri.utf8.count + 16
        for header in head.headers { headerBytes += header.name.utf8.count + header.value.utf8.count + 4 }
        if headerBytes > limits.maxHeaderSectionSize {
            rejectAndClose(.headerSectionTooLarge, head: head, context: context)
            return
        }
        var capacity = 0
        if let lengthText = head.headers.first(name: "content-length") {
            guard let length = Int(lengthText), length >= 0 else {
                rejectAndClose(.malformedHTTP, head: head, context: context)
                return
            }
            if length > limits.maxBodySize {
                rejectAndClose(.entityTooLarge(size: length, limit: limits.maxBodySize), head: head, context: context)
                return
            }
            capacity = min(length, 64 << 20)
        }
        state = .receiving(head, context.channel.allocator.buffer(capacity: capacity))
        if head.headers.first(name: "expect")?.lowercased().hasPrefix("100") == true {
            let continueHead = HTTPResponseHead(version: head.version, status: .continue)
            context.writeAndFlush(wrapOutboundOut(.head(continueHead)), promise: nil)
        }
    }

    private func dispatch(head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        let request = EmulatorRequest(
            method: head.method, uri: head.uri, headers: head.headers, body: body,
            remoteAddress: context.channel.remoteAddress)
        let responder = self.responder
        let promise = context.eventLoop.makePromise(of: EmulatorResponse.self)
        promise.completeWithTask { await responder.respond(to: request) }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        promise.futureResult.whenSuccess { response in
            let (handler, context) = loopBound.value
            handler.write(response, for: head, context: context)
        }
    }

    // MARK: - Writing

    private func write(_ response: EmulatorResponse, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard case .responding = state else { return }
        // A response to CONNECT is written without body framing (SwiftNIO, RFC 9112), so only closing the connection
        // tells the client it is complete; nothing here tunnels, so every CONNECT gets an error and a close.
        let keepAlive = head.isKeepAlive && !inputClosed && !inputBroken && head.method != .CONNECT
        // Become idle before writing: the pipelining handler delivers the next buffered request from inside the
        // write of `.end`, and it must find this handler ready for it.
        state = keepAlive ? .idle : .discarding
        if keepAlive { headerDeadline?.awaitNextHead() }
        writeResponse(response, method: head.method, version: head.version, keepAlive: keepAlive, context: context)
        if !keepAlive { close(context: context) }
    }

    private func writeResponse(
        _ response: EmulatorResponse, method: HTTPMethod, version: HTTPVersion, keepAlive: Bool,
        context: ChannelHandlerContext
    ) {
        var headers = response.headers
        if !headers.contains(name: "content-length") {
            headers.add(name: "Content-Length", value: String(response.body.readableBytes))
        }
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let responseHead = HTTPResponseHead(version: version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if method != .HEAD && response.body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Answers an error the front end found and closes the connection once the answer is written.
    private func rejectAndClose(_ error: FrontEndError, head: HTTPRequestHead?, context: ChannelHandlerContext) {
        logger.debug("rejecting request", metadata: ["error": "\(error)"])
        let response = errors.render(error, head: head)
        let version = head?.version ?? .http1_1
        writeResponse(response, method: head?.method ?? .GET, version: version, keepAlive: false, context: context)
        if case .receiving = state, !inputClosed {
            // Keep reading (and dropping) the rest of the request so the client sees the answer, then close.
            state = .discarding
        } else {
            close(context: context)
        }
    }

    private func close(context: ChannelHandlerContext) {
        if case .closed = state { return }
        state = .closed
        // Whatever was written goes out first: an answer written just before (a response, then the 400 for the
        // garbage after it) is never dropped by the close.
        context.flush()
        context.close(promise: nil)
    }

    // MARK: - Events and errors

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            switch state {
            case .receiving(let head, _):
                rejectAndClose(.requestTimeout, head: head, context: context)
                close(context: context)
            case .responding:
                break  // the responder is still working; its answer closes or keeps the connection
            default:
                close(context: context)
            }
            return
        }
        if let channelEvent = event as? ChannelEvent, channelEvent == .inputClosed {
            inputClosed = true
            switch state {
            case .receiving(let head, _):
                rejectAndClose(.incompleteBody, head: head, context: context)
            case .responding:
                break
            default:
                close(context: context)
            }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        switch state {
        case .receiving(let head, _):
            let frontEndError: FrontEndError =
                (error as? HTTPParserError) == .invalidEOFState ? .incompleteBody : .malformedHTTP
            rejectAndClose(frontEndError, head: head, context: context)
            close(context: context)
        case .idle:
            if error is HTTPParserError {
                rejectAndClose(.malformedHTTP, head: nil, context: context)
            }
            close(context: context)
        case .responding:
            // An error while the responder works (the pipelining handler holds parser errors back until the answer
            // is written, so this is the channel's own): the request still gets its answer, then the connection
            // closes.
            inputBroken = true
        default:
            close(context: context)
        }
    }
}
