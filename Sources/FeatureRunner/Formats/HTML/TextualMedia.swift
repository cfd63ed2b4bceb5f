import Foundation

/// Whether the page shows an attachment as text: by its media type (text, JSON, XML, forms, JavaScript, YAML, CSV),
/// or, for `application/octet-stream` and the like, when its bytes are UTF-8 without control characters (other
/// than tab, carriage return and line feed).
enum TextualMedia {
    /// Parts of media types whose content is text.
    static let textMarkers = ["json", "xml", "x-www-form-urlencoded", "javascript", "ecmascript", "yaml", "csv"]
    /// Media types that say nothing about the bytes.
    static let opaqueTypes: Set<String> = ["", "binary/octet-stream", "application/octet-stream"]

    /// Whether `body` of type `mediaType` is shown as text.
    static func isText(_ body: Data, mediaType: String) -> Bool {
        let type = (mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? mediaType)
            .trimmingCharacters(in: .whitespaces).lowercased()
        if type.hasPrefix("text/") || textMarkers.contains(where: type.contains) { return true }
        guard opaqueTypes.contains(type), let text = String(data: body, encoding: .utf8) else { return false }
        return !text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F
        }
    }
}
