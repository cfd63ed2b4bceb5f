/// Parsing of the typed values condition operators compare: numbers, dates, IP addresses and ranges.
enum ConditionValues {
    /// A number (`NumericEquals`, ...).
    static func number(_ text: String) -> Double? {
        Double(text)
    }

    /// Seconds since the epoch of an ISO 8601 date and time (`2026-11-22`, `2026-11-22T10:00:00Z`,
    /// `2026-11-22T10:00:00.5+01:00`) or of an epoch number (`1700000000`).
    static func date(_ text: String) -> Double? {
        if let seconds = Double(text), !text.contains("-") { return seconds }
        let scalars = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = scalars[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func accept(_ character: UInt8) -> Bool {
            guard index < scalars.count, scalars[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), accept(45), let month = digits(2), accept(45), let day = digits(2) else {
            return nil
        }
        var seconds = Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        guard accept(84) || accept(116) else { return index == scalars.count ? seconds : nil }
        guard let hour = digits(2) else { return nil }
        seconds += Double(hour) * 3600
        if accept(58), let minute = digits(2) {
            seconds += Double(minute) * 60
            if accept(58), let second = digits(2) {
                seconds += Double(second)
                if accept(46) {
                    var fraction = 0.0
                    var scale = 0.1
                    while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 {
                        fraction += Double(scalars[index] - 48) * scale
                        scale /= 10
                        index += 1
                    }
                    seconds += fraction
                }
            }
        }
        if accept(90) || accept(122) { return index == scalars.count ? seconds : nil }
        if index < scalars.count, scalars[index] == 43 || scalars[index] == 45 {
            let sign: Double = scalars[index] == 43 ? 1 : -1
            index += 1
            guard let zoneHours = digits(2) else { return nil }
            var offset = Double(zoneHours) * 3600
            if accept(58) || (index < scalars.count) {
                guard let zoneMinutes = digits(2) else { return nil }
                offset += Double(zoneMinutes) * 60
            }
            seconds -= sign * offset
        }
        return index == scalars.count ? seconds : nil
    }

    /// Days from 1970-01-01 to a civil date (proleptic Gregorian).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// An IPv4 or IPv6 address as 16 bytes (IPv4 mapped into `::ffff:0:0/96`).
    static func ipAddress(_ text: String) -> [UInt8]? {
        if text.contains(":") { return ipv6(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
        for part in parts {
            guard let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func ipv6(_ text: String) -> [UInt8]? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard let value = UInt16(group, radix: 16), group.count <= 4 else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// Whether an address lies in a CIDR range (`203.0.113.0/24`, `2001:db8::/32`) or equals a plain address.
    static func ipAddress(_ address: String, isIn range: String) -> Bool {
        let parts = range.split(separator: "/", maxSplits: 1)
        guard let network = ipAddress(String(parts[0])), let candidate = ipAddress(address) else { return false }
        let isIPv4 = !parts[0].contains(":")
        var prefix = 128
        if parts.count == 2 {
            guard let bits = Int(parts[1]), bits >= 0, bits <= (isIPv4 ? 32 : 128) else { return false }
            prefix = isIPv4 ? bits + 96 : bits
        }
        for bit in 0..<prefix {
            let byte = bit / 8
            let mask = UInt8(0x80) >> UInt8(bit % 8)
            if network[byte] & mask != candidate[byte] & mask { return false }
        }
        return true
    }
}
