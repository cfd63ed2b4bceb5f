/// The values IAM accepts for `Date` condition operators: an ISO 8601 date and time (`2026-11-22`,
/// `2026-11-22T10:00:00Z`, `2026-11-22T10:00:00.5+01:00`) or seconds since the epoch (`1700000000`).
enum DateConditionValue {
    static func isValid(_ text: String) -> Bool {
        if !text.contains(where: { $0 == "T" || $0 == "t" || $0 == "-" }) {
            guard let seconds = Int64(text) else { return false }
            return seconds >= 0
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0

        func digits(_ minimum: Int, _ maximum: Int) -> Int? {
            let start = index
            while index < scalars.count, index - start < maximum, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index - start >= minimum else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[start..<index])))
        }
        func accept(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }

        _ = accept("-")
        guard digits(1, 9) != nil else { return false }
        if accept("-") {
            guard let month = digits(1, 2), (1...12).contains(month) else { return false }
            if accept("-") {
                guard let day = digits(1, 2), (1...31).contains(day) else { return false }
            }
        }
        guard index < scalars.count else { return true }
        guard accept("T") || accept("t") else { return false }
        guard index < scalars.count else { return true }
        guard let hour = digits(1, 2), hour <= 23 else { return false }
        if accept(":") {
            guard let minute = digits(1, 2), minute <= 59 else { return false }
            if accept(":") {
                guard let second = digits(1, 2), second <= 59 else { return false }
                if accept(".") { guard digits(1, 9) != nil else { return false } }
            }
        }
        if accept("Z") || accept("z") { return index == scalars.count }
        if accept("+") || accept("-") {
            guard let zoneHours = digits(2, 2), zoneHours <= 23 else { return false }
            if accept(":") {
                guard let zoneMinutes = digits(2, 2), zoneMinutes <= 59 else { return false }
            }
        }
        return index == scalars.count
    }
}
