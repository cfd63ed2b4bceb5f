import AWSWire
import Foundation

/// Compares a JSON answer with an expected document that may hold Karate's fuzzy markers in place of values.
///
/// | marker | matches |
/// |---|---|
/// | `#ignore` | anything, or nothing |
/// | `#present` / `#notpresent` | any value, null included / the member is absent |
/// | `#null` / `#notnull` | null or absent / any value but null |
/// | `#string`, `#number`, `#boolean`, `#array`, `#object` | a value of that type |
/// | `#uuid` | a string that is a UUID |
/// | `#regex PATTERN` | a string the regular expression matches whole |
/// | `#[]`, `#[N]`, `#[N] #string` | an array (of N items) (each of which matches the marker) |
/// | `##string` (any marker with two `#`) | that, or null, or absent |
///
/// ``Mode/equals`` wants objects to have exactly the expected members and arrays the expected elements in order;
/// ``Mode/contains`` lets objects have more members and arrays more elements, in any order.
public enum FuzzyMatcher {
    /// How strictly objects and arrays are compared.
    public enum Mode: Sendable {
        case equals
        case contains
    }

    /// Where the answer differs from what was expected, one line per difference (`$.a.b: expected #string, found
    /// 3`); empty when it matches.
    /// - Parameters:
    ///   - expected: The expected document, markers allowed in its strings.
    ///   - actual: The answer (`nil`: absent).
    ///   - mode: How strictly objects and arrays are compared.
    ///   - path: Where `actual` is in the answer, for messages.
    public static func mismatches(
        expected: AWSDocument, actual: AWSDocument?, mode: Mode = .equals, path: String = "$"
    ) -> [String] {
        if case .string(let text) = expected, text.hasPrefix("#") {
            return marker(text, actual: actual, mode: mode, path: path)
        }
        guard let actual else { return ["\(path): expected \(describe(expected)), but it is absent"] }
        switch (expected, actual) {
        case (.map(let wanted), .map(let found)):
            var problems: [String] = []
            for key in wanted.keys.sorted() {
                problems += mismatches(expected: wanted[key]!, actual: found[key], mode: mode, path: "\(path).\(key)")
            }
            if mode == .equals {
                for key in found.keys.sorted() where wanted[key] == nil {
                    problems.append("\(path).\(key): not expected, but it is \(describe(found[key]!))")
                }
            }
            return problems
        case (.list(let wanted), .list(let found)):
            if mode == .contains {
                return wanted.enumerated().compactMap { index, element in
                    let matched = found.contains { mismatches(expected: element, actual: $0, mode: mode).isEmpty }
                    return matched
                        ? nil : "\(path): no element matches \(describe(element)) (expected element \(index))"
                }
            }
            guard wanted.count == found.count else {
                return ["\(path): expected \(wanted.count) items, but there are \(found.count): \(describe(actual))"]
            }
            return zip(wanted, found).enumerated().flatMap { index, pair in
                mismatches(expected: pair.0, actual: pair.1, mode: mode, path: "\(path)[\(index)]")
            }
        default:
            return equal(expected, actual)
                ? [] : ["\(path): expected \(describe(expected)), but it is \(describe(actual))"]
        }
    }

    /// Whether two scalars are equal (numbers by value, whether integers or not).
    static func equal(_ left: AWSDocument, _ right: AWSDocument) -> Bool {
        if let a = number(left), let b = number(right) { return a == b }
        return left == right
    }

    static func number(_ value: AWSDocument) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    private static func marker(_ text: String, actual: AWSDocument?, mode: Mode, path: String) -> [String] {
        let optional = text.hasPrefix("##")
        let body = String(optional ? text.dropFirst(2) : text.dropFirst())
        if optional, actual == nil || actual == .null { return [] }
        let found = actual.map(describe) ?? "absent"
        let failure = ["\(path): expected \(text), but it is \(found)"]
        if body == "ignore" { return [] }
        if body == "notpresent" { return actual == nil ? [] : failure }
        if body == "null" { return actual == nil || actual == .null ? [] : failure }
        guard let actual else { return failure }
        switch body {
        case "present": return []
        case "notnull": return actual == .null ? failure : []
        case "string": return actual.string != nil ? [] : failure
        case "number": return number(actual) != nil ? [] : failure
        case "boolean": return actual.bool != nil ? [] : failure
        case "array": return actual.list != nil ? [] : failure
        case "object": return actual.map != nil ? [] : failure
        case "uuid": return actual.string.flatMap(UUID.init(uuidString:)) != nil ? [] : failure
        default: break
        }
        if body.hasPrefix("regex ") {
            let pattern = String(body.dropFirst("regex ".count))
            guard let regex = try? Regex(pattern) else {
                return ["\(path): #regex \(pattern) is not a regular expression"]
            }
            guard let string = actual.string, (try? regex.wholeMatch(in: string)) != nil else { return failure }
            return []
        }
        if body.hasPrefix("["), let close = body.firstIndex(of: "]") {
            guard let items = actual.list else { return failure }
            let count = body[body.index(after: body.startIndex)..<close].trimmingCharacters(in: .whitespaces)
            if !count.isEmpty {
                guard let wanted = Int(count) else { return ["\(path): \(text) is not #[N] with a number N"] }
                if items.count != wanted {
                    return ["\(path): expected \(wanted) items, but there are \(items.count): \(found)"]
                }
            }
            let each = body[body.index(after: close)...].trimmingCharacters(in: .whitespaces)
            guard !each.isEmpty else { return [] }
            return items.enumerated().flatMap { index, item in
                mismatches(expected: .string(each), actual: item, mode: mode, path: "\(path)[\(index)]")
            }
        }
        return [
            "\(path): \(text) is not a marker; the markers are #ignore, #present, #notpresent, #null, #notnull, "
                + "#string, #number, #boolean, #array, #object, #uuid, #regex PATTERN, #[N], and ## for optional"
        ]
    }

    /// A value as compact JSON, cut short when long.
    static func describe(_ value: AWSDocument) -> String {
        let text = String(decoding: value.jsonBytes(), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "..." : text
    }
}
