import AWSWire
import Foundation

/// Enhanced fan-out consumers: register, describe, list, deregister (SubscribeToShard needs HTTP/2 event streams,
/// which this server does not speak).
extension KinesisService {
    static let consumersPerStream = 20

    func registerConsumer(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard call.string("StreamARN") != nil else { throw .missing("StreamARN") }
        let name = try call.required("ConsumerName")
        guard (1...128).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
        else {
            throw .validation(
                "1 validation error detected: Value '\(name)' at 'consumerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
            )
        }
        let duration = timings.creation
        let consumer = try withStream(call) { stream throws(KinesisError) -> KinesisConsumer in
            if stream.consumers.contains(where: { $0.name == name }) {
                throw .resourceInUse(
                    "Consumer \(name) under stream \(stream.name) already exists for account \(call.accountId).")
            }
            guard stream.consumers.count < Self.consumersPerStream else {
                throw .limitExceeded(
                    "Stream \(stream.name) under account \(call.accountId) has reached the limit of \(Self.consumersPerStream) registered consumers."
                )
            }
            let consumer = KinesisConsumer(
                name: name, arn: "\(stream.arn)/consumer/\(name):\(Int64(call.now.timeIntervalSince1970))",
                createdAt: call.now, status: "CREATING", transitionAt: call.now.addingTimeInterval(duration))
            stream.consumers.append(consumer)
            return consumer
        }
        return .map(["Consumer": Self.document(consumer, streamArn: nil)])
    }

    static func document(_ consumer: KinesisConsumer, streamArn: String?) -> AWSDocument {
        var object: [String: AWSDocument] = [
            "ConsumerName": .string(consumer.name), "ConsumerARN": .string(consumer.arn),
            "ConsumerStatus": .string(consumer.status), "ConsumerCreationTimestamp": .timestamp(consumer.createdAt),
        ]
        if let streamArn { object["StreamARN"] = .string(streamArn) }
        return .map(object)
    }

    /// The stream call and consumer name a request names, by `ConsumerARN` or by `StreamARN` and `ConsumerName`.
    func consumerReference(_ call: KinesisCall) throws(KinesisError) -> (KinesisCall, String?, String?) {
        var call = call
        if let arn = call.string("ConsumerARN") {
            guard let range = arn.range(of: "/consumer/") else {
                throw .invalidArgument("Invalid ConsumerARN \(arn).")
            }
            call.input["StreamARN"] = .string(String(arn[..<range.lowerBound]))
            call.input["StreamName"] = nil
            return (call, nil, arn)
        }
        guard call.string("StreamARN") != nil else { throw .missing("StreamARN") }
        return (call, try call.required("ConsumerName"), nil)
    }

    /// Settles consumers' lifecycles and finds one.
    private func withConsumer<T>(
        _ call: KinesisCall, _ body: (inout KinesisStream, Int) throws(KinesisError) -> T
    ) throws(KinesisError) -> T {
        let (streamCall, name, arn) = try consumerReference(call)
        return try withStream(streamCall) { stream throws(KinesisError) -> T in
            Self.settleConsumers(&stream, now: call.now)
            guard let index = stream.consumers.firstIndex(where: { $0.name == name || $0.arn == arn }) else {
                throw .resourceNotFound(
                    "Consumer \(name ?? arn ?? "") under stream \(stream.name) not found for account \(call.accountId).",
                    exact: true)
            }
            return try body(&stream, index)
        }
    }

    static func settleConsumers(_ stream: inout KinesisStream, now: Date) {
        stream.consumers = stream.consumers.compactMap { consumer in
            guard let at = consumer.transitionAt, at <= now else { return consumer }
            if consumer.status == "DELETING" { return nil }
            var updated = consumer
            updated.status = "ACTIVE"
            updated.transitionAt = nil
            return updated
        }
    }

    func describeConsumer(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        try withConsumer(call) { stream, index in
            .map(["ConsumerDescription": Self.document(stream.consumers[index], streamArn: stream.arn)])
        }
    }

    func deregisterConsumer(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let duration = timings.deletion
        try withConsumer(call) { stream, index in
            stream.consumers[index].status = "DELETING"
            stream.consumers[index].transitionAt = call.now.addingTimeInterval(duration)
        }
        return .map([:])
    }

    func listConsumers(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard call.string("StreamARN") != nil else { throw .missing("StreamARN") }
        let maxResults = try call.integer("MaxResults", in: 1...10_000, default: 100)
        let start = call.string("NextToken").flatMap { Int($0) } ?? 0
        guard start >= 0 else { throw .invalidArgument("NextToken is not valid: \(start)") }
        return try withStream(call) { stream in
            Self.settleConsumers(&stream, now: call.now)
            let page = Array(stream.consumers.dropFirst(start).prefix(maxResults))
            var answer: [String: AWSDocument] = [
                "Consumers": .list(page.map { Self.document($0, streamArn: nil) })
            ]
            if start + page.count < stream.consumers.count { answer["NextToken"] = .string(String(start + page.count)) }
            return .map(answer)
        }
    }
}
