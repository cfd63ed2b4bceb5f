import AWSWire
import CloudClients
import Emulator
import Foundation
import Testing

/// Kinesis over the wire, in both encodings, with the project's own JSON-protocol client.
@Suite struct KinesisTests {
    static func client(_ emulator: Emulator, _ encoding: JSONProtocolClient.Encoding) -> JSONProtocolClient {
        JSONProtocolClient(
            endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"),
            service: "kinesis", targetPrefix: "Kinesis_20131202", encoding: encoding)
    }

    @Test(arguments: [JSONProtocolClient.Encoding.json, .cbor])
    func recordsRoundTripInBothEncodings(encoding: JSONProtocolClient.Encoding) async throws {
        // Creation takes an hour on the emulator's clock, so that CREATING is seen however slow the machine is.
        try await withEmulator({ $0.kinesisTimings.creation = 3600 }) { emulator, _ in
            let kinesis = Self.client(emulator, encoding)
            let created = try await kinesis.call("CreateStream", ["StreamName": "events", "ShardCount": .integer(2)])
            #expect(created.status == 200)
            let creating = try await kinesis.call("DescribeStreamSummary", ["StreamName": "events"])
            #expect(creating.document["StreamDescriptionSummary"]?["StreamStatus"]?.string == "CREATING")
            emulator.clock.advance(by: 3601)
            let payload: [UInt8] = Array(0...255)
            let put = try await kinesis.call(
                "PutRecord", ["StreamName": "events", "Data": .blob(payload), "PartitionKey": "k"])
            #expect(put.status == 200)
            let shard = try #require(put.document["ShardId"]?.string)
            let iterator = try await kinesis.call(
                "GetShardIterator",
                ["StreamName": "events", "ShardId": .string(shard), "ShardIteratorType": "TRIM_HORIZON"])
            let records = try await kinesis.call(
                "GetRecords", ["ShardIterator": iterator.document["ShardIterator"] ?? .null])
            let first = try #require(records.document["Records"]?.list?.first)
            #expect(first["Data"]?.blob == payload)
            #expect(first["SequenceNumber"]?.string == put.document["SequenceNumber"]?.string)
            #expect(first["ApproximateArrivalTimestamp"]?.timestamp != nil)
        }
    }

