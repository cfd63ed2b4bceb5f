import ConformanceSupport
import CucumberExpressions
import Foundation
import Testing
import Yams

/// One YAML file of the official cucumber-expressions test data (`../shared/conformance/cucumber-expressions`).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    /// The file's path below `conformance/cucumber-expressions`, such as `cucumber-expression/parser/optional.yaml`.
    let path: String

    var testDescription: String { path }

    static var root: URL? {
        ConformanceData.shared?.appendingPathComponent("conformance/cucumber-expressions")
    }

    /// The YAML files of `directory` (below `conformance/cucumber-expressions`), sorted; none without the data.
    static func all(in directory: String) -> [ConformanceCase] {
        guard let root else { return [] }
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(directory).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { ConformanceCase(path: directory + "/" + $0) }
    }

    /// The file's top-level mapping, as composed YAML nodes (so scalars keep their resolved tags).
    func load() throws -> Yams.Node {
        let url = try #require(Self.root).appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(try Yams.compose(yaml: text), "\(path) is empty")
    }
}

extension Yams.Node {
    /// The string of the scalar at `key`.
    func string(_ key: String) throws -> String {
        try #require(self[key]?.string, "no string at \(key)")
    }

    /// The integer of the scalar at `key`.
    func integer(_ key: String) throws -> Int {
        try #require(self[key]?.int, "no integer at \(key)")
    }

    /// Whether this is a null scalar.
    var isNull: Bool {
        tag.rawValue == Tag.Name.null.rawValue
    }
}

/// Compares an argument's value with the YAML value the reference expects, typed as the YAML types it: an integer
/// with any fixed-width integer, a float with a `Double` or `Float`, a string with a `String` (a `Decimal`, the
/// value of `{bigdecimal}`, against the expected string read as a `Decimal`: it keeps 38 significant digits), a
/// null with `nil`.
func conforms(_ value: (any Sendable)?, to expected: Yams.Node) -> Bool {
    if expected.isNull {
        return value == nil
    }
    guard let value, let scalar = expected.scalar else { return false }
    switch expected.tag.rawValue {
    case Tag.Name.int.rawValue:
        guard let integer = value as? any BinaryInteger, let wanted = Int64(scalar.string) else { return false }
        return Int64(exactly: integer) == wanted
    case Tag.Name.float.rawValue:
        guard let wanted = Double(scalar.string) else { return false }
        if let double = value as? Double { return double == wanted }
        if let float = value as? Float { return float == Float(wanted) }
        return false
    default:
        if let string = value as? String { return string == scalar.string }
        if let decimal = value as? Decimal { return decimal == Decimal(string: scalar.string) }
        return false
    }
}
