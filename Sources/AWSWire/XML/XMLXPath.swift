import CLibXML2
import Foundation

/// XPath 1.0 queries on an XML document, through libxml2's `xmlXPath`.
///
/// Namespaces are dropped before the query, so that `//CreateRoleResult/Role/Arn` finds the element of an IAM answer
/// whose root declares `xmlns="https://iam.amazonaws.com/doc/2010-05-08/"` (without that, XPath 1.0 needs a prefix
/// bound to the namespace for every step). The document is parsed as ``XMLTree/parse(_:)`` parses: no network, no
/// document type declaration.
///
/// ```swift
/// let arn = try XMLXPath.evaluate("//CreateRoleResult/Role/Arn", in: body)
/// print(arn.text)   // arn:aws:iam::123456789012:role/reader
/// ```
public enum XMLXPath {
    /// What an expression evaluates to.
    public enum Value: Sendable, Equatable {
        /// A node set: the text content of each node, in document order.
        case nodes([String])
        /// A number (`count(//Role)`).
        case number(Double)
        /// A string (`string(//Arn)`, `concat(...)`).
        case string(String)
        /// A boolean (`boolean(//Arn)`, comparisons).
        case boolean(Bool)

        /// The value as XPath's `string()` would give it: a node set's first node, a number without a trailing
        /// `.0` when it is whole.
        public var text: String {
            switch self {
            case .nodes(let nodes): return nodes.first ?? ""
            case .string(let value): return value
            case .boolean(let value): return value ? "true" : "false"
            case .number(let value):
                if value.isFinite && value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
                return String(value)
            }
        }

        /// Whether the value selects something: a non-empty node set, or any value that is not a node set.
        public var isPresent: Bool {
            if case .nodes(let nodes) = self { return !nodes.isEmpty }
            return true
        }
    }

    /// Why a query could not be answered.
    public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// Evaluates an expression on a document.
    /// - Parameters:
    ///   - expression: An XPath 1.0 expression.
    ///   - data: The document.
    /// - Throws: ``QueryError`` when the document is not well formed or the expression is not XPath.
    public static func evaluate(_ expression: String, in data: Data) throws(QueryError) -> Value {
        guard !data.isEmpty else { throw QueryError(description: "the body is empty, not an XML document") }
        let answer: Result<Value, QueryError> = LibXML2.withDocument(data) { document, problem in
            guard let document else {
                return .failure(QueryError(description: "the body is not XML: \(problem ?? "not well-formed")"))
            }
            do throws(QueryError) {
                return .success(try query(expression, in: document))
            } catch {
                return .failure(error)
            }
        }
        return try answer.get()
    }

    private static func query(_ expression: String, in document: xmlDocPtr) throws(QueryError) -> Value {
        dropNamespaces(xmlDocGetRootElement(document))
        guard let xpath = xmlXPathNewContext(document) else { throw QueryError(description: "out of memory") }
        defer { xmlXPathFreeContext(xpath) }
        // Errors are reported by the nil result below, not printed.
        xpath.pointee.error = { _, _ in }
        let result = Array(expression.utf8CString).map { UInt8(bitPattern: $0) }.withUnsafeBufferPointer {
            xmlXPathEvalExpression($0.baseAddress, xpath)
        }
        guard let result else { throw QueryError(description: "\"\(expression)\" is not an XPath 1.0 expression") }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            var texts: [String] = []
            if let set = result.pointee.nodesetval, let nodes = set.pointee.nodeTab {
                for index in 0..<Int(set.pointee.nodeNr) {
                    let content = xmlNodeGetContent(nodes[index])
                    texts.append(LibXML2.string(content))
                    brickyard_xml_free(content)
                }
            }
            return .nodes(texts)
        case XPATH_BOOLEAN: return .boolean(result.pointee.boolval != 0)
        case XPATH_NUMBER: return .number(result.pointee.floatval)
        case XPATH_STRING: return .string(LibXML2.string(result.pointee.stringval))
        default: throw QueryError(description: "\"\(expression)\" gives a value XPath 1.0 has no text for")
        }
    }

    /// Takes every element and attribute out of its namespace (iteratively: depth is not bounded here).
    private static func dropNamespaces(_ root: xmlNodePtr?) {
        var stack: [xmlNodePtr] = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            node.pointee.ns = nil
            var attribute = node.pointee.properties
            while let current = attribute {
                current.pointee.ns = nil
                attribute = current.pointee.next
            }
            var child = node.pointee.children
            while let current = child {
                stack.append(current)
                child = current.pointee.next
            }
        }
    }
}
