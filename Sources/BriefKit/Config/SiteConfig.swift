import Foundation

/// The typed contents of `site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var baseURL: String
    public var description: String?
    public var language: String
    public var author: String?
    public var timeZone: TimeZone
    public var pageSize: Int
    public var feedLimit: Int
    /// Entries (or actors) on each archive page of a long actor, topic, timeline or actor list.
    public var archiveSize: Int = 200
    public var unsafeHTML: Bool
    public var params: ParamValue
    public var publishKeep: [String]
    /// `publish.cache_control`: (path pattern, Cache-Control value), first match wins, for
    /// object-storage publishing.
    public var cacheControl: [(pattern: String, value: String)] = []
    /// The sharing image of pages without one of their own: a path below `Content/media/`.
    public var image: Located<String>? = nil
    /// base_url as site.yml writes it, before any `--base-url` override: feed ids use its host.
    public var feedIDBase: String = ""

    public init(
        title: String, baseURL: String, description: String? = nil, language: String = "en",
        author: String? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC")!, pageSize: Int = 20,
        feedLimit: Int = 50, unsafeHTML: Bool = false, params: ParamValue = .empty, publishKeep: [String] = []
    ) {
        self.title = title
        self.baseURL = baseURL
        self.description = description
        self.language = language
        self.author = author
        self.timeZone = timeZone
        self.pageSize = pageSize
        self.feedLimit = feedLimit
        self.unsafeHTML = unsafeHTML
        self.params = params
        self.publishKeep = publishKeep
    }

    /// The path part of `base_url`, always starting and ending with `/` ("/watch/").
    public var basePath: String {
        guard let components = URLComponents(string: baseURL) else { return "/" }
        var path = components.path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// `base_url` with exactly one trailing slash.
    public var absoluteBase: String {
        baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }
}
