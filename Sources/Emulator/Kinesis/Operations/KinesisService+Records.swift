import AWSWire
import Crypto
import Foundation

/// Records: PutRecord, PutRecords (routed by the MD5 of the partition key, or an explicit hash key),
/// GetShardIterator (all five types) and GetRecords.
extension KinesisService {
    static let maximumRecordSize = 1_048_576
    static let maximumPutRecordsSize = 5 * 1_048_576
    static let maximumGetRecordsSize = 10 * 1_048_576
    static let iteratorLifetime: TimeInterval = 300

    // MARK: - Putting

    /// A record to put, validated.
    struct Entry {
        var data: [UInt8]
        var partitionKey: String
        var hashKey: UInt128
    }

    static func entry(_ members: [String: AWSDocument], prefix: String = "") throws(KinesisError) -> Entry {
        guard let value = members["Data"], value != .null else { throw .missing("\(prefix)Data") }
        guard let data = value.blob else { throw .serialization("Data must be a base64-encoded blob") }
        guard data.count <= maximumRecordSize else {
            throw .validation(
                "1 validation error detected: Value at '\(prefix.isEmpty ? "data" : prefix + "data")' failed to satisfy constraint: Member must have length less than or equal to 1048576"
            )
        }
        guard let key = members["PartitionKey"]?.string else { throw .missing("\(prefix)PartitionKey") }
        guard (1...256).contains(key.count) else {
            throw .validation(
                "1 validation error detected: Value '\(key)' at 'partitionKey' failed to satisfy constraint: Member must have length between 1 and 256"
            )
        }
        var hash = hashKey(key)
        if let explicit = members["ExplicitHashKey"]?.string {
            guard explicit.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = UInt128(explicit) else {
                throw .invalidArgument(
                    "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was \(explicit)"
                )
            }
            hash = value
        }
        return Entry(data: data, partitionKey: key, hashKey: hash)
    }

    /// The MD5 of a partition key read as a 128-bit unsigned integer.
    static func hashKey(_ partitionKey: String) -> UInt128 {
        Insecure.MD5.hash(data: Data(partitionKey.utf8)).reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
    }

    /// The open shard that holds a record's hash key.
    static func shard(for entry: Entry, in stream: KinesisStream) -> String? {
        stream.shards.first { $0.isOpen && $0.startingHashKey <= entry.hashKey && entry.hashKey <= $0.endingHashKey }?
            .id
    }

    static func throughputExceeded(shard: String, stream: KinesisStream, account: String) -> KinesisError {
        KinesisError(
            "ProvisionedThroughputExceededException",
            "Rate exceeded for shard \(shard) in stream \(stream.name) under account \(account).")
    }

    /// Gives a record its sequence number and the open shard that holds its hash key, and reports it appended.
    static func append(
        _ entry: Entry, to stream: inout KinesisStream, changes: inout KinesisChanges, now: Date
    ) -> (shard: String, sequence: String) {
        let index =
            stream.shards.firstIndex {
                $0.isOpen && $0.startingHashKey <= entry.hashKey && entry.hashKey <= $0.endingHashKey
            } ?? stream.shards.firstIndex(where: \.isOpen)!
        let sequence = stream.nextSequenceNumber()
        let shardId = stream.shards[index].id
        changes.appended.append(
            (
                shardId,
                KinesisRecord(
                    sequenceNumber: sequence, partitionKey: entry.partitionKey, data: entry.data, arrival: now)
            ))
        return (shardId, sequence)
    }

    func putRecord(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let entry = try Self.entry(call.input)
        if let ordering = call.string("SequenceNumberForOrdering"), !KinesisSequence.isValid(ordering) {
            throw .invalidArgument("ExclusiveMinimumSequenceNumber \(ordering) used in PutRecord on stream is invalid.")
        }
        let throughput = self.throughput
        let (shard, sequence, encryption) = try withStream(call, requireActive: true) {
            (stream: inout KinesisStream, changes: inout KinesisChanges) throws(KinesisError) in
            if stream.mode == "PROVISIONED", let target = Self.shard(for: entry, in: stream),
                !throughput.admitWrite(shard: "\(stream.arn)/\(target)", bytes: entry.data.count, now: call.now)
            {
                throw Self.throughputExceeded(shard: target, stream: stream, account: call.accountId)
            }
            let placed = Self.append(entry, to: &stream, changes: &changes, now: call.now)
            return (placed.shard, placed.sequence, stream.encryptionType)
        }
        return .map([
            "ShardId": .string(shard), "SequenceNumber": .string(sequence), "EncryptionType": .string(encryption),
        ])
    }

