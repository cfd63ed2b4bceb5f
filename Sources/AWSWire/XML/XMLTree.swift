import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML document: name (without namespace prefix), text, attributes and children.
///
/// Request bodies (`CreateBucketConfiguration`, `Delete`, `CompleteMultipartUpload`, ...) and client responses are
/// small; a tree built with FoundationXML's `XMLParser` (libxml2) is the simplest faithful reader. External entities
/// are never resolved.
public struct XMLTree: Sendable, Equatable {
    /// The local name.
    public var name: String
    /// The concatenated character data directly inside the element.
    public var text: String
    /// The attributes.
    public var attributes: [String: String]
    /// The child elements in document order.
    public var children: [XMLTree]

    /// Creates an element.
    public init(name: String, text: String = "", attributes: [String: String] = [:], children: [XMLTree] = []) {
        self.name = name
        self.text = text
        self.attributes = attributes
        self.children = children
    }

    /// The first child with a name.
    public func child(_ name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// All children with a name.
    public func children(_ name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// The text of the first child with a name.
    public func text(of name: String) -> String? {
        child(name)?.text
    }

    /// Why a document could not be read.
    public struct ParseError: Error, Sendable, Equatable {
        /// libxml2's description.
        public var description: String
    }

    /// Parses a document.
    /// - Parameter data: The document bytes.
    /// - Returns: The root element.
    /// - Throws: ``ParseError`` when the document is not well formed or is empty.
    public static func parse(_ data: Data) throws(ParseError) -> XMLTree {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? builder.failure ?? "empty document")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLTree] = []
    var root: XMLTree?
    var failure: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if stack.count > 64 {
            failure = "document nested too deeply"
            parser.abortParsing()
            return
        }
        stack.append(XMLTree(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: cdataBlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard var element = stack.popLast() else { return }
        if !element.children.isEmpty { element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
