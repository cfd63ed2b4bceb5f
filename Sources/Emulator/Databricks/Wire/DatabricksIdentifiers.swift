import Foundation

/// The shapes of the ids Databricks hands out.
enum DatabricksIdentifiers {
    /// A lowercase UUID (credentials, storage configurations, networks, ...).
    static func uuid() -> String { UUID().uuidString.lowercased() }

    /// A numeric id of 16 digits (workspace ids, SCIM ids, job and run ids are smaller).
    static func number(digits: Int = 16) -> Int64 {
        let low = Int64(pow(10, Double(digits - 1)))
        return Int64.random(in: low..<(low * 10 - 1))
    }

    /// A cluster id (`0123-456789-abcdefgh`).
    static func clusterId() -> String {
        let letters = "abcdefghijklmnopqrstuvwxyz0123456789"
        let suffix = String((0..<8).map { _ in letters.randomElement()! })
        return String(format: "%04d-%06d-", Int.random(in: 100...1231), Int.random(in: 0...999_999)) + suffix
    }

    /// A lowercase hex string.
    static func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }
}
