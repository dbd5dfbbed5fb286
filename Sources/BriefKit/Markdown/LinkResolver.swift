/// Answers the Markdown passes' questions about the site: where an actor, topic, briefing or
/// content file lives. Built once per build from the registry; read from many threads.
public struct LinkResolver: Sendable {
    /// The result of looking a wikilink target up; `title` labels links that name a slug.
    public enum Lookup: Sendable, Equatable {
        case found(url: String, title: String? = nil)
        case ambiguous([String])
        case unknown(suggestion: String?)
    }

    /// The path of `base_url`, prefixed to root-relative links ("/watch/").
    public var basePath: String
    /// `[[Name]]`, `[[topic:Name]]`, `[[briefing:slug]]` → site-relative URL path ("actors/x/").
    public var wikilink: @Sendable (_ kind: String, _ name: String) -> Lookup
    /// A path relative to the site root ("Content/briefings/x.md") → site-relative URL path.
    public var contentFile: @Sendable (_ path: String) -> String?
    /// Actors for mention links and quote attribution; nil turns those passes off.
    public var actors: ActorDirectory?

    public init(
        basePath: String,
        wikilink: @escaping @Sendable (String, String) -> Lookup = { _, _ in .unknown(suggestion: nil) },
        contentFile: @escaping @Sendable (String) -> String? = { _ in nil },
        actors: ActorDirectory? = nil
    ) {
        self.actors = actors
        self.basePath = basePath
        self.wikilink = wikilink
        self.contentFile = contentFile
    }

    /// The same answers with another base path: the lookups give site-relative paths, so the
    /// registries and the actor directory (its mention matcher) are shared, not built again.
    public func rebased(_ basePath: String) -> LinkResolver {
        var copy = self
        copy.basePath = basePath
        return copy
    }
}
