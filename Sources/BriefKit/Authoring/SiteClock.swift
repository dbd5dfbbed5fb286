import Foundation

/// The site's time zone for "today" in `brief new`, read leniently from site.yml (UTC when the
/// file is missing or has problems; `brief build` reports those).
public enum SiteClock {
    public static func timeZone(siteRoot: String) -> TimeZone {
        SiteConfigLoader.loadLeniently(siteRoot: siteRoot)?.timeZone ?? TimeZone(identifier: "UTC")!
    }
}
