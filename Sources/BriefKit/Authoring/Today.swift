import Foundation

/// Today's date in a time zone, for `brief new` and `brief import` (builds never read the clock).
public enum Today {
    public static func iso(in timeZone: TimeZone) -> String {
        let now = Int(Date().timeIntervalSince1970)
        return CalendarDay(instant: now, offset: timeZone.secondsFromGMT(for: Date())).iso
    }
}
