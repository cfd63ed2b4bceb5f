import Foundation

/// The id of one run: `20261123-140512-a3f9` (UTC time and four random hex digits). Live resources carry it in the
/// `brickyard:run-id` tag; `brickyard sweep` reads the time back from it.
public struct RunIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The id's text.
    public let value: String

    /// A new id for a run starting now.
    public init(date: Date = Date()) {
        let random = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        value = Self.formatter.string(from: date) + "-" + String(repeating: "0", count: 4 - random.count) + random
    }

    /// An id given on the command line or read from a tag.
    public init?(_ text: String) {
        guard Self.date(of: text) != nil else { return nil }
        value = text
    }

    public var description: String { value }

    /// When the run started.
    public var date: Date { Self.date(of: value) ?? Date(timeIntervalSince1970: 0) }

    /// The short form used inside physical names (`140512a3f9`: time of day and random part).
    public var short: String {
        let parts = value.split(separator: "-")
        return parts.count == 3 ? String(parts[1] + parts[2]) : value
    }

    static func date(of text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[2].count == 4, parts[2].allSatisfy(\.isHexDigit) else { return nil }
        return formatter.date(from: "\(parts[0])-\(parts[1])")
    }

    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter
    }()
}
