import CloudClients
import FeatureRunner
import Foundation

extension ProvisioningSteps {
    static func registerKinesis(_ steps: inout StepRegistrar) {
        steps.add(
            "a Kinesis stream {string} with {int} shard(s)",
            "Creates a provisioned stream and waits until it is ACTIVE.",
            example: #"Given a Kinesis stream "clicks" with 2 shards"#
        ) { context, step in
            try await context.createStream(try step.argument(0), shards: try step.argument(1))
        }
        steps.add(
            "I put {int} records into stream {string}",
            "Writes records (JSON bodies, distinct partition keys) with PutRecords, 500 at a time; every one must land.",
            example: #"When I put 100 records into stream "clicks""#
        ) { context, step in
            try await context.putRecords(try step.argument(0), into: try step.argument(1))
        }
        steps.add(
            "stream {string} holds {int} records", "Reads every shard from the start and counts the records.",
            example: #"Then stream "clicks" holds 100 records"#
        ) { context, step in
            try await context.expectRecords(try step.argument(1), in: try step.argument(0))
        }
    }
}

extension ScenarioContext {
    func stream(_ logical: String) throws -> String {
        try lookup(
            logical, \.streams, noun: "Kinesis stream", how: "Given a Kinesis stream \"\(logical)\" with 1 shard")
    }

    func createStream(_ logical: String, shards: Int) async throws {
        guard (1...500).contains(shards) else {
            throw StepFailure("a stream needs 1 to 500 shards (the default shard quota), not \(shards)")
        }
        try claim(logical, in: \.streams, noun: "Kinesis stream")
        let name = names.physical(logical, .stream)
        let kinesis = self.kinesis
        try await kinesis.createStream(name: name, shardCount: shards)
        ledger.record(
            .stream, logical: logical, physical: name,
            cleanup: .aws("kinesis", "delete-stream", "--stream-name", name, "--enforce-consumer-deletion")
        ) { [clock = session.clock] in
            // A stream still CREATING cannot be deleted yet (ResourceInUseException): try again for a while.
            for attempt in 1...30 {
                do {
                    return try await kinesis.deleteStream(name: name)
                } catch let error as AWSServiceError where error.code == "ResourceInUseException" && attempt < 30 {
                    if let clock { try await clock.advance(by: 1) }
                    try await Task.sleep(nanoseconds: 1_000_000_000)
                }
            }
        }
        state.withLock { $0.streams[logical] = name }
        try await wait(for: "stream \"\(logical)\" (\(name))", toBe: "ACTIVE", terminal: ["DELETING"]) {
            (try await kinesis.describeStreamSummary(name: name).status, nil)
        }
        try await kinesis.addTags(stream: name, tags: names.tags)
    }

    func putRecords(_ count: Int, into logical: String) async throws {
        guard count >= 0 else { throw StepFailure("the number of records cannot be negative") }
        let name = try stream(logical)
        var written = 0
        while written < count {
            let batch = (written..<min(count, written + 500)).map { index in
                (partitionKey: "key-\(index)", data: Data(#"{"n":\#(index)}"#.utf8))
            }
            let failed = try await kinesis.putRecords(stream: name, records: batch)
            try expect(failed == 0, "\(failed) of \(batch.count) records were refused by PutRecords")
            written += batch.count
        }
    }

    func expectRecords(_ expected: Int, in logical: String) async throws {
        let name = try stream(logical)
        let found = try await kinesis.countRecords(stream: name)
        try expect(
            found == expected, "expected stream \"\(logical)\" (\(name)) to hold \(expected) records, found \(found)")
    }
}
