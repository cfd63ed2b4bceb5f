import AWSWire
import Foundation
import Testing

/// The JSON 1.1 and CBOR 1.1 codecs, with RFC 8949 Appendix A's examples.
@Suite struct AWSDocumentTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var output: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            output.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return output
    }

    @Test(arguments: [
        ("00", AWSDocument.integer(0)), ("17", .integer(23)), ("1818", .integer(24)), ("1864", .integer(100)),
        ("1903e8", .integer(1000)), ("1a000f4240", .integer(1_000_000)),
        ("1b000000e8d4a51000", .integer(1_000_000_000_000)),
        ("20", .integer(-1)), ("3863", .integer(-100)), ("3903e7", .integer(-1000)),
        ("f4", .bool(false)), ("f5", .bool(true)), ("f6", .null), ("40", .blob([])),
        ("4401020304", .blob([1, 2, 3, 4])),
        ("60", .string("")), ("6449455446", .string("IETF")), ("62c3bc", .string("ü")), ("80", .list([])),
        (
            "8301820203820405",
            .list([.integer(1), .list([.integer(2), .integer(3)]), .list([.integer(4), .integer(5)])])
        ),
        ("a26161016162820203", .map(["a": .integer(1), "b": .list([.integer(2), .integer(3)])])),
    ])
    func definiteItemsRoundTrip(hex: String, value: AWSDocument) throws {
        #expect(try AWSDocument.parseCBOR(Self.bytes(hex)) == value)
        #expect(value.cborBytes() == Self.bytes(hex))
    }

    @Test func floatsAndIndefiniteLengthsDecode() throws {
        #expect(try AWSDocument.parseCBOR(Self.bytes("f93e00")) == .double(1.5))
        #expect(try AWSDocument.parseCBOR(Self.bytes("fa47c35000")) == .double(100_000))
        #expect(try AWSDocument.parseCBOR(Self.bytes("fb3ff199999999999a")) == .double(1.1))
        #expect(try AWSDocument.parseCBOR(Self.bytes("5f42010243030405ff")) == .blob([1, 2, 3, 4, 5]))
        #expect(try AWSDocument.parseCBOR(Self.bytes("7f657374726561646d696e67ff")) == .string("streaming"))
        #expect(try AWSDocument.parseCBOR(Self.bytes("9fff")) == .list([]))
        #expect(
            try AWSDocument.parseCBOR(Self.bytes("bf61610161629f0203ffff"))
                == .map(["a": .integer(1), "b": .list([.integer(2), .integer(3)])]))
        #expect(
            try AWSDocument.parseCBOR(Self.bytes("c11a514b67b0"))
                == .timestamp(Date(timeIntervalSince1970: 1_363_896_240)))
        #expect(
            try AWSDocument.parseCBOR(Self.bytes("c1fb41d452d9ec200000"))
                == .timestamp(Date(timeIntervalSince1970: 1_363_896_240.5)))
    }

    @Test func rfc3339TimestampsAreReadToo() throws {
        // 0("2013-03-21T20:04:00Z"), RFC 8949 Appendix A.
        #expect(
            try AWSDocument.parseCBOR(Self.bytes("c074323031332d30332d32315432303a30343a30305a"))
                == .timestamp(Date(timeIntervalSince1970: 1_363_896_240)))
    }

    @Test func timestampsAreEpochMillisecondsInCBOR() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123)
        let encoded = AWSDocument.timestamp(date).cborBytes()
        #expect(encoded.first == 0xC1)
        #expect(try AWSDocument.parseCBOR(encoded) == .timestamp(Date(timeIntervalSince1970: 1_700_000_000.123)))
    }

    @Test(arguments: [
        "", "18", "1a0000", "62c3", "a1016161", "ff", "8201", "00ff", "5f01ff", "fc", "7f4100ff",
        String(repeating: "81", count: 200) + "00",
    ])
    func malformedCBORIsASyntaxError(hex: String) {
        #expect(throws: AWSDocument.SyntaxError.self) { try AWSDocument.parseCBOR(Self.bytes(hex)) }
    }

    @Test func jsonRoundTripsWithBlobsAndTimestamps() throws {
        let parsed = try AWSDocument.parseJSON(
            Array(#"{"a":[1,-2.5,true,null],"s":"x\"\u00fc\n","n":12345678901}"#.utf8))
        #expect(parsed["a"] == .list([.integer(1), .double(-2.5), .bool(true), .null]))
        #expect(parsed["s"]?.string == "x\"ü\n")
        #expect(parsed["n"]?.integer == 12_345_678_901)
        #expect(try AWSDocument.parseJSON(parsed.jsonBytes()) == parsed)
        let blob = AWSDocument.map(["Data": .blob([0, 255]), "At": .timestamp(Date(timeIntervalSince1970: 1.5))])
        #expect(String(decoding: blob.jsonBytes(), as: UTF8.self) == #"{"At":1.5,"Data":"AP8="}"#)
        #expect(try AWSDocument.parseJSON(blob.jsonBytes())["Data"]?.blob == [0, 255])
    }

    @Test(arguments: ["", "{", "{\"a\" 1}", "[1,]", "01", "\"\\x\"", "{\"a\":1}x", "tru", "\"\u{01}\""])
    func malformedJSONIsASyntaxError(text: String) {
        #expect(throws: AWSDocument.SyntaxError.self) { try AWSDocument.parseJSON(Array(text.utf8)) }
    }
}
