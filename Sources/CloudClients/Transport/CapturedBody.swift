import Foundation

/// How a captured request or response body is shown in a report: as text when it is text (by its content type, or,
/// for `binary/octet-stream` and bodies without a type, when its bytes are UTF-8 without control characters), else as
/// a one-line summary (`(1024 bytes of image/png)`).
///
/// ```swift
/// CapturedBody.isText(Data("hello\n".utf8), contentType: "binary/octet-stream")   // true
/// CapturedBody.isText(Data([0, 1, 2]), contentType: nil)                          // false
/// ```
public enum CapturedBody {
    /// Content types whose bodies are text whatever their bytes look like (compared in lower case, parameters
    /// such as `; charset=utf-8` ignored).
    static let textMarkers = [
        "json", "xml", "x-www-form-urlencoded", "javascript", "ecmascript", "yaml", "csv", "x-amz-json",
    ]

    /// Content types that say nothing about the bytes: their bodies are text when the bytes are.
    static let opaqueTypes: Set<String> = ["", "binary/octet-stream", "application/octet-stream"]

    /// Whether a body is shown as text.
    /// - Parameters:
    ///   - data: The body's bytes.
    ///   - contentType: Its `Content-Type`, when it has one.
    public static func isText(_ data: Data, contentType: String?) -> Bool {
        let type = mediaType(contentType)
        if type.contains("cbor") { return false }
        if type.hasPrefix("text/") || textMarkers.contains(where: type.contains) {
            return String(data: data, encoding: .utf8) != nil
        }
        guard opaqueTypes.contains(type) else { return false }
        return looksLikeText(data)
    }

    /// Whether bytes are UTF-8 text without control characters other than tab, carriage return and line feed.
    public static func looksLikeText(_ data: Data) -> Bool {
        guard let text = String(data: data, encoding: .utf8) else { return false }
        return !text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F
        }
    }

    /// The summary of a body that is not shown as text: `(6 bytes of application/cbor)`.
    public static func summary(_ data: Data, contentType: String?) -> String {
        let type = contentType ?? ""
        return "(\(data.count) bytes of \(type.isEmpty ? "binary data" : type))"
    }

    /// The media type in lower case without parameters (`application/json` of `application/json; charset=utf-8`).
    static func mediaType(_ contentType: String?) -> String {
        let type = contentType ?? ""
        let bare = type.split(separator: ";", maxSplits: 1).first.map(String.init) ?? type
        return bare.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
