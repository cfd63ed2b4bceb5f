/// The shapes of IAM's identifiers: a four-letter prefix that names the kind, then 17 upper-case letters and digits.
enum IAMIdentifiers {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func user() -> String { make("AIDA", 17) }
    static func role() -> String { make("AROA", 17) }
    static func group() -> String { make("AGPA", 17) }
    static func policy() -> String { make("ANPA", 17) }
    static func instanceProfile() -> String { make("AIPA", 17) }
    /// A long-term access key id: `AKIA` and 16 characters.
    static func accessKey() -> String { make("AKIA", 16) }
    /// A secret access key: 40 base64 characters.
    static func secret() -> String { String((0..<40).map { _ in secretAlphabet.randomElement()! }) }

    private static func make(_ prefix: String, _ count: Int) -> String {
        prefix + String((0..<count).map { _ in alphabet.randomElement()! })
    }
}
