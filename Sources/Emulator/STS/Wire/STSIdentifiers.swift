import Foundation

/// The shapes of the identifiers STS issues.
enum STSIdentifiers {
    private static let upperAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// A temporary access key id: `ASIA` and 16 upper-case letters and digits.
    static func temporaryAccessKeyId() -> String {
        "ASIA" + String((0..<16).map { _ in upperAlphanumerics.randomElement()! })
    }

    /// A secret access key: 40 base64 characters.
    static func secretAccessKey() -> String {
        String((0..<40).map { _ in base64Alphabet.randomElement()! })
    }

    /// A session token in the shape AWS issues (an opaque base64 blob of a few hundred characters).
    static func sessionToken() -> String {
        var bytes = [UInt8](repeating: 0, count: 264)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        return "IQoJb3JpZ2luX2Vj" + Data(bytes).base64EncodedString()
    }
}
