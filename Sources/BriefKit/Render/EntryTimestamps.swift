/// Each entry's date and last change (`updated`, else its date) as RFC 3339 text, and the
/// instant of the last change, for feeds, the sitemap and pages' metadata: made for every
/// entry at once (each distinct date written once: time zone look-ups are not free), or, for a
/// build that renders few pages, each when asked.
struct EntryTimestamps: Sendable {
    private let made: (dates: [String], updated: [String], instants: [Int])?
    private let entries: [SiteModel.Entry]
    private let calendar: SiteCalendar

    init(entries: [SiteModel.Entry], calendar: SiteCalendar, eager: Bool) {
        self.entries = entries
        self.calendar = calendar
        guard eager else {
            made = nil
            return
        }
        // Entries come newest first, so a date is mostly the one before it, found without
        // hashing.
        var place: [EntryDate: Int] = [:]
        var distinct: [EntryDate] = []
        func numbered(_ dates: some Sequence<EntryDate>) -> [Int] {
            var last: (date: EntryDate, number: Int)?
            return dates.map { date in
                if let last, last.date == date { return last.number }
                let number =
                    place[date]
                    ?? {
                        distinct.append(date)
                        place[date] = distinct.count - 1
                        return distinct.count - 1
                    }()
                last = (date, number)
                return number
            }
        }
        // Read in place: a copy of each entry would retain all of its fields.
        let dates = numbered(entries.indices.lazy.map { entries[$0].briefing.date })
        let updated = numbered(entries.indices.lazy.map { Self.lastChange(entries[$0]) })
        let stamps = distinct.parallelMap { (text: calendar.rfc3339($0), instant: calendar.instant($0)) }
        made = (
            dates.map { stamps[$0].text }, updated.map { stamps[$0].text }, updated.map { stamps[$0].instant }
        )
    }

    private static func lastChange(_ entry: SiteModel.Entry) -> EntryDate {
        entry.briefing.lastModified ?? entry.briefing.date
    }

    /// Entry `i`'s date.
    func date(_ i: Int) -> String { made?.dates[i] ?? calendar.rfc3339(entries[i].briefing.date) }

    /// Entry `i`'s last change.
    func updated(_ i: Int) -> String { made?.updated[i] ?? calendar.rfc3339(Self.lastChange(entries[i])) }

    /// The instant of entry `i`'s last change.
    func updatedInstant(_ i: Int) -> Int {
        made?.instants[i] ?? calendar.instant(Self.lastChange(entries[i]))
    }
}
