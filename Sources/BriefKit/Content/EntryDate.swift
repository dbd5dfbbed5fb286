import Foundation

/// A briefing's date as written: a calendar day, optionally with a time and a UTC offset.
///
/// Date-only values belong to the site's time zone; no clock is ever consulted.
public struct EntryDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Seconds after midnight and the UTC offset in seconds, for date-times.
    public let time: (seconds: Int, offset: Int)?

    /// Why a string is not a date.
    public enum Problem: Error, Equatable, Sendable {
        case format
        case notOnCalendar(String)
        case missingOffset
    }

    public static func == (lhs: EntryDate, rhs: EntryDate) -> Bool {
        lhs.year == rhs.year && lhs.month == rhs.month && lhs.day == rhs.day
            && lhs.time?.seconds == rhs.time?.seconds && lhs.time?.offset == rhs.time?.offset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(month)
        hasher.combine(day)
        hasher.combine(time?.seconds)
        hasher.combine(time?.offset)
    }

    /// Orders by instant; date-only values count as midnight UTC (the site zone is applied
    /// by `instant(in:)` where it matters).
    public static func < (lhs: EntryDate, rhs: EntryDate) -> Bool {
        lhs.instant(offsetForDateOnly: 0) < rhs.instant(offsetForDateOnly: 0)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`.
    public static func parse(_ text: String) -> Result<EntryDate, Problem> {
        let s = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for i in range {
                guard (48...57).contains(s[i]) else { return nil }
                value = value * 10 + Int(s[i] - 48)
            }
            return value
        }
        guard s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return .failure(.format) }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return .failure(.notOnCalendar(String(text.prefix(10))))
        }
        if s.count == 10 { return .success(EntryDate(year: year, month: month, day: day, time: nil)) }
        guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "), s.count >= 16,
            s[13] == UInt8(ascii: ":"), let hour = number(11..<13), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return .failure(.format) }
        var i = 16
        var second = 0
        if i < s.count, s[i] == UInt8(ascii: ":") {
            guard let value = number(i + 1..<i + 3), value < 61 else { return .failure(.format) }
            second = value
            i += 3
            if i < s.count, s[i] == UInt8(ascii: ".") {
                i += 1
                while i < s.count, (48...57).contains(s[i]) { i += 1 }
            }
        }
        guard i < s.count else { return .failure(.missingOffset) }
        var offset = 0
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            guard i + 1 == s.count else { return .failure(.format) }
        } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            guard i + 6 == s.count, s[i + 3] == UInt8(ascii: ":"), let h = number(i + 1..<i + 3),
                let m = number(i + 4..<i + 6), h < 24, m < 60
            else { return .failure(.format) }
            offset = (h * 3600 + m * 60) * (s[i] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return .failure(.format)
        }
        return .success(
            EntryDate(year: year, month: month, day: day, time: (hour * 3600 + minute * 60 + second, offset)))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Seconds since the Unix epoch; a date-only value is midnight at `offsetForDateOnly`.
    public func instant(offsetForDateOnly: Int) -> Int {
        let midnight = EntryDate.daysSinceEpoch(year: year, month: month, day: day) * 86400
        if let time { return midnight + time.seconds - time.offset }
        return midnight - offsetForDateOnly
    }
}

extension EntryDate: CustomStringConvertible {
    /// As written in front matter: `2024-10-24`, or `2024-10-24T09:30:00+09:00`.
    public var description: String {
        let day = String(format: "%04d-%02d-%02d", year, month, self.day)
        guard let time else { return day }
        let offset = abs(time.offset) / 60
        let clock = String(
            format: "%02d:%02d:%02d", time.seconds / 3600, time.seconds / 60 % 60, time.seconds % 60)
        let zone =
            time.offset == 0
            ? "Z" : (time.offset < 0 ? "-" : "+") + String(format: "%02d:%02d", offset / 60, offset % 60)
        return "\(day)T\(clock)\(zone)"
    }
}
