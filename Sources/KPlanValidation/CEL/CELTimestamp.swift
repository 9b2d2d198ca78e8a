/// RFC 3339 timestamps for CEL's `timestamp()`: parsing, rendering and calendar fields, all in UTC.
///
/// A timestamp is whole seconds since the Unix epoch plus nanoseconds (0..<1e9). CEL's range is
/// years 0001 through 9999.
enum CELTimestamp {
    /// Seconds of 0001-01-01T00:00:00Z and of 10000-01-01T00:00:00Z, CEL's bounds.
    static let range: Range<Int64> = -62_135_596_800..<253_402_300_800

    /// The instant in `text` (`2024-01-02T03:04:05.5+01:00`), or nil when it is not RFC 3339.
    static func parse(_ text: String) -> (seconds: Int64, nanos: Int64)? {
        let c = Array(text.utf8)
        func number(_ at: Int, _ count: Int) -> Int64? {
            guard at + count <= c.count else { return nil }
            var value: Int64 = 0
            for byte in c[at..<at + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard c.count >= 20, c[4] == 45, c[7] == 45, c[10] == 84 || c[10] == 116, c[13] == 58, c[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var at = 19
        var nanos: Int64 = 0
        if c[at] == 46 {
            at += 1
            var digits = 0
            while at < c.count, (48...57).contains(c[at]) {
                if digits < 9 { nanos = nanos * 10 + Int64(c[at] - 48) }
                digits += 1
                at += 1
            }
            guard digits > 0 else { return nil }
            if digits < 9 {
                for _ in digits..<9 { nanos *= 10 }
            }
        }
        guard at < c.count else { return nil }
        var offset: Int64 = 0
        if c[at] == 90 || c[at] == 122 {
            at += 1
        } else if c[at] == 43 || c[at] == 45, c.count == at + 6, c[at + 3] == 58,
            let hours = number(at + 1, 2), let minutes = number(at + 4, 2), hours < 24, minutes < 60
        {
            offset = (hours * 3600 + minutes * 60) * (c[at] == 45 ? -1 : 1)
            at += 6
        } else {
            return nil
        }
        guard at == c.count else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
            - offset
        guard range.contains(seconds) else { return nil }
        return (seconds, nanos)
    }

    /// The RFC 3339 text of an instant in UTC, with as many fraction digits as needed.
    static func render(seconds: Int64, nanos: Int64) -> String {
        let fields = civil(seconds)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(pad(fields.year, 4))-\(pad(fields.month, 2))-\(pad(fields.day, 2))T"
            + "\(pad(fields.hour, 2)):\(pad(fields.minute, 2)):\(pad(fields.second, 2))"
        if nanos != 0 {
            var fraction = pad(nanos, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// The UTC calendar fields of an instant; `weekday` is 0 for Sunday, `yearDay` 0 for January 1.
    static func civil(_ seconds: Int64) -> (
        year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, weekday: Int64,
        yearDay: Int64
    ) {
        let days = floorDivide(seconds, 86_400)
        let time = seconds - days * 86_400
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7
        let yearDay = days - daysFromCivil(year: year, month: 1, day: 1)
        return (year, month, day, time / 3600, time % 3600 / 60, time % 60, weekday, yearDay)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
