import Foundation
import NIOCore

/// Every stream of one emulator, kept in a journal when a state directory is set: stream metadata as JSON, record
/// data as the journal's payload, so a `kill -9` loses no acknowledged record.
struct KinesisState: JournaledState {
    /// Streams by `account/region/name`.
    var streams: [String: KinesisStream] = [:]

    /// A record's description in the journal; its data is the payload.
    struct RecordHeader: Codable, Sendable {
        var shardId: String
        var sequenceNumber: String
        var partitionKey: String
        var arrival: Date
        var length: Int
    }

    enum Mutation: Codable, Sendable {
        /// Sets a stream's metadata (its shards' records are kept).
        case putStream(key: String, KinesisStream)
        /// Appends records; the payload is their data, one after another.
        case appendRecords(key: String, [RecordHeader])
        /// Drops a shard's oldest records (retention).
        case trimRecords(key: String, shardId: String, count: Int)
        case deleteStream(key: String)
    }

    mutating func apply(_ mutation: Mutation, payload: ByteBuffer) {
        switch mutation {
        case .putStream(let key, var stream):
            // Move the records over (no copy of their storage).
            if var existing = streams.removeValue(forKey: key) {
                for index in stream.shards.indices {
                    guard let old = existing.shards.firstIndex(where: { $0.id == stream.shards[index].id }) else {
                        continue
                    }
                    swap(&stream.shards[index].records, &existing.shards[old].records)
                }
            }
            streams[key] = stream
        case .appendRecords(let key, let headers):
            guard streams[key] != nil else { return }
            var offset = payload.readerIndex
            for header in headers {
                let data = payload.getBytes(at: offset, length: header.length) ?? []
                offset += header.length
                guard let index = streams[key]!.shards.firstIndex(where: { $0.id == header.shardId }) else { continue }
                // In place: the shard's storage is not copied.
                streams[key]!.shards[index].records.append(
                    KinesisRecord(
                        sequenceNumber: header.sequenceNumber, partitionKey: header.partitionKey, data: data,
                        arrival: header.arrival))
            }
        case .trimRecords(let key, let shardId, let count):
            guard let index = streams[key]?.shards.firstIndex(where: { $0.id == shardId }) else { return }
            streams[key]!.shards[index].records.removeFirst(min(count, streams[key]!.shards[index].records.count))
        case .deleteStream(let key):
            streams[key] = nil
        }
    }

    func snapshot() -> [(Mutation, ByteBuffer)] {
        var mutations: [(Mutation, ByteBuffer)] = []
        for key in streams.keys.sorted() {
            let stream = streams[key]!
            mutations.append((.putStream(key: key, stream.withoutRecords), ByteBuffer()))
            let (headers, payload) = Self.records(
                stream.shards.flatMap { shard in shard.records.map { (shard.id, $0) } })
            if !headers.isEmpty { mutations.append((.appendRecords(key: key, headers), payload)) }
        }
        return mutations
    }

    /// The headers and payload of records to append.
    static func records(_ records: [(shardId: String, record: KinesisRecord)]) -> ([RecordHeader], ByteBuffer) {
        var payload = ByteBuffer()
        var headers: [RecordHeader] = []
        for (shardId, record) in records {
            headers.append(
                RecordHeader(
                    shardId: shardId, sequenceNumber: record.sequenceNumber, partitionKey: record.partitionKey,
                    arrival: record.arrival, length: record.data.count))
            payload.writeBytes(record.data)
        }
        return (headers, payload)
    }
}

/// What an operation did to a stream's records, applied to the state after the operation (so that the stream it saw
/// never holds the only other reference to a shard's records, which would copy them).
struct KinesisChanges {
    var appended: [(shardId: String, record: KinesisRecord)] = []
    /// Shard id -> how many of its oldest records retention drops.
    var trims: [String: Int] = [:]
}

extension KinesisStream {
    /// The stream with its shards' records left out (what `putStream` records).
    var withoutRecords: KinesisStream {
        var copy = self
        for index in copy.shards.indices { copy.shards[index].records = [] }
        return copy
    }
}