    @Test func iteratorsExpireAfterFiveMinutesOnTheClock() async throws {
        try await withEmulator { emulator, _ in
            let kinesis = Self.client(emulator, .json)
            _ = try await kinesis.call("CreateStream", ["StreamName": "s", "ShardCount": .integer(1)])
            emulator.clock.advance(by: 1)
            let iterator = try await kinesis.call(
                "GetShardIterator",
                ["StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "LATEST"])
            emulator.clock.advance(by: 301)
            let expired = try await kinesis.call(
                "GetRecords", ["ShardIterator": iterator.document["ShardIterator"] ?? .null])
            #expect(expired.errorType == "ExpiredIteratorException")
        }
    }

    @Test func badInputGetsTheServicesErrors() async throws {
        try await withEmulator { emulator, _ in
            let json = Self.client(emulator, .json)
            let garbage = try await json.send("ListStreams", body: Array("{oops".utf8))
            #expect(garbage.errorType == "SerializationException")
            #expect(try await json.call("Teleport").errorType == "UnknownOperationException")
            #expect(
                try await json.call("DescribeStream", ["StreamName": "nope"]).errorType == "ResourceNotFoundException")
            #expect(try await json.call("CreateStream", ["StreamName": "x"]).errorType == "InvalidArgumentException")
            let cbor = Self.client(emulator, .cbor)
            #expect(try await cbor.send("ListStreams", body: [0xBF, 0x61]).errorType == "SerializationException")
        }
    }

    @Test func iamPoliciesAreEnforced() async throws {
        try await withEmulator { emulator, _ in
            let identities = Identities(emulator)
            let reader = try await identities.user(
                "reader",
                policy: Identities.policy(#"{"Effect":"Allow","Action":"kinesis:Describe*","Resource":"*"}"#))
            var kinesis = Self.client(emulator, .json)
            kinesis.signer = SigV4Signer(credentials: reader.credentials, region: "us-east-1", service: "kinesis")
            let denied = try await kinesis.call("CreateStream", ["StreamName": "s", "ShardCount": .integer(1)])
            #expect(denied.errorType == "AccessDeniedException")
            #expect(denied.document["message"]?.string?.contains("kinesis:CreateStream") == true)
        }
    }
}

@Suite("Kinesis records across restarts")
struct KinesisPersistenceTests {
    @Test("records and shards survive a restart, and sequence numbers keep growing")
    func restart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = try await withEmulator({ $0.stateDirectory = directory }) { emulator, _ in
            let kinesis = KinesisTests.client(emulator, .json)
            _ = try await kinesis.call("CreateStream", ["StreamName": "kept", "ShardCount": .integer(2)])
            emulator.clock.advance(by: 1)
            var sequences: [String] = []
            for index in 0..<20 {
                let put = try await kinesis.call(
                    "PutRecord",
                    ["StreamName": "kept", "Data": .blob([UInt8(index)]), "PartitionKey": "k", "ExplicitHashKey": "0"])
                sequences.append(put.document["SequenceNumber"]?.string ?? "")
            }
            _ = try await kinesis.call(
                "SplitShard",
                [
                    "StreamName": "kept", "ShardToSplit": "shardId-000000000001",
                    "NewStartingHashKey": .string("2" + String(repeating: "0", count: 38)),
                ])
            return sequences
        }
        try await withEmulator({ $0.stateDirectory = directory }) { emulator, _ in
            let kinesis = KinesisTests.client(emulator, .json)
            let iterator = try await kinesis.call(
                "GetShardIterator",
                ["StreamName": "kept", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"])
            let records = try await kinesis.call(
                "GetRecords", ["ShardIterator": iterator.document["ShardIterator"] ?? .null])
            let list = records.document["Records"]?.list ?? []
            #expect(list.map { $0["SequenceNumber"]?.string ?? "" } == before)
            #expect(list.map { $0["Data"]?.blob ?? [] } == (0..<20).map { [UInt8($0)] })
            let shards = try await kinesis.call("ListShards", ["StreamName": "kept"])
            #expect(shards.document["Shards"]?.list?.count == 4)
            let next = try await kinesis.call(
                "PutRecord", ["StreamName": "kept", "Data": .blob([1]), "PartitionKey": "k", "ExplicitHashKey": "0"])
            let sequence = try #require(next.document["SequenceNumber"]?.string)
            #expect(sequence > before.last!)
        }
    }
}

@Suite("Kinesis throughput limits")
struct KinesisThroughputTests {
    @Test("with real limits PutRecords reports the records over 1 MiB a second per record; a later second takes more")
    func writeLimits() async throws {
        try await withEmulator({ $0.enforcesKinesisLimits = true }) { emulator, _ in
            let kinesis = KinesisTests.client(emulator, .json)
            _ = try await kinesis.call("CreateStream", ["StreamName": "hot", "ShardCount": .integer(1)])
            emulator.clock.advance(by: 1)
            // One call has one arrival time: 500 records of 3,000 bytes overflow the shard's 1 MiB in that second.
            let batch = AWSDocument.list(
                (0..<500).map { _ in .map(["Data": .blob([UInt8](repeating: 7, count: 3_000)), "PartitionKey": "p"]) })
            let answer = try await kinesis.call("PutRecords", ["StreamName": "hot", "Records": batch])
            let entries = answer.document["Records"]?.list ?? []
            #expect(entries.filter { $0["SequenceNumber"] != nil }.count == 1_048_576 / 3_000)
            #expect(answer.document["FailedRecordCount"]?.integer == Int64(500 - 1_048_576 / 3_000))
            #expect(entries.last?["ErrorCode"]?.string == "ProvisionedThroughputExceededException")
            emulator.clock.advance(by: 1)
            let later = try await kinesis.call(
                "PutRecord", ["StreamName": "hot", "Data": .blob([1]), "PartitionKey": "p"])
            #expect(later.status == 200)
        }
    }
}