    func putRecords(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard let records = call.input["Records"]?.list else { throw .missing("Records") }
        guard (1...500).contains(records.count) else {
            throw .validation(
                "1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length \(records.isEmpty ? "greater than or equal to 1" : "less than or equal to 500")"
            )
        }
        var entries: [Entry] = []
        var size = 0
        for record in records {
            guard let members = record.map else { throw .serialization("Records must hold structures") }
            let entry = try Self.entry(members, prefix: "records.member.")
            size += entry.data.count + entry.partitionKey.utf8.count
            entries.append(entry)
        }
        guard size <= Self.maximumPutRecordsSize else {
            throw .invalidArgument("Records size exceeds 5 MB limit")
        }
        let throughput = self.throughput
        let (results, encryption) = try withStream(call, requireActive: true) {
            (stream: inout KinesisStream, changes: inout KinesisChanges) in
            let results = entries.map { entry -> AWSDocument in
                if stream.mode == "PROVISIONED", let target = Self.shard(for: entry, in: stream),
                    !throughput.admitWrite(shard: "\(stream.arn)/\(target)", bytes: entry.data.count, now: call.now)
                {
                    let error = Self.throughputExceeded(shard: target, stream: stream, account: call.accountId)
                    return .map(["ErrorCode": .string(error.type), "ErrorMessage": .string(error.message)])
                }
                let placed = Self.append(entry, to: &stream, changes: &changes, now: call.now)
                return .map(["ShardId": .string(placed.shard), "SequenceNumber": .string(placed.sequence)])
            }
            return (results, stream.encryptionType)
        }
        let failed = results.filter { $0["ErrorCode"] != nil }.count
        return .map([
            "FailedRecordCount": .integer(Int64(failed)), "EncryptionType": .string(encryption),
            "Records": .list(results),
        ])
    }

    // MARK: - Iterators

    /// Where a shard iterator points: the stream, the shard, the sequence number to read from (inclusive or not),
    /// and when it was issued.
    struct Iterator {
        var streamKey: String
        var shardId: String
        var threshold: String
        var inclusive: Bool
        var issued: Date

        var encoded: String {
            let text =
                "1|\(streamKey)|\(shardId)|\(threshold)|\(inclusive ? 1 : 0)|\(Int64(issued.timeIntervalSince1970 * 1000))"
            return Data(text.utf8).base64EncodedString()
        }

        init(streamKey: String, shardId: String, threshold: String, inclusive: Bool, issued: Date) {
            self.streamKey = streamKey
            self.shardId = shardId
            self.threshold = threshold
            self.inclusive = inclusive
            self.issued = issued
        }

