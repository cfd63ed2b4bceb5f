/// Byte-level helpers over UTF-8 text: the lexer works on bytes and counts columns in Unicode scalars, as the reference
/// parsers count them, without decoding what it does not need to.
enum UTF8Text {
    /// Whether `byte` starts a scalar (is not a continuation byte).
    @inline(__always)
    static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// The length in bytes of the whitespace scalar at `index`, or 0 when the scalar there is not whitespace
    /// (Unicode `White_Space`, as Python's `str.strip` and the reference parsers use it).
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        return nonASCIIWhitespaceLength(bytes, at: index, end: end)
    }

    static func nonASCIIWhitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let (scalar, length) = decode(bytes, at: index, end: end)
        return scalar?.properties.isWhitespace == true ? length : 0
    }

    /// The scalar at `index` and its length (`nil` and 1 for a malformed sequence).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8:
            length = 4
            value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard index + length <= end else { return (nil, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    /// The index after the whitespace that starts `start..<end`, and how many scalars it spans.
    @inline(__always)
    static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (Int, Int) {
        var index = start
        var scalars = 0
        while index < end {
            let length = whitespaceLength(bytes, at: index, end: end)
            if length == 0 { break }
            index += length
            scalars += 1
        }
        return (index, scalars)
    }

    /// The end of `start..<end` without the whitespace at its end.
    @inline(__always)
    static func trimEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if last < 0x80 {
                guard last == 0x20 || (last >= 0x09 && last <= 0x0D) else { break }
                end -= 1
                continue
            }
            var scalarStart = end - 1
            while scalarStart > start, !startsScalar(bytes[scalarStart]) { scalarStart -= 1 }
            guard nonASCIIWhitespaceLength(bytes, at: scalarStart, end: end) == end - scalarStart else { break }
            end = scalarStart
        }
        return end
    }

    /// How many scalars `start..<end` holds.
    @inline(__always)
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if startsScalar(bytes[index]) { count += 1 }
            index += 1
        }
        return count
    }

    /// The bytes `start..<end` as a string.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        guard start < end else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Whether the bytes at `index` are `prefix`.
    @inline(__always)
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, _ prefix: [UInt8]) -> Bool {
        let count = prefix.count
        guard end - index >= count else { return false }
        return prefix.withUnsafeBufferPointer { prefix in
            var offset = 0
            while offset < count {
                if bytes[index + offset] != prefix[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
