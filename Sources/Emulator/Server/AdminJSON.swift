import Foundation

/// Numbers in the admin endpoints' JSON bodies, read without trusting them: any JSON number (huge, fractional,
/// negative) either fits the range the endpoint allows or is refused, and no conversion can trap.
enum AdminJSON {
    /// A number within `range`, or nil when the value is absent, not a number, not finite or outside it.
    static func double(_ value: Any?, in range: ClosedRange<Double>) -> Double? {
        // (On Linux `is Bool` holds for the NSNumbers 0 and 1 too, so JSON's true and false read as 1 and 0.)
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.isFinite, range.contains(double) else { return nil }
        return double
    }

    /// A whole number within `range`, or nil when the value is absent, not a whole number or outside it.
    static func integer(_ value: Any?, in range: ClosedRange<Int>) -> Int? {
        guard let double = double(value, in: Double(range.lowerBound)...Double(range.upperBound)),
            double.rounded() == double
        else { return nil }
        return Int(exactly: double).flatMap { range.contains($0) ? $0 : nil }
    }
}
