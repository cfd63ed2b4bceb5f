import Foundation

/// Request ids in S3's shape: 16 uppercase hex digits, and a base64 extended id (`x-amz-id-2`).
enum S3RequestID {
    static func make() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func hostId(for requestId: String) -> String {
        Data((requestId + requestId.lowercased()).utf8).base64EncodedString()
    }
}
