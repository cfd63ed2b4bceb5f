import Foundation

/// The date formats on AWS wires, formatted and parsed without `DateFormatter` (which is slow and locale-bound).
public enum AWSDate {
    /// `yyyyMMdd'T'HHmmss'Z'` as in `X-Amz-Date`.
    public static func amzDate(_ date: Date) -> String {
        let c = components(date)
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T" + pad(c.hour, 2) + pad(c.minute, 2)
            + pad(c.second, 2) + "Z"
    }

    /// `yyyyMMdd` as in a credential scope.
    public static func scopeDate(_ date: Date) -> String {
        let c = components(date)
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
    }

    /// ISO 8601 with milliseconds, as S3 writes `LastModified` in XML: `2026-11-22T10:00:00.000Z`.
    public static func iso8601(_ date: Date) -> String {
        let c = components(date)
        let millis = (Int((secondsSince1970(date) * 1000).rounded(.down)) % 1000 + 1000) % 1000
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":"
            + pad(c.minute, 2) + ":" + pad(c.second, 2) + "." + pad(millis, 3) + "Z"
    }

    /// ISO 8601 to the second, as IAM and STS write timestamps: `2026-11-22T10:00:00Z`.
    public static func iso8601Seconds(_ date: Date) -> String {
        let c = components(date)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":"
            + pad(c.minute, 2) + ":" + pad(c.second, 2) + "Z"
    }

    /// RFC 7231 (IMF-fixdate), as in `Last-Modified` and `Date` headers: `Sun, 22 Nov 2026 10:00:00 GMT`.
    public static func httpDate(_ date: Date) -> String {
        let c = components(date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return days[c.weekday] + ", " + pad(c.day, 2) + " " + months[c.month - 1] + " " + pad(c.year, 4) + " "
            + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2) + " GMT"
    }

    /// Parses `yyyyMMdd'T'HHmmss'Z'`.
    public static func parseAmzDate(_ text: some StringProtocol) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z") else { return nil }
        guard let year = number(b, 0, 4), let month = number(b, 4, 2), let day = number(b, 6, 2),
            let hour = number(b, 9, 2), let minute = number(b, 11, 2), let second = number(b, 13, 2)
        else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Parses an IMF-fixdate (`Sun, 22 Nov 2026 10:00:00 GMT`) or ISO 8601 (`2026-11-22T10:00:00Z`, with optional fraction).
    public static func parseHTTPDate(_ text: some StringProtocol) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let b = Array(trimmed.utf8)
        if b.count == 29, b[3] == UInt8(ascii: ",") {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let monthText = String(decoding: b[8..<11], as: UTF8.self)
            guard let monthIndex = months.firstIndex(of: monthText), let day = number(b, 5, 2),
                let year = number(b, 12, 4), let hour = number(b, 17, 2), let minute = number(b, 20, 2),
                let second = number(b, 23, 2)
            else { return nil }
            return make(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        }
        if b.count >= 20, b[4] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T") {
            guard let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
                let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2)
            else { return nil }
            return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        }
        return nil
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, UTC)

    struct Components {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int
    }

    /// The dates that can be written: years 0001 to 9999, as every AWS date format has four digits for the year.
    public static let writableRange: ClosedRange<TimeInterval> = -62_135_596_800...253_402_300_799.999

    /// The date's seconds since 1970, held to ``writableRange`` (a date from a request may be any double: huge,
    /// infinite or not a number; none of them may trap a conversion to an integer).
    static func secondsSince1970(_ date: Date) -> TimeInterval {
        let seconds = date.timeIntervalSince1970
        guard !seconds.isNaN else { return writableRange.lowerBound }
        return min(max(seconds, writableRange.lowerBound), writableRange.upperBound)
    }

    static func components(_ date: Date) -> Components {
        let seconds = Int(secondsSince1970(date).rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4).
        return Components(
            year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
            weekday: weekday)
    }

    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + length) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
