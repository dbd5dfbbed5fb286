import Foundation

/// A day on the proleptic Gregorian calendar, used for timelines and displayed dates.
public struct CalendarDay: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "24 October 2024": the same in every locale, so output never depends on the machine.
    public var display: String { "\(day) \(CalendarDay.monthNames[month - 1]) \(year)" }
    public var monthName: String { CalendarDay.monthNames[month - 1] }
    public var iso: String { isoMonth + "-" + CalendarDay.two(day) }

    /// "2024-10": the year and month, as month groups are named.
    public var isoMonth: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + CalendarDay.two(month)
    }

    /// `n` (0...99) with two digits; `String(format:)` was a twentieth of a 10k build.
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The day containing `instant` at UTC offset `offset` (civil-from-days, Howard Hinnant).
    init(instant: Int, offset: Int) {
        let local = instant + offset
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

/// Maps entry dates to instants and days in the site's time zone.
struct SiteCalendar: Sendable {
    let timeZone: TimeZone

    /// The site zone's UTC offset at local midnight of a date-only value.
    func offset(forDay date: EntryDate) -> Int {
        let utcMidnight = EntryDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day) * 86400
        let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcMidnight)))
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcMidnight - guess)))
    }

    func instant(_ date: EntryDate) -> Int {
        date.instant(offsetForDateOnly: date.time == nil ? offset(forDay: date) : 0)
    }

    func day(_ date: EntryDate) -> CalendarDay {
        guard date.time != nil else { return CalendarDay(year: date.year, month: date.month, day: date.day) }
        let instant = instant(date)
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        return CalendarDay(instant: instant, offset: offset)
    }

    /// RFC 3339 timestamp for feeds and sitemaps, in the entry's own offset or the site zone.
    func rfc3339(_ date: EntryDate) -> String {
        let instant = instant(date)
        let offset = date.time?.offset ?? offset(forDay: date)
        let day = CalendarDay(instant: instant, offset: offset)
        let seconds = ((instant + offset) % 86400 + 86400) % 86400
        let zone =
            offset == 0
            ? "Z"
            : (offset < 0 ? "-" : "+") + CalendarDay.two(abs(offset) / 3600) + ":"
                + CalendarDay.two(abs(offset) % 3600 / 60)
        return day.iso + "T" + CalendarDay.two(seconds / 3600) + ":" + CalendarDay.two(seconds % 3600 / 60)
            + ":"
            + CalendarDay.two(seconds % 60) + zone
    }

}
