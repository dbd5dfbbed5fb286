/// What the Markdown passes know about actors: how names resolve, which names may be matched
/// in running text, and where each actor's page is. Built once per build, then only read: a
/// class, so the passes of every body share it at the cost of one reference, not one per table.
public final class ActorDirectory: Sendable {
    public let registry: NameRegistry
    public let matcher: MentionMatcher
    public let names: [String]
    /// Site-relative URL path per actor id.
    public let urls: [String]
    /// False for actors made from a name no registry file knows.
    public let registered: [Bool]

    public init(model: SiteModel) {
        // Each actor read where it is: a copy would retain all of its fields.
        let actors = model.actors
        var registry = NameRegistry()
        for id in actors.indices {
            registry.add(
                id: id, name: actors[id].name, aliases: actors[id].aliases,
                suggestable: actors[id].path != nil)
        }
        // Names match always; an alias only when it resolves to exactly this actor, so a shared
        // alias ("Kim") is never linked.
        var patterns: [(String, Int)] = []
        for id in actors.indices {
            patterns.append((actors[id].name, id))
            for alias in actors[id].aliases
            where registry.match(alias) == .found(id) && alias != actors[id].name {
                patterns.append((alias, id))
            }
        }
        self.registry = registry
        self.matcher = MentionMatcher(names: patterns)
        self.names = actors.indices.map { actors[$0].name }
        self.urls = actors.indices.map { SiteURLs.actor(actors[$0].slug) }
        self.registered = actors.indices.map { actors[$0].path != nil }
    }
}
