import Foundation

/// The site's time zone for "today" in `brief new`, read leniently from site.yml (UTC when the
/// file is missing or has problems; `brief build` reports those).
public enum SiteClock {
    public static func timeZone(siteRoot: String) -> TimeZone {
        guard let data = FileManager.default.contents(atPath: siteRoot + "/site.yml"),
            case .success(let source) = SourceText.decode(data, path: "site.yml"),
            let config = SiteConfigLoader.load(text: source.text).0
        else { return TimeZone(identifier: "UTC")! }
        return config.timeZone
    }
}
