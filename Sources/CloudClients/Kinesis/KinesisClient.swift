import AWSWire
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Kinesis Data Streams client over the JSON 1.1 protocol: streams, tags, records and shards.
///
/// ```swift
/// let kinesis = KinesisClient(endpoint: url, credentials: credentials)
/// try await kinesis.createStream(name: "events", shardCount: 2)
/// let failed = try await kinesis.putRecords(stream: "events", records: [("a", Data("hello".utf8))])
/// ```
///
/// Every method throws ``AWSServiceError`` (`ResourceNotFoundException`, `ResourceInUseException`, ...) when Kinesis
/// refuses. List methods follow the service's pagination to the last page.
public struct KinesisClient: Sendable {
    /// The JSON-protocol client underneath (for operations this type has no method for).
    public var json: JSONProtocolClient

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: The service endpoint.
    ///   - credentials: The credentials to sign with.
    ///   - region: The signing region (streams live in a region).
    ///   - transport: How requests are sent.
    public init(
        endpoint: URL, credentials: AWSCredentials, region: String = "us-east-1",
        transport: HTTPTransport = HTTPTransport()
    ) {
        json = JSONProtocolClient(
            endpoint: endpoint, credentials: credentials, service: "kinesis", targetPrefix: "Kinesis_20131202",
            encoding: .json, region: region, transport: transport)
    }

    /// Calls an operation and returns its answer document.
    /// - Throws: ``AWSServiceError`` built from the error answer (`__type` without its namespace, `message`).
    @discardableResult
    public func invoke(_ operation: String, _ input: [String: AWSDocument] = [:]) async throws -> AWSDocument {
        let answer = try await json.call(operation, input)
        guard (200..<300).contains(answer.status) else {
            let type = answer.document["__type"]?.string ?? "HTTP\(answer.status)"
            let code = type.split(separator: "#").last.map(String.init) ?? type
            let message = answer.document["message"]?.string ?? answer.document["Message"]?.string ?? ""
            throw AWSServiceError(code: code, message: message, status: answer.status)
        }
        return answer.document
    }

    // MARK: - Streams

    /// `CreateStream` for a provisioned stream. The stream is `CREATING` until Kinesis makes it `ACTIVE`.
    public func createStream(name: String, shardCount: Int) async throws {
        try await invoke("CreateStream", ["StreamName": .string(name), "ShardCount": .integer(Int64(shardCount))])
    }

    /// `DescribeStreamSummary`.
    /// - Throws: ``AWSServiceError`` `ResourceNotFoundException` when there is no such stream.
    public func describeStreamSummary(name: String) async throws -> KinesisStreamSummary {
        let answer = try await invoke("DescribeStreamSummary", ["StreamName": .string(name)])
        let summary = answer["StreamDescriptionSummary"]
        return KinesisStreamSummary(
            name: summary?["StreamName"]?.string ?? "", arn: summary?["StreamARN"]?.string ?? "",
            status: summary?["StreamStatus"]?.string ?? "",
            openShardCount: Int(summary?["OpenShardCount"]?.integer ?? 0))
    }

    /// `DeleteStream`, deleting the stream's consumers with it (`EnforceConsumerDeletion`).
    public func deleteStream(name: String) async throws {
        try await invoke("DeleteStream", ["StreamName": .string(name), "EnforceConsumerDeletion": .bool(true)])
    }

    /// `ListStreams`, every page.
    /// - Returns: The names of the region's streams.
    public func listStreams() async throws -> [String] {
        var names: [String] = []
        var input: [String: AWSDocument] = [:]
        while true {
            let answer = try await invoke("ListStreams", input)
            let page = answer["StreamNames"]?.list?.compactMap(\.string) ?? []
            names += page
            if let token = answer["NextToken"]?.string {
                input = ["NextToken": .string(token)]
            } else if answer["HasMoreStreams"]?.bool == true, let last = page.last {
                input = ["ExclusiveStartStreamName": .string(last)]
            } else {
                return names
            }
        }
    }

    // MARK: - Tags

    /// `AddTagsToStream`: adds tags or replaces the values of existing keys.
    public func addTags(stream: String, tags: [String: String]) async throws {
        try await invoke(
            "AddTagsToStream", ["StreamName": .string(stream), "Tags": .map(tags.mapValues(AWSDocument.string))])
    }

    /// `ListTagsForStream`, every page.
    /// - Returns: The stream's tags by key.
    public func listTags(stream: String) async throws -> [String: String] {
        var tags: [String: String] = [:]
        var start: String?
        repeat {
            var input: [String: AWSDocument] = ["StreamName": .string(stream)]
            if let start { input["ExclusiveStartTagKey"] = .string(start) }
            let answer = try await invoke("ListTagsForStream", input)
            let page = answer["Tags"]?.list ?? []
            for tag in page {
                if let key = tag["Key"]?.string { tags[key] = tag["Value"]?.string ?? "" }
            }
            let last = page.last?["Key"]?.string
            start = answer["HasMoreTags"]?.bool == true ? last : nil
        } while start != nil
        return tags
    }

    // MARK: - Records

    /// `PutRecords`: writes a batch of records (at most 500).
    /// - Parameters:
    ///   - stream: The stream's name.
    ///   - records: The records: each one's partition key and data.
    /// - Returns: How many records Kinesis did not write (`FailedRecordCount`).
    @discardableResult
    public func putRecords(stream: String, records: [(partitionKey: String, data: Data)]) async throws -> Int {
        let entries = records.map { record -> AWSDocument in
            .map(["PartitionKey": .string(record.partitionKey), "Data": .blob([UInt8](record.data))])
        }
        let answer = try await invoke("PutRecords", ["StreamName": .string(stream), "Records": .list(entries)])
        return Int(answer["FailedRecordCount"]?.integer ?? 0)
    }

    /// `ListShards`, every page.
    /// - Returns: The ids of the stream's shards, open and closed.
    public func listShards(stream: String) async throws -> [String] {
        var ids: [String] = []
        var input: [String: AWSDocument] = ["StreamName": .string(stream)]
        while true {
            let answer = try await invoke("ListShards", input)
            ids += answer["Shards"]?.list?.compactMap { $0["ShardId"]?.string } ?? []
            guard let token = answer["NextToken"]?.string else { return ids }
            input = ["NextToken": .string(token)]
        }
    }

    /// Counts the records a stream holds: every shard read from `TRIM_HORIZON` with `GetRecords` until a call
    /// returns nothing and is not behind (`MillisBehindLatest` 0), or the shard is closed and exhausted.
    /// - Returns: The number of records in all shards.
    public func countRecords(stream: String) async throws -> Int {
        var count = 0
        for shard in try await listShards(stream: stream) {
            let start = try await invoke(
                "GetShardIterator",
                [
                    "StreamName": .string(stream), "ShardId": .string(shard),
                    "ShardIteratorType": .string("TRIM_HORIZON"),
                ])
            var iterator = start["ShardIterator"]?.string
            while let current = iterator {
                let answer = try await invoke("GetRecords", ["ShardIterator": .string(current)])
                let records = answer["Records"]?.list?.count ?? 0
                count += records
                let caughtUp = records == 0 && (answer["MillisBehindLatest"]?.integer ?? 0) == 0
                iterator = caughtUp ? nil : answer["NextShardIterator"]?.string
            }
        }
        return count
    }
}
