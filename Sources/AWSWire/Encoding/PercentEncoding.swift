/// Percent-encoding as AWS signatures define it (RFC 3986 unreserved characters stay as they are).
public enum PercentEncoding {
    /// Encodes text the way SigV4's `UriEncode` does: every byte but `A-Z a-z 0-9 - . _ ~` becomes `%XY` (uppercase hex).
    /// - Parameters:
    ///   - text: The text to encode.
    ///   - encodeSlash: Whether `/` is encoded too (yes in query components, no in S3 object paths).
    /// - Returns: The encoded text.
    public static func encode(_ text: some StringProtocol, encodeSlash: Bool = true) -> String {
        let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (!encodeSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(byte >> 4)])
                out.append(upperHex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XY` escapes; a `+` stays a `+` (AWS treats it literally in paths and in signed queries).
    /// - Parameters:
    ///   - text: Percent-encoded text.
    ///   - plusAsSpace: Whether `+` means a space (HTML form bodies).
    /// - Returns: The decoded text, or `nil` when an escape is malformed or the bytes are not UTF-8.
    public static func decode(_ text: some StringProtocol, plusAsSpace: Bool = false) -> String? {
        let utf8 = text.utf8
        if !utf8.contains(UInt8(ascii: "%")) && !(plusAsSpace && utf8.contains(UInt8(ascii: "+"))) {
            return String(text)
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(Hex.value(of:)),
                    let low = iterator.next().flatMap(Hex.value(of:))
                else { return nil }
                out.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                out.append(UInt8(ascii: " "))
            default:
                out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Splits a raw query string into decoded name/value pairs, in order. `a&b=` gives `("a", "")`, `("b", "")`.
    /// - Parameters:
    ///   - query: The raw query (without `?`).
    ///   - plusAsSpace: Whether `+` means a space (form bodies).
    /// - Returns: The pairs, or `nil` when an escape is malformed.
    public static func decodeQuery(
        _ query: some StringProtocol, plusAsSpace: Bool = false
    ) -> [(name: String, value: String)]? {
        var items: [(name: String, value: String)] = []
        for part in String(query).split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = part.firstIndex(of: "=") {
                name = part[..<equals]
                value = part[part.index(after: equals)...]
            } else {
                name = part
                value = ""
            }
            guard let decodedName = decode(name, plusAsSpace: plusAsSpace),
                let decodedValue = decode(value, plusAsSpace: plusAsSpace)
            else { return nil }
            items.append((decodedName, decodedValue))
        }
        return items
    }

    /// Whether a byte is an RFC 3986 unreserved character (`A-Z a-z 0-9 - . _ ~`).
    @inline(__always)
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
