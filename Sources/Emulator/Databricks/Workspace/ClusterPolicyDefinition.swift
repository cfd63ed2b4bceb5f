import Foundation

/// A cluster policy's definition applied to a cluster specification: fixed values are set, defaults filled in when
/// asked, and every rule checked (`fixed`, `forbidden`, `allowlist`, `blocklist`, `regex`, `range`, `unlimited`),
/// with the service's "Validation failed for ..." messages.
struct ClusterPolicyDefinition: Sendable {
    struct Rule: Sendable {
        var path: String
        var element: JSONObject
        var type: String { element["type"]?.string ?? "unlimited" }
    }

    var rules: [Rule]

    init(_ text: String) throws(DatabricksError) {
        guard case .object(let object) = (try? JSONValue.parse(Data(text.utf8))) ?? .null else {
            throw .invalidParameter("Policy definition must be a JSON object.")
        }
        rules = object.keys.sorted().compactMap { key in object[key]?.object.map { Rule(path: key, element: $0) } }
    }

    /// Sets fixed values (and defaults, when `applyDefaults`), then checks every rule.
    /// - Throws: `INVALID_PARAMETER_VALUE` naming every failed rule.
    func apply(to spec: inout JSONObject, applyDefaults: Bool) throws(DatabricksError) {
        var failures: [String] = []
        for rule in rules {
            let current = Self.value(at: rule.path, in: spec)
            switch rule.type {
            case "fixed":
                guard let fixed = rule.element["value"] else { continue }
                if let current, current != fixed, !Self.sameScalar(current, fixed) {
                    failures.append(
                        "Validation failed for \(rule.path), the value must be \(Self.text(fixed)) (is \(Self.text(current)))"
                    )
                } else {
                    Self.set(fixed, at: rule.path, in: &spec)
                }
                continue
            case "forbidden":
                if current != nil { failures.append("Validation failed for \(rule.path), the value cannot be present") }
                continue
            default:
                break
            }
            var value = current
            if value == nil, applyDefaults, let fallback = rule.element["defaultValue"] {
                Self.set(fallback, at: rule.path, in: &spec)
                value = fallback
            }
            guard let value else {
                if rule.element["isOptional"]?.bool != true, rule.type != "unlimited" {
                    failures.append("Validation failed for \(rule.path), the value must be present")
                }
                continue
            }
            switch rule.type {
            case "allowlist":
                let allowed = rule.element["values"]?.array ?? []
                if !allowed.contains(where: { Self.sameScalar($0, value) }) {
                    failures.append(
                        "Validation failed for \(rule.path), the value must be one of \(allowed.map(Self.text)) (is \(Self.text(value)))"
                    )
                }
            case "blocklist":
                let blocked = rule.element["values"]?.array ?? []
                if blocked.contains(where: { Self.sameScalar($0, value) }) {
                    failures.append("Validation failed for \(rule.path), the value cannot be \(Self.text(value))")
                }
            case "regex":
                let pattern = rule.element["pattern"]?.string ?? ".*"
                let text = Self.text(value, quoted: false)
                if text.range(of: "^(?:\(pattern))$", options: .regularExpression) == nil {
                    failures.append(
                        "Validation failed for \(rule.path), the value must match the regular expression \(pattern) (is \(Self.text(value)))"
                    )
                }
            case "range":
                guard let number = value.double else {
                    failures.append("Validation failed for \(rule.path), the value must be a number")
                    continue
                }
                if let minimum = rule.element["minValue"]?.double, number < minimum {
                    failures.append(
                        "Validation failed for \(rule.path), the value must be at least \(Self.text(rule.element["minValue"]!)) (is \(Self.text(value)))"
                    )
                }
                if let maximum = rule.element["maxValue"]?.double, number > maximum {
                    failures.append(
                        "Validation failed for \(rule.path), the value must be at most \(Self.text(rule.element["maxValue"]!)) (is \(Self.text(value)))"
                    )
                }
            default:
                break
            }
        }
        if !failures.isEmpty { throw .invalidParameter(failures.joined(separator: "; ")) }
    }

    // MARK: - Paths (`custom_tags.team`, `autoscale.max_workers`)

    static func value(at path: String, in spec: JSONObject) -> JSONValue? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = spec[parts[0]], first != .null else {
            return nil
        }
        guard parts.count == 2 else { return first }
        return first.object.flatMap { value(at: parts[1], in: $0) }
    }

    static func set(_ value: JSONValue, at path: String, in spec: inout JSONObject) {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 1 {
            spec[parts[0]] = value
            return
        }
        var child = spec[parts[0]]?.object ?? [:]
        set(value, at: parts[1], in: &child)
        spec[parts[0]] = .object(child)
    }

    static func sameScalar(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.double, let y = b.double { return x == y }
        return text(a, quoted: false) == text(b, quoted: false)
    }

    static func text(_ value: JSONValue) -> String { text(value, quoted: true) }

    static func text(_ value: JSONValue, quoted: Bool) -> String {
        switch value {
        case .string(let string): return quoted ? "\"\(string)\"" : string
        case .int(let number): return String(number)
        case .double(let number):
            return number.rounded() == number && number.magnitude < 9e18 ? String(Int64(number)) : String(number)
        case .bool(let flag): return String(flag)
        default: return String(decoding: value.encoded(), as: UTF8.self)
        }
    }
}
