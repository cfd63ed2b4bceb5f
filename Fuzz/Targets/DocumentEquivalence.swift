#if DEBUG
import AWSWire
import Foundation

/// When two documents are the same for the write-and-read-again invariants of the JSON and CBOR targets.
///
/// Timestamps are compared to the millisecond: `Date` keeps seconds since 2001 as a `Double`, so epoch seconds read,
/// written and read again can differ in the last bits without either codec being wrong.
enum DocumentEquivalence {
    static func equivalent(_ lhs: AWSDocument, _ rhs: AWSDocument) -> Bool {
        switch (lhs, rhs) {
        case (.timestamp(let left), .timestamp(let right)):
            return abs(left.timeIntervalSince(right)) < 0.001
        case (.list(let left), .list(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equivalent($0, $1) }
        case (.map(let left), .map(let right)):
            return left.count == right.count
                && left.allSatisfy { key, value in right[key].map { equivalent(value, $0) } ?? false }
        default:
            return lhs == rhs
        }
    }

    /// Whether every number and timestamp of a document is finite.
    static func isFinite(_ document: AWSDocument) -> Bool {
        switch document {
        case .double(let value): value.isFinite
        case .timestamp(let date): date.timeIntervalSince1970.isFinite
        case .list(let items): items.allSatisfy(isFinite)
        case .map(let members): members.values.allSatisfy(isFinite)
        default: true
        }
    }
}
#endif