        init?(_ text: String) {
            guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8) else {
                return nil
            }
            let parts = decoded.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[0] == "1", let millis = Int64(parts[5]), KinesisSequence.isValid(parts[3])
            else { return nil }
            self.init(
                streamKey: parts[1], shardId: parts[2], threshold: parts[3], inclusive: parts[4] == "1",
                issued: Date(timeIntervalSince1970: Double(millis) / 1000))
        }
    }

    func getShardIterator(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let shardId = try call.required("ShardId")
        let type = try call.required("ShardIteratorType")
        let reference = try streamReference(call)
        let sequence = call.string("StartingSequenceNumber")
        let iterator = try withStream(call, requireActive: true) { stream throws(KinesisError) -> Iterator in
            guard let shard = stream.shards.first(where: { $0.id == shardId }) else {
                throw .resourceNotFound(
                    "Shard \(shardId) in stream \(stream.name) under account \(call.accountId) does not exist",
                    exact: true)
            }
            func iterator(_ threshold: String, inclusive: Bool) -> Iterator {
                Iterator(
                    streamKey: reference.key, shardId: shardId, threshold: threshold, inclusive: inclusive,
                    issued: call.now)
            }
            switch type {
            case "TRIM_HORIZON":
                return iterator("0", inclusive: true)
            case "LATEST":
                return iterator(
                    shard.isOpen ? stream.upcomingSequenceNumber : shard.endingSequenceNumber!, inclusive: true)
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER":
                guard let sequence else {
                    throw .invalidArgument("Must specify a StartingSequenceNumber for \(type) ShardIteratorType.")
                }
                guard KinesisSequence.isValid(sequence) else {
                    throw .invalidArgument(
                        "StartingSequenceNumber \(sequence) used in GetShardIterator on shard \(shardId) in stream \(stream.name) under account \(call.accountId) is invalid."
                    )
                }
                return iterator(sequence, inclusive: type == "AT_SEQUENCE_NUMBER")
            case "AT_TIMESTAMP":
                guard let timestamp = call.input["Timestamp"]?.timestamp else {
                    throw .invalidArgument(
                        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP.")
                }
                let first = shard.records.first { $0.arrival >= timestamp }
                return iterator(first?.sequenceNumber ?? stream.upcomingSequenceNumber, inclusive: true)
            default:
                throw .validation(
                    "1 validation error detected: Value '\(type)' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]"
                )
            }
        }
        return .map(["ShardIterator": .string(iterator.encoded)])
    }

    // MARK: - Reading

    func getRecords(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let text = try call.required("ShardIterator")
        let limit = Int(try call.integer("Limit") ?? 10_000)
        guard (1...10_000).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000"
            )
        }
        guard let iterator = Iterator(text) else { throw .invalidArgument("Invalid ShardIterator.") }
        if call.now.timeIntervalSince(iterator.issued) > Self.iteratorLifetime {
            throw .expiredIterator(
                "Iterator expired. The iterator was created at time \(AWSDate.iso8601(iterator.issued)) while right now it is \(AWSDate.iso8601(call.now)) which is further in the future than the tolerated delay of 300000 milliseconds."
            )
        }
        let parts = iterator.streamKey.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count == 3 else { throw .invalidArgument("Invalid ShardIterator.") }
        var call = call
        call.input = ["StreamARN": .string(Self.arn(region: parts[1], account: parts[0], stream: parts[2]))]
        let retention = store.read { $0.streams[iterator.streamKey]?.retentionHours } ?? 24
        return try withStream(call) {
            (stream: inout KinesisStream, changes: inout KinesisChanges) throws(KinesisError) -> AWSDocument in
            let cutoff = call.now.addingTimeInterval(-Double(retention) * 3600)
            guard let shardIndex = stream.shards.firstIndex(where: { $0.id == iterator.shardId }) else {
                throw .resourceNotFound(
                    "Shard \(iterator.shardId) in stream \(stream.name) under account \(call.accountId) does not exist",
                    exact: true)
            }
            let shard = stream.shards[shardIndex]
            // Retention: records older than the period are dropped (they are in arrival order).
            let expired = shard.records.prefix { $0.arrival < cutoff }.count
            changes.trims[shard.id] = expired
            let shardKey = "\(stream.arn)/\(shard.id)"
            if stream.mode == "PROVISIONED", !throughput.admitRead(shard: shardKey, now: call.now) {
                throw Self.throughputExceeded(shard: shard.id, stream: stream, account: call.accountId)
            }
            let start = max(expired, shard.firstIndex(atOrAfter: iterator.threshold, after: !iterator.inclusive))
            var end = start
            var size = 0
            while end < shard.records.count, end - start < limit {
                size += shard.records[end].data.count
                if size > Self.maximumGetRecordsSize, end > start { break }
                end += 1
            }
            let records = shard.records[start..<end]
            throughput.countRead(shard: shardKey, bytes: size, now: call.now)
            var answer: [String: AWSDocument] = [
                "Records": .list(
                    records.map { record in
                        .map([
                            "SequenceNumber": .string(record.sequenceNumber),
                            "PartitionKey": .string(record.partitionKey),
                            "Data": .blob(record.data), "ApproximateArrivalTimestamp": .timestamp(record.arrival),
                        ])
                    }),
                "MillisBehindLatest": .integer(
                    end < shard.records.count
                        ? Int64(max(0, call.now.timeIntervalSince(shard.records[end].arrival) * 1000)) : 0),
            ]
            let exhausted = !shard.isOpen && end == shard.records.count
            if !exhausted {
                let next =
                    records.last.map {
                        Iterator(
                            streamKey: iterator.streamKey, shardId: iterator.shardId, threshold: $0.sequenceNumber,
                            inclusive: false, issued: call.now)
                    }
                    ?? Iterator(
                        streamKey: iterator.streamKey, shardId: iterator.shardId, threshold: iterator.threshold,
                        inclusive: iterator.inclusive, issued: call.now)
                answer["NextShardIterator"] = .string(next.encoded)
            } else {
                let children = stream.shards.filter {
                    $0.parentShardId == shard.id || $0.adjacentParentShardId == shard.id
                }
                answer["ChildShards"] = .list(
                    children.map { child in
                        .map([
                            "ShardId": .string(child.id),
                            "ParentShards": .list(
                                [child.parentShardId, child.adjacentParentShardId].compactMap { $0 }.map(
                                    AWSDocument.string)),
                            "HashKeyRange": .map([
                                "StartingHashKey": .string(String(child.startingHashKey)),
                                "EndingHashKey": .string(String(child.endingHashKey)),
                            ]),
                        ])
                    })
            }
            return .map(answer)
        }
    }
}
