/// Resources of one kind, by id, in creation order (the order the list calls answer in).
struct DatabricksTable<Value: Sendable>: Sendable {
    private(set) var byId: [String: Value] = [:]
    private(set) var order: [String] = []

    subscript(id: String) -> Value? {
        get { byId[id] }
        set {
            if let newValue {
                if byId.updateValue(newValue, forKey: id) == nil { order.append(id) }
            } else if byId.removeValue(forKey: id) != nil {
                order.removeAll { $0 == id }
            }
        }
    }

    /// The values, oldest first.
    var values: [Value] { order.compactMap { byId[$0] } }

    var count: Int { byId.count }

    func contains(_ id: String) -> Bool { byId[id] != nil }
}

extension DatabricksTable: Codable where Value: Codable {}
