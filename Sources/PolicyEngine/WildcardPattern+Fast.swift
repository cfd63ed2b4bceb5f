extension WildcardPattern {
    /// Matches a pattern written as text against a value without building a pattern first: the hot path of
    /// evaluation, where every statement's actions and resources are tried against every request.
    ///
    /// ASCII text is compared byte by byte with no allocation (letters folded when `caseInsensitive`); anything else
    /// falls back to a built pattern, so the result is always the same as ``matches(_:)``.
    /// - Parameters:
    ///   - pattern: The pattern, `*` and `?` being wildcards (no policy variables).
    ///   - value: The value to match.
    ///   - caseInsensitive: Whether letters compare case-insensitively.
    /// - Returns: Whether the whole value matches.
    public static func matches(pattern: String, _ value: String, caseInsensitive: Bool = false) -> Bool {
        var pattern = pattern
        var value = value
        let result = pattern.withUTF8 { p in
            value.withUTF8 { v -> Bool? in
                if p.count == 1, p[0] == UInt8(ascii: "*") { return true }
                guard isASCII(p), isASCII(v) else { return nil }
                return match(p, v, caseInsensitive)
            }
        }
        return result ?? WildcardPattern(pattern, caseInsensitive: caseInsensitive).matches(value)
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    private static func fold(_ byte: UInt8, _ caseInsensitive: Bool) -> UInt8 {
        caseInsensitive && byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    private static func match(_ p: UnsafeBufferPointer<UInt8>, _ v: UnsafeBufferPointer<UInt8>, _ ci: Bool) -> Bool {
        let star = UInt8(ascii: "*")
        let question = UInt8(ascii: "?")
        var pi = 0
        var vi = 0
        var resumePattern = -1
        var resumeValue = 0
        while vi < v.count {
            if pi < p.count {
                let token = p[pi]
                if token == star {
                    resumePattern = pi + 1
                    resumeValue = vi
                    pi += 1
                    continue
                }
                if token == question || fold(token, ci) == fold(v[vi], ci) {
                    pi += 1
                    vi += 1
                    continue
                }
            }
            guard resumePattern >= 0 else { return false }
            resumeValue += 1
            vi = resumeValue
            pi = resumePattern
        }
        while pi < p.count, p[pi] == star { pi += 1 }
        return pi == p.count
    }
}
