#if DEBUG
import AWSWire
import Foundation

/// When two documents are the same for the write-and-read-again invariants of the JSON and CBOR targets.
///
/// Timestamps are compared to the millisecond (what CBOR's epoch milliseconds carry), give or take what a `Double`
/// can hold at their magnitude: `Date` keeps seconds since 2001 as a `Double`, whose spacing passes a millisecond
/// beyond about 2^42 seconds (139,000 years), so such dates read, written and read again differ by that spacing
/// without either codec being wrong.
enum DocumentEquivalence {
    static func equivalent(_ lhs: AWSDocument, _ rhs: AWSDocument) -> Bool {
        switch (lhs, rhs) {
        case (.timestamp(let left), .timestamp(let right)):
            let magnitude = max(
                left.timeIntervalSinceReferenceDate.magnitude, right.timeIntervalSinceReferenceDate.magnitude)
            return abs(left.timeIntervalSince(right)) < 0.001 + 4 * magnitude.ulp
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
