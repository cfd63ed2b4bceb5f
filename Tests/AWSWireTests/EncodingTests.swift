import AWSWire
import Foundation
import Testing

@Suite("Encodings")
struct EncodingTests {
    @Test func percentEncodingRoundTrips() {
        let text = "a b/ü+~%*"
        #expect(PercentEncoding.encode(text) == "a%20b%2F%C3%BC%2B~%25%2A")
        #expect(PercentEncoding.encode(text, encodeSlash: false) == "a%20b/%C3%BC%2B~%25%2A")
        #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
    }

    @Test func malformedEscapesAreRejected() {
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%4") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)  // not UTF-8
    }

    @Test func queryDecoding() throws {
        let items = try #require(PercentEncoding.decodeQuery("a=1&b&c=x%20y&d=p+q", plusAsSpace: true))
        #expect(items.map(\.name) == ["a", "b", "c", "d"])
        #expect(items.map(\.value) == ["1", "", "x y", "p q"])
    }

    @Test func hex() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.decode("00AbfF") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("abc") == nil)
    }

    @Test func dates() throws {
        let date = try #require(AWSDate.parseAmzDate("20261122T101530Z"))
        #expect(AWSDate.amzDate(date) == "20261122T101530Z")
        #expect(AWSDate.scopeDate(date) == "20261122")
        #expect(AWSDate.httpDate(date) == "Sun, 22 Nov 2026 10:15:30 GMT")
        #expect(AWSDate.iso8601(date) == "2026-11-22T10:15:30.000Z")
        #expect(AWSDate.parseHTTPDate("Sun, 22 Nov 2026 10:15:30 GMT") == date)
        #expect(AWSDate.parseHTTPDate("2026-11-22T10:15:30.000Z") == date)
        #expect(AWSDate.parseAmzDate("2026112T101530Z") == nil)
        #expect(AWSDate.parseAmzDate("20261322T101530Z") == nil)
    }

    @Test func xmlEscapingAndParsing() throws {
        var xml = XMLWriter()
        xml.element("Root") { xml in
            xml.element("Key", "a<b>&\"c' d")
            xml.element("Empty", "")
        }
        let tree = try XMLTree.parse(Data(xml.text.utf8))
        #expect(tree.name == "Root")
        #expect(tree.text(of: "Key") == "a<b>&\"c' d")
        #expect(tree.text(of: "Empty") == "")
    }

    @Test func malformedXMLThrows() {
        #expect(throws: XMLTree.ParseError.self) { try XMLTree.parse(Data("<a><b></a>".utf8)) }
        #expect(throws: XMLTree.ParseError.self) { try XMLTree.parse(Data()) }
    }
}
