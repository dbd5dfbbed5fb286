/// Every URL of the site in one place. Paths here are site-relative ("actors/x/"); `link`
/// adds the base path for pages, `absolute` the whole base URL for feeds and sitemaps.
public struct SiteURLs: Sendable {
    public let basePath: String
    public let absoluteBase: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        absoluteBase = config.absoluteBase
    }

    public func link(_ path: String) -> String { basePath + path }
    public func absolute(_ path: String) -> String { absoluteBase + path }

    public static func briefing(_ slug: String) -> String { "briefings/\(slug)/" }
    public static func actor(_ slug: String) -> String { "actors/\(slug)/" }
    public static func topic(_ slug: String) -> String { "topics/\(slug)/" }
    public static func claim(_ id: String) -> String { "claims/\(id)/" }
    public static func year(_ year: Int) -> String { "timeline/\(year)/" }
    public static func source(_ slug: String) -> String { "sources/\(slug)/" }
    public static func page(_ slug: String) -> String { "\(slug)/" }

    /// Page `number` (1-based) of a paginated list whose first page is at `first`.
    public static func paginated(_ first: String, _ number: Int) -> String {
        number == 1 ? first : "\(first)page/\(number)/"
    }

    /// The file that holds a URL path: folders get `index.html`.
    public static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
