import Foundation
import Synchronization

/// Values a run must never show (a secret a step stored, a token): steps add them with
/// ``StepCall/redact(_:)``, and every format and console line of the run masks them, wherever they appear (step
/// text, doc strings, errors, attachments, the feature source itself).
public final class SecretValues: Sendable {
    /// What replaces a secret.
    public static let mask = "<redacted>"
    /// Shorter values are not masked: masking `test` would hide every occurrence of the word.
    public static let minimumLength = 6

    private let state = Mutex<(values: [String], onAdd: (@Sendable (String) -> Void)?)>(([], nil))

    public init() {}

    /// Adds a value to mask (values shorter than ``minimumLength`` are ignored).
    public func add(_ value: String) {
        guard value.count >= Self.minimumLength else { return }
        let notify = state.withLock { state -> (@Sendable (String) -> Void)? in
            if state.values.contains(value) { return nil }
            state.values.append(value)
            // Longest first, so a secret containing another is masked whole.
            state.values.sort { $0.count > $1.count }
            return state.onAdd
        }
        notify?(value)
    }

    /// Called with each new value (a worker process tells its supervisor).
    func onAdd(_ body: @escaping @Sendable (String) -> Void) {
        state.withLock { $0.onAdd = body }
    }

    /// The values, longest first.
    public var values: [String] { state.withLock { $0.values } }

    /// Whether there is nothing to mask.
    public var isEmpty: Bool { state.withLock { $0.values.isEmpty } }

    /// The text with every value masked, also in its JSON-escaped form.
    public func mask(_ text: String) -> String {
        let values = self.values
        guard !values.isEmpty else { return text }
        var text = text
        for value in values {
            text = text.replacingOccurrences(of: value, with: Self.mask)
            let escaped = Self.jsonEscaped(value)
            if escaped != value { text = text.replacingOccurrences(of: escaped, with: Self.mask) }
        }
        return text
    }

    /// UTF-8 bytes with every value masked (bytes that are not UTF-8 text are returned as they are).
    public func mask(_ data: Data) -> Data {
        guard !isEmpty, let text = String(data: data, encoding: .utf8) else { return data }
        return Data(mask(text).utf8)
    }

    static func jsonEscaped(_ value: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [value]), data.count > 4 else { return value }
        return String(decoding: data.dropFirst(2).dropLast(2), as: UTF8.self)
    }
}
