import CLibXML2
import Foundation

/// An element of a parsed XML document: name (without namespace prefix), text, attributes and children.
///
/// Request bodies (`CreateBucketConfiguration`, `Delete`, `CompleteMultipartUpload`, ...) and client responses are
/// small; the tree is read with the system libxml2, called directly: it checks well-formedness and UTF-8 on every
/// byte sequence without trapping (FoundationXML's wrapper traps on invalid UTF-8 in names and entity references).
/// Nothing is loaded from the network, no DTD is read, and a document with a document type declaration is refused,
/// so no entity can be defined or expanded.
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
    /// - Throws: ``ParseError`` when the document is not well formed, is empty, declares a document type or nests
    ///   deeper than ``maximumDepth``.
    public static func parse(_ data: Data) throws(ParseError) -> XMLTree {
        let parsed: Result<XMLTree, ParseError> = LibXML2.withDocument(data) { document, problem in
            if let problem { return .failure(ParseError(description: problem)) }
            guard let root = xmlDocGetRootElement(document) else {
                return .failure(ParseError(description: "empty document"))
            }
            do throws(ParseError) {
                return .success(try element(root, depth: 0))
            } catch {
                return .failure(error)
            }
        }
        return try parsed.get()
    }

    /// The deepest nesting of elements accepted.
    public static let maximumDepth = 64

    private static func element(_ node: xmlNodePtr, depth: Int) throws(ParseError) -> XMLTree {
        guard depth <= maximumDepth else { throw ParseError(description: "document nested too deeply") }
        var tree = XMLTree(name: LibXML2.string(node.pointee.name))
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            tree.attributes[LibXML2.string(current.pointee.name)] = LibXML2.string(value)
            brickyard_xml_free(value)
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                tree.children.append(try element(current, depth: depth + 1))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                tree.text += LibXML2.string(current.pointee.content)
            case XML_ENTITY_REF_NODE:
                // Only the predefined and character references exist without a DTD; libxml2 keeps them as text.
                let value = xmlNodeGetContent(current)
                tree.text += LibXML2.string(value)
                brickyard_xml_free(value)
            default:
                break  // comments and processing instructions
            }
            child = current.pointee.next
        }
        if !tree.children.isEmpty { tree.text = tree.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return tree
    }
}

/// The calls into libxml2 that need care.
enum LibXML2 {
    /// `xmlInitParser` once, before any thread parses (libxml2 asks for that).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialize() { _ = initialized }

    /// Reads a document as every untrusted body is read (no network, no DTD: a document type declaration is refused)
    /// and hands it to `body`, or hands it why it could not (`empty document`, `not well-formed`, ...) with no
    /// document; frees it afterwards.
    static func withDocument<T>(_ data: Data, _ body: (xmlDocPtr?, String?) -> T) -> T {
        guard !data.isEmpty else { return body(nil, "empty document") }
        guard data.count <= Int(Int32.max) else { return body(nil, "document too large") }
        initialize()
        guard let context = xmlNewParserCtxt() else { return body(nil, "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { bytes in
            xmlCtxtReadMemory(
                context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
        }
        guard let document else { return body(nil, message(context.pointee.lastError) ?? "not well-formed") }
        defer { xmlFreeDoc(document) }
        guard document.pointee.intSubset == nil && document.pointee.extSubset == nil else {
            return body(nil, "a document type declaration is not allowed")
        }
        return body(document, nil)
    }

    /// A libxml2 string (UTF-8, checked by the parser); invalid bytes would become U+FFFD, never a trap.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }

    static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        string(UnsafePointer(pointer))
    }

    private static func strlen(_ pointer: UnsafePointer<xmlChar>) -> Int {
        var length = 0
        while pointer[length] != 0 { length += 1 }
        return length
    }

    /// The parser's description of its first error, line included.
    static func message(_ error: xmlError) -> String? {
        guard let text = error.message else { return nil }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return error.line > 0 ? "line \(error.line): \(message)" : message
    }
}
