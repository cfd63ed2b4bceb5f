import Foundation

/// An INI file as the AWS and Databricks tools write them (`~/.aws/credentials`, `~/.aws/config`,
/// `~/.databrickscfg`): `[section]` lines, `key = value` lines, `#` and `;` comment lines.
public struct INIFile: Sendable, Hashable {
    /// The sections in file order, each with its keys (a key written twice keeps its last value).
    public private(set) var sections: [(name: String, values: [String: String])]

    /// Reads INI text; lines it does not understand are skipped, as the reference tools skip them.
    public init(_ text: String) {
        var sections: [(name: String, values: [String: String])] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                sections.append((name, [:]))
                continue
            }
            guard !sections.isEmpty, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { continue }
            sections[sections.count - 1].values[key] = value
        }
        self.sections = sections
    }

    /// The keys of a section (the last section of that name), if there is one.
    public subscript(section name: String) -> [String: String]? {
        sections.last { $0.name == name }?.values
    }

    /// The section names, in file order.
    public var sectionNames: [String] { sections.map(\.name) }

    public static func == (lhs: INIFile, rhs: INIFile) -> Bool {
        lhs.sections.map(\.name) == rhs.sections.map(\.name) && lhs.sections.map(\.values) == rhs.sections.map(\.values)
    }

    public func hash(into hasher: inout Hasher) {
        for section in sections {
            hasher.combine(section.name)
            hasher.combine(section.values)
        }
    }
}
