import Foundation

/// The day an article was published, read from its own lines: "Published: October 24, 2024",
/// "24 Oct 2024 10:30 KST", "2024-10-24", a dateline alone on its line. Dates inside the body's
/// sentences are about other days and are not read.
enum ArticleDate {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let month =
        "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    private static let iso = try! NSRegularExpression(pattern: "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b")
    private static let monthFirst = try! NSRegularExpression(
        pattern: "\\b\(month)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", options: .caseInsensitive)
    private static let dayFirst = try! NSRegularExpression(
        pattern: "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+\(month)\\.?,?\\s+(\\d{4})\\b", options: .caseInsensitive)

    /// The first real calendar day written in `line`, as YYYY-MM-DD.
    static func day(in line: String) -> String? {
        let range = NSRange(location: 0, length: (line as NSString).length)
        func text(_ match: NSTextCheckingResult, _ group: Int) -> String {
            (line as NSString).substring(with: match.range(at: group))
        }
        func monthNumber(_ name: String) -> Int? {
            let lower = name.lowercased()
            return months.firstIndex { $0.hasPrefix(String(lower.prefix(3))) }.map { $0 + 1 }
        }
        var candidates: [(position: Int, year: Int, month: Int, day: Int)] = []
        if let m = iso.firstMatch(in: line, range: range), let y = Int(text(m, 1)), let mo = Int(text(m, 2)),
            let d = Int(text(m, 3))
        {
            candidates.append((m.range.location, y, mo, d))
        }
        if let m = monthFirst.firstMatch(in: line, range: range), let mo = monthNumber(text(m, 1)),
            let d = Int(text(m, 2)), let y = Int(text(m, 3))
        {
            candidates.append((m.range.location, y, mo, d))
        }
        if let m = dayFirst.firstMatch(in: line, range: range), let d = Int(text(m, 1)),
            let mo = monthNumber(text(m, 2)), let y = Int(text(m, 3))
        {
            candidates.append((m.range.location, y, mo, d))
        }
        for candidate in candidates.sorted(by: { $0.position < $1.position }) {
            let written = String(format: "%04d-%02d-%02d", candidate.year, candidate.month, candidate.day)
            if case .success = EntryDate.parse(written) { return written }
        }
        return nil
    }

    /// A line that gives the article's publication: "Published …", "Posted …", "First published
    /// …" (an "Updated …" line counts only when nothing else does).
    static func isPublicationLine(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["published", "posted", "first published", "date:", "dated"].contains { lower.hasPrefix($0) }
    }

    static func isUpdateLine(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("updated") || lower.hasPrefix("last updated") || lower.hasPrefix("modified")
    }

    /// A short line that is little but a date and perhaps a weekday, a time or a place: a
    /// dateline or the date under a headline.
    static func isDateOnly(_ line: String) -> Bool {
        guard line.count <= 60, day(in: line) != nil else { return false }
        let words = line.split { !$0.isLetter }.map { $0.lowercased() }
        let dateWords = Set(months + months.map { String($0.prefix(3)) } + ["sept"])
        let weekdays: Set<String> = [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
            "thu", "fri", "sat", "sun", "am", "pm", "kst", "utc", "gmt", "est", "edt", "cet", "at", "st",
            "nd", "rd",
            "th",
        ]
        return words.filter { !dateWords.contains($0) && !weekdays.contains($0) }.count <= 2
    }
}
