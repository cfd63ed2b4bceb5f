/// The context keys of a request, compared case-insensitively by key. Each key has one or more string values; a key
/// set with ``set(_:values:)`` is multivalued, which matters to `ForAnyValue:` and `ForAllValues:`.
public struct ContextKeys: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Entry: Sendable, Equatable {
        var key: String
        var values: [String]
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    /// No keys.
    public init() {}

    /// Single-valued keys from a literal: `["sts:ExternalId": "abc"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { set(key, value) }
    }

    /// Single-valued keys from a dictionary.
    public init(_ values: [String: String]) {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) { set(key, value) }
    }

    /// The values of a key, or `nil` when the request does not have it.
    public subscript(key: String) -> [String]? {
        get { entries[key.lowercased()]?.values }
        set {
            if let newValue { set(key, values: newValue) } else { remove(key) }
        }
    }

    /// Sets a single-valued key.
    public mutating func set(_ key: String, _ value: String) {
        set(key, values: [value])
    }

    /// Sets a key with any number of values.
    public mutating func set(_ key: String, values: [String]) {
        let folded = key.lowercased()
        if entries[folded] == nil { order.append(folded) }
        entries[folded] = Entry(key: key, values: values)
    }

    /// Removes a key.
    public mutating func remove(_ key: String) {
        let folded = key.lowercased()
        guard entries.removeValue(forKey: folded) != nil else { return }
        order.removeAll { $0 == folded }
    }

    /// The keys, as first written, in the order they were set.
    public var keys: [String] { order.compactMap { entries[$0]?.key } }

    /// The first value of a key (what a policy variable reads).
    func first(_ key: String) -> String? {
        entries[key.lowercased()]?.values.first
    }
}
