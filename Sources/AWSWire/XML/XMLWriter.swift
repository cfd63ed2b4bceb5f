/// A small, fast writer for the XML documents AWS services answer with.
///
/// ```swift
/// var xml = XMLWriter()
/// xml.open("ListBucketResult", namespace: XMLWriter.s3Namespace)
/// xml.element("Name", "my-bucket")
/// xml.close("ListBucketResult")
/// ```
public struct XMLWriter: Sendable {
    /// The S3 namespace.
    public static let s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    /// The document so far.
    public private(set) var text: String

    /// Starts a document with the XML declaration.
    public init(declaration: Bool = true) {
        text = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        text.reserveCapacity(512)
    }

    /// Opens an element.
    public mutating func open(_ name: String, namespace: String? = nil) {
        text += "<"
        text += name
        if let namespace {
            text += " xmlns=\""
            text += namespace
            text += "\""
        }
        text += ">"
    }

    /// Closes an element.
    public mutating func close(_ name: String) {
        text += "</"
        text += name
        text += ">"
    }

    /// Writes escaped character data inside the open element.
    public mutating func characters(_ value: String) {
        text += XMLWriter.escape(value)
    }

    /// Writes `<name>value</name>` with the value escaped.
    public mutating func element(_ name: String, _ value: String) {
        open(name)
        text += XMLWriter.escape(value)
        close(name)
    }

    /// Writes `<name>value</name>` when the value is present.
    public mutating func element(_ name: String, ifPresent value: String?) {
        if let value { element(name, value) }
    }

    /// Writes an element with the contents written by `body`.
    public mutating func element(_ name: String, namespace: String? = nil, _ body: (inout XMLWriter) -> Void) {
        open(name, namespace: namespace)
        body(&self)
        close(name)
    }

    /// Escapes `&`, `<`, `>`, `"`, `'` and control characters.
    public static func escape(_ value: String) -> String {
        var needsEscaping = false
        for byte in value.utf8
        where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            case "\t": out += "&#x9;"
            default:
                if scalar.value < 0x20 {
                    out += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
