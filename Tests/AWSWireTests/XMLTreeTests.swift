import AWSWire
import Foundation
import Testing

/// The XML reader of untrusted bodies: well-formed documents read faithfully, anything else refused, no byte
/// sequence traps.
@Suite struct XMLTreeTests {
    @Test func readsNamesTextAttributesAndChildren() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/" a:b="c" xmlns:a="urn:a">
              <Object><Key>a &amp; b &#x263A; <![CDATA[<raw>]]></Key></Object>
              <!-- a comment --><Quiet>true</Quiet>
            </Delete>
            """
        let tree = try XMLTree.parse(Data(document.utf8))
        #expect(tree.name == "Delete")
        #expect(tree.attributes["b"] == "c")
        #expect(tree.children.map(\.name) == ["Object", "Quiet"])
        #expect(tree.child("Object")?.text(of: "Key") == "a & b \u{263A} <raw>")
        #expect(tree.text(of: "Quiet") == "true")
        #expect(tree.text.isEmpty)
    }

    /// The inputs that trapped or crashed FoundationXML's wrapper (issue 15), and more of their kind.
    @Test(arguments: [
        Array("<a\u{FF}></a>".utf8).map { $0 == 0xC3 ? 0xFF : $0 }.filter { $0 != 0xBF },
        [UInt8]("<a>&a".utf8) + [0xFF] + [UInt8](";</a>".utf8),
        [UInt8]("<?xml?>".utf8),
        [UInt8]("<a b\u{0}=\"1\"/>".utf8),
        [0xFF, 0xFE, 0x00],
        [UInt8]("<a x='".utf8) + [0xC3, 0x28] + [UInt8]("'/>".utf8),
        [UInt8]("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".utf8),
        [UInt8]("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>".utf8),
        [UInt8]("<a>&undefined;</a>".utf8),
        [UInt8](String(repeating: "<a>", count: 100).utf8),
        [UInt8](String(repeating: "<a>", count: 70).utf8) + [UInt8](String(repeating: "</a>", count: 70).utf8),
        [],
        [UInt8]("   ".utf8),
        [UInt8]("<a></b>".utf8),
    ])
    func refusesWhatIsNotAWellFormedDocument(_ bytes: [UInt8]) {
        #expect(throws: XMLTree.ParseError.self) { try XMLTree.parse(Data(bytes)) }
    }

    @Test func neverTrapsOnMutationsOfADocument() {
        let seed = Array("<Delete><Object><Key>k</Key><VersionId>v</VersionId></Object><Quiet>true</Quiet></Delete>".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? XMLTree.parse(Data(bytes))
        }
    }
}
