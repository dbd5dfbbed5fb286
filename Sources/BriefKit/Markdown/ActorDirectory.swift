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
        var registry = NameRegistry()
        for (id, actor) in model.actors.enumerated() {
            registry.add(id: id, name: actor.name, aliases: actor.aliases, suggestable: actor.path != nil)
        }
        // Names match always; an alias only when it resolves to exactly this actor, so a shared
        // alias ("Kim") is never linked.
        var patterns: [(String, Int)] = []
        for (id, actor) in model.actors.enumerated() {
            patterns.append((actor.name, id))
            for alias in actor.aliases where registry.match(alias) == .found(id) && alias != actor.name {
                patterns.append((alias, id))
            }
        }
        self.registry = registry
        self.matcher = MentionMatcher(names: patterns)
        self.names = model.actors.map(\.name)
        self.urls = model.actors.map { SiteURLs.actor($0.slug) }
        self.registered = model.actors.map { $0.path != nil }
    }
}
