import NIOConcurrencyHelpers

/// The faults an emulator injects, consulted for every service request before it is answered.
public final class FaultInjector: Sendable {
    private let rules = NIOLockedValueBox<[FaultRule]>([])

    /// Creates an injector with no faults.
    public init() {}

    /// Adds a rule; the newest rule is consulted first.
    public func add(_ rule: FaultRule) {
        rules.withLockedValue { $0.insert(rule, at: 0) }
    }

    /// The rules in force, newest first, with their hit counts.
    public var current: [FaultRule] { rules.withLockedValue { $0 } }

    /// Removes one rule; returns whether it existed.
    @discardableResult
    public func remove(id: String) -> Bool {
        rules.withLockedValue { rules in
            let before = rules.count
            rules.removeAll { $0.id == id }
            return rules.count != before
        }
    }

    /// Removes every rule.
    public func removeAll() {
        rules.withLockedValue { $0.removeAll() }
    }

    /// The fault to apply to a request, if any: the first matching rule whose dice roll says so. Counts the hit and
    /// keeps a used-up rule (with its hits) until it is deleted.
    func fault(service: String, operation: String?, path: String) -> FaultRule? {
        rules.withLockedValue { rules in
            guard !rules.isEmpty else { return nil }
            for index in rules.indices
            where rules[index].remaining != 0
                && rules[index].matches(service: service, operation: operation, path: path)
            {
                if rules[index].probability < 1, Double.random(in: 0..<1) >= rules[index].probability { continue }
                rules[index].hits += 1
                let applied = rules[index]
                if let remaining = rules[index].remaining { rules[index].remaining = remaining - 1 }
                return applied
            }
            return nil
        }
    }
}
