import AWSWire
import Foundation

/// ListShards, with its filters and pagination.
extension KinesisService {
    func listShards(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let maxResults = Int(try call.integer("MaxResults") ?? 1000)
        guard (1...10_000).contains(maxResults) else {
            throw .validation(
                "1 validation error detected: Value '\(maxResults)' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10000"
            )
        }
        var call = call
        var after = call.string("ExclusiveStartShardId")
        if let token = call.string("NextToken") {
            if call.string("StreamName") != nil || call.string("StreamARN") != nil {
                throw .invalidArgument("NextToken and StreamName cannot be provided together.")
            }
            guard let decoded = Data(base64Encoded: token).flatMap({ String(data: $0, encoding: .utf8) }),
                let separator = decoded.lastIndex(of: "|")
            else { throw .invalidArgument("Invalid NextToken.") }
            call.input["StreamARN"] = .string(String(decoded[..<separator]))
            after = String(decoded[decoded.index(after: separator)...])
        }
        let filter = call.input["ShardFilter"]?["Type"]?.string
        if filter == "AFTER_SHARD_ID" { after = call.input["ShardFilter"]?["ShardId"]?.string ?? after }
        let (shards, arn, retention) = try withStream(call) { stream in
            (stream.shards, stream.arn, stream.retentionHours)
        }
        var selected = shards
        if let after { selected = selected.filter { $0.id > after } }
        switch filter {
        case "AT_LATEST":
            selected = selected.filter(\.isOpen)
        case "AT_TIMESTAMP", "FROM_TIMESTAMP":
            guard let time = call.input["ShardFilter"]?["Timestamp"]?.timestamp else {
                throw .invalidArgument("ShardFilter of type \(filter!) requires a Timestamp.")
            }
            selected = selected.filter {
                $0.wasOpen(at: time) || (filter == "FROM_TIMESTAMP" && ($0.openedAt ?? .distantPast) > time)
            }
        case "AT_TRIM_HORIZON":
            let horizon = call.now.addingTimeInterval(-Double(retention) * 3600)
            selected = selected.filter { $0.wasOpen(at: horizon) }
        default:
            break
        }
        let page = Array(selected.prefix(maxResults))
        var answer: [String: AWSDocument] = ["Shards": .list(page.map(Self.document))]
        if page.count < selected.count, let last = page.last {
            answer["NextToken"] = .string(Data("\(arn)|\(last.id)".utf8).base64EncodedString())
        }
        return .map(answer)
    }
}
