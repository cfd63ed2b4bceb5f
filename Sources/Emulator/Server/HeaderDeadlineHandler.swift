import NIOCore

/// Gives each request's header section a deadline from its first byte, however the bytes trickle in.
///
/// The idle timer restarts on every byte, so a client sending one byte every few seconds would hold a connection
/// (and its buffers) forever. This handler sits before the HTTP decoder: the first byte read while a head is
/// awaited starts the clock; ``HTTPRequestHandler`` stops it when the head is decoded and rearms it when the
/// connection waits for its next request. When time runs out it answers `RequestTimeout` itself, as raw bytes
/// (no request exists for the HTTP handlers to answer), and closes.
final class HeaderDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private let answer: @Sendable () -> EmulatorResponse
    private var awaitingHead = true
    private var deadline: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    /// - Parameters:
    ///   - timeout: How long a header section may take from its first byte.
    ///   - answer: What a client that ran out of time gets.
    init(timeout: TimeAmount, answer: @escaping @Sendable () -> EmulatorResponse) {
        self.timeout = timeout
        self.answer = answer
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if awaitingHead && deadline == nil {
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                let handler = loopBound.value
                handler.deadline = nil
                guard handler.awaitingHead, let context = handler.context else { return }
                handler.expire(context: context)
            }
        }
        context.fireChannelRead(data)
    }

    private func expire(context: ChannelHandlerContext) {
        let response = answer()
        var head = "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for (name, value) in response.headers where name.lowercased() != "content-length" {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.readableBytes)\r\nConnection: close\r\n\r\n"
        var bytes = context.channel.allocator.buffer(string: head)
        var body = response.body
        bytes.writeBuffer(&body)
        context.writeAndFlush(wrapOutboundOut(bytes)).whenComplete { _ in context.close(promise: nil) }
    }

    /// A head was decoded: its deadline no longer applies.
    func headReceived() {
        awaitingHead = false
        deadline?.cancel()
        deadline = nil
    }

    /// The connection waits for another request: the next byte starts a new deadline.
    func awaitNextHead() {
        awaitingHead = true
    }
}
