import AWSWire
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PolicyEngine

/// Amazon Kinesis Data Streams over JSON 1.1 and CBOR 1.1 (`X-Amz-Target: Kinesis_20131202.<Operation>`): streams,
/// shards and records, signed and authorized like every other service.
final class KinesisService: Sendable {
    static let targetPrefix = "Kinesis_20131202."

    /// How long lifecycles take on the emulator's clock.
    struct Timings: Sendable {
        var creation: TimeInterval = 0.5
        var update: TimeInterval = 0.5
        var deletion: TimeInterval = 0.5
    }

    let authenticator: RequestAuthenticator
    let authorizer: Authorizer
    let clock: EmulatorClock
    let logger: Logger
    let timings: Timings
    let throughput: KinesisThroughput
    /// The streams, journaled when a state directory is set.
    let store: JournaledStore<KinesisState>

    init(
        journalPath: String?, authenticator: RequestAuthenticator, authorizer: Authorizer, clock: EmulatorClock,
        logger: Logger, timings: Timings = Timings(), enforcesLimits: Bool = false
    ) throws {
        throughput = KinesisThroughput(isEnforcing: enforcesLimits)
        store = try JournaledStore(journalPath: journalPath)
        self.authenticator = authenticator
        self.authorizer = authorizer
        self.clock = clock
        self.logger = logger
        self.timings = timings
    }

    func reset() throws {
        try store.reset()
    }

    func sync() {
        store.sync()
    }

    /// The operations served, by name.
    static let operationNames: Set<String> = [
        "CreateStream", "DeleteStream", "DescribeStream", "DescribeStreamSummary", "ListStreams", "ListShards",
        "AddTagsToStream", "RemoveTagsFromStream", "ListTagsForStream", "IncreaseStreamRetentionPeriod",
        "DecreaseStreamRetentionPeriod", "PutRecord", "PutRecords", "GetShardIterator", "GetRecords", "SplitShard",
        "MergeShards", "UpdateShardCount", "UpdateStreamMode", "StartStreamEncryption", "StopStreamEncryption",
        "EnableEnhancedMonitoring", "DisableEnhancedMonitoring", "RegisterStreamConsumer", "DescribeStreamConsumer",
        "ListStreamConsumers", "DeregisterStreamConsumer",
    ]

    /// Performs one operation.
    func perform(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        switch call.operation {
        case "CreateStream": try createStream(call)
        case "DeleteStream": try deleteStream(call)
        case "DescribeStream": try describeStream(call)
        case "DescribeStreamSummary": try describeStreamSummary(call)
        case "ListStreams": try listStreams(call)
        case "ListShards": try listShards(call)
        case "AddTagsToStream": try addTags(call)
        case "RemoveTagsFromStream": try removeTags(call)
        case "ListTagsForStream": try listTags(call)
        case "IncreaseStreamRetentionPeriod": try changeRetention(call, increase: true)
        case "DecreaseStreamRetentionPeriod": try changeRetention(call, increase: false)
        case "PutRecord": try putRecord(call)
        case "PutRecords": try putRecords(call)
        case "GetShardIterator": try getShardIterator(call)
        case "GetRecords": try getRecords(call)
        case "SplitShard": try splitShard(call)
        case "MergeShards": try mergeShards(call)
        case "UpdateShardCount": try updateShardCount(call)
        case "UpdateStreamMode": try updateStreamMode(call)
        case "StartStreamEncryption": try setEncryption(call, start: true)
        case "StopStreamEncryption": try setEncryption(call, start: false)
        case "EnableEnhancedMonitoring": try setMonitoring(call, enable: true)
        case "DisableEnhancedMonitoring": try setMonitoring(call, enable: false)
        case "RegisterStreamConsumer": try registerConsumer(call)
        case "DescribeStreamConsumer": try describeConsumer(call)
        case "ListStreamConsumers": try listConsumers(call)
        case "DeregisterStreamConsumer": try deregisterConsumer(call)
        default: throw KinesisError("UnknownOperationException", "Unknown operation \(call.operation)")
        }
    }

    // MARK: - Handling

    /// Answers one request whose `X-Amz-Target` names a Kinesis operation.
    func handle(_ incoming: EmulatorRequest, target: String) -> EmulatorResponse {
        var request = incoming
        let requestId = UUID().uuidString.lowercased()
        let wire = KinesisProtocol(contentType: request.header("content-type"))
        func fail(_ error: KinesisError) -> EmulatorResponse {
            logger.debug("Kinesis error", metadata: ["target": "\(target)", "type": "\(error.type)"])
            return wire.response(error.document, status: error.status, requestId: requestId)
        }
        let caller: AWSCaller
        switch authenticator.authenticate(&request, service: "kinesis") {
        case .success(let authenticated): caller = authenticated.caller
        case .failure(let failure): return fail(KinesisError(failure))
        }
        let name = target.hasPrefix(Self.targetPrefix) ? String(target.dropFirst(Self.targetPrefix.count)) : ""
        guard Self.operationNames.contains(name) else {
            return fail(KinesisUnsupportedFeatures.unservedOperation(name, target: target))
        }
        do throws(KinesisError) {
            let input = try wire.decode(request.body)
            let call = KinesisCall(
                operation: name, input: input, credential: caller.credential, region: caller.region,
                request: request, now: clock.now())
            return wire.response(try perform(call), requestId: requestId)
        } catch {
            return fail(error)
        }
    }

    // MARK: - Authorization

    /// Asks the authorizer whether the caller may perform the call's operation on a stream.
    func authorize(_ call: KinesisCall, resource: String) throws(KinesisError) {
        let question = Authorizer.Question(action: "kinesis:\(call.operation)", resource: resource)
        let decision = authorizer.decide(
            question, credential: call.credential, request: call.request, now: call.now, region: call.region)
        guard decision.isAllowed else {
            throw .accessDenied(
                Authorizer.deniedMessage(decision, question: question, principalArn: call.credential.principal.arn))
        }
        if let refusal = KinesisUnsupportedFeatures.refusal(call) { throw refusal }
    }

    static func arn(region: String, account: String, stream: String) -> String {
        "arn:aws:kinesis:\(region):\(account):stream/\(stream)"
    }

    static func key(account: String, region: String, name: String) -> String { "\(account)/\(region)/\(name)" }
}
