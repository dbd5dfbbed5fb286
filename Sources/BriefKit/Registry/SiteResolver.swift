/// Stage 2: resolves every reference (actors, topics, claimants, affiliations) through the
/// registries, checks slugs and URLs for collisions, filters drafts and orders entries.
public struct SiteResolver: Sendable {
    public var includeDrafts: Bool

    public init(includeDrafts: Bool) {
        self.includeDrafts = includeDrafts
    }

    /// URL segments that generated pages own; a static page may not take them.
    static let reservedSegments: Set<String> = [
        "briefings", "actors", "topics", "claims", "sources", "judgements", "indicators", "corrections",
        "timeline", "search", "page", "media", "assets",
        "feed.xml",
        "sitemap.xml", "robots.txt", "404.html", "search.json", "index.html",
    ]

    public func resolve(_ sources: consuming SiteSources) -> (SiteModel?, [Diagnostic]) {
        let all = sources.briefings
        sources.briefings = []
        var state = ResolutionState(sources: copy sources)
        state.registerActors()
        state.registerTopics()
        state.registerSources()
        state.resolveAffiliations()
        let kept = all.indices.filter { includeDrafts || !all[$0].draft }
        let calendar = SiteCalendar(timeZone: sources.config.timeZone)
        // Names are matched and dates placed on all cores. Then, in order, the few references
        // that needed more than the registries as the files define them: an unknown name may
        // become an implicit actor or topic for the entries after it. The entries are then
        // made on all cores.
        let registries = (actors: state.actorNames, topics: state.topicNames, sources: state.sourceNames)
        let sourceRecords = state.sourceRecords
        var matched = kept.parallelMap { i in
            ResolutionState.Prematch(
                all[i], actors: registries.actors, topics: registries.topics, calendar: calendar,
                sources: (registries.sources, sourceRecords))
        }
        for prematch in matched { state.diagnostics += prematch.sourceDiagnostics }
        for n in matched.indices where !matched[n].isSettled {
            state.settle(&matched[n], all[kept[n]])
        }
        let slugs = kept.map { all[$0].slug.value }
        state.checkSlugs(of: all, kept: kept)
        state.checkPages(sources)
        // Newest first, ties by slug: the order is worked out on indices, so the entries are
        // made in it rather than moved about by a sort.
        let instants = matched.map(\.instant)
        let order = kept.indices.sorted { a, b in
            instants[a] != instants[b] ? instants[a] > instants[b] : slugs[a] < slugs[b]
        }
        var entries = order.parallelMap { n in ResolutionState.entry(all[kept[n]], matched[n]) }
        let claims = TrackedLedger.claims(&entries, diagnostics: &state.diagnostics)
        let judgements = TrackedLedger.judgements(&entries, diagnostics: &state.diagnostics)
        let indicators = TrackedLedger.indicators(&entries, diagnostics: &state.diagnostics)
        state.checkImages(entries, config: sources.config, media: sources.media)
        // A salvaged briefing's placeholders (its title, date or slug) may clash: its file's
        // own errors were reported when it was read.
        let salvaged = sources.salvaged
        let diagnostics = state.diagnostics.filter {
            $0.severity != .error || !salvaged.contains($0.location.path)
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        var model = SiteModel(
            config: sources.config, root: sources.root, entries: entries, actors: state.actors,
            topics: state.topics,
            pages: sources.pages, media: sources.media, statics: sources.statics)
        model.sources = state.sourceRecords
        model.claims = claims
        model.judgements = judgements
        model.indicators = indicators
        return (model, diagnostics)
    }
}

/// The mutable work of one resolution, kept private to `SiteResolver.resolve`.
struct ResolutionState {
    let sources: SiteSources
    var actors: [SiteModel.ActorRecord] = []
    var topics: [SiteModel.TopicRecord] = []
    var actorNames = NameRegistry()
    var topicNames = NameRegistry()
    var sourceRecords: [SiteModel.SourceRecord] = []
    var sourceNames = NameRegistry()
    var diagnostics: [Diagnostic] = []
    private var actorSlugs: [String: String] = [:]
    private var topicSlugs: [String: String] = [:]
    private var sourceSlugs: [String: String] = [:]

    init(sources: SiteSources) {
        self.sources = sources
    }

    mutating func registerActors() {
        for actor in sources.actors {
            if let problem = Self.claim(slug: actor.slug, path: actor.path, in: &actorSlugs, what: "actor") {
                diagnostics.append(problem)
                continue
            }
            let id = actors.count
            actors.append(
                SiteModel.ActorRecord(
                    name: actor.name, slug: actor.slug.value, kind: actor.kind,
                    aliases: actor.aliases.map(\.value),
                    role: actor.role, affiliation: nil, profile: actor.body, path: actor.path,
                    bodyFirstLine: actor.bodyFirstLine, params: actor.params))
            actorNames.add(id: id, name: actor.name, aliases: actor.aliases.map(\.value))
        }
    }

    mutating func registerTopics() {
        for topic in sources.topics {
            if let problem = Self.claim(slug: topic.slug, path: topic.path, in: &topicSlugs, what: "topic") {
                diagnostics.append(problem)
                continue
            }
            let id = topics.count
            topics.append(
                SiteModel.TopicRecord(
                    name: topic.name, slug: topic.slug.value, aliases: topic.aliases.map(\.value),
                    summary: topic.summary, description: topic.body, path: topic.path,
                    bodyFirstLine: topic.bodyFirstLine, params: topic.params))
            topicNames.add(id: id, name: topic.name, aliases: topic.aliases.map(\.value))
        }
    }

    mutating func registerSources() {
        for source in sources.gradedSources {
            if let problem = Self.claim(
                slug: source.slug, path: source.path, in: &sourceSlugs, what: "source")
            {
                diagnostics.append(problem)
                continue
            }
            sourceNames.add(id: sourceRecords.count, name: source.name, aliases: source.aliases.map(\.value))
            sourceRecords.append(
                SiteModel.SourceRecord(
                    name: source.name, slug: source.slug.value, aliases: source.aliases.map(\.value),
                    kind: source.kind, reliability: source.reliability, url: source.url, about: source.body,
                    path: source.path, bodyFirstLine: source.bodyFirstLine, params: source.params))
        }
    }

    mutating func resolveAffiliations() {
        for (id, actor) in sources.actors.enumerated() where id < actors.count {
            guard let affiliation = actor.affiliation else { continue }
            actors[id].affiliation = actorID(affiliation)
        }
    }

    /// Records a slug for a kind of page; a second file with the same slug is an error naming both.
    static func claim(
        slug: Located<String>, path: String, in slugs: inout [String: String], what: String
    ) -> Diagnostic? {
        if let other = slugs[slug.value] {
            return .error(
                slug.location,
                "\(what) slug '\(slug.value)' is already used by \(other); give one of them another 'slug:'")
        }
        slugs[slug.value] = path
        return nil
    }

    /// Resolves an actor reference; an unknown name gets an implicit actor page and a warning.
    /// `matched` is the reference's match made before any implicit actor was added: a name
    /// found or ambiguous then still is (implicit actors only add names that were unknown);
    /// an unknown one is matched again, as an earlier entry may have made it an actor.
    mutating func actorID(_ reference: Located<String>, matched: NameRegistry.Match? = nil) -> Int? {
        let match = matched.flatMap { $0 == .unknown ? nil : $0 } ?? actorNames.match(reference.value)
        switch match {
        case .found(let id): return id
        case .ambiguous(let ids):
            diagnostics.append(
                .error(
                    reference.location,
                    Self.ambiguity(reference.value, ids.map { (actors[$0].name, actors[$0].path) })))
            return nil
        case .unknown:
            let message = Self.unregistered(
                reference.value, kind: "actor", suggestion: actorNames.suggestion(for: reference.value))
            diagnostics.append(.warning(reference.location, message))
            return implicitActor(reference)
        }
    }

    /// Resolves a topic reference as `actorID` does an actor's.
    mutating func topicID(_ reference: Located<String>, matched: NameRegistry.Match? = nil) -> Int? {
        let match = matched.flatMap { $0 == .unknown ? nil : $0 } ?? topicNames.match(reference.value)
        switch match {
        case .found(let id): return id
        case .ambiguous(let ids):
            diagnostics.append(
                .error(
                    reference.location,
                    Self.ambiguity(reference.value, ids.map { (topics[$0].name, topics[$0].path) })))
            return nil
        case .unknown:
            let message = Self.unregistered(
                reference.value, kind: "topic", suggestion: topicNames.suggestion(for: reference.value))
            diagnostics.append(.warning(reference.location, message))
            return implicitTopic(reference)
        }
    }

    /// The warning for a name no registry file has: the file that would register it, the
    /// closest registered name, and, for "A, B", how a list is written.
    static func unregistered(_ name: String, kind: String, suggestion: String?) -> String {
        var message = "'\(name)' is not in the \(kind) registry; it gets a page of its own"
        let slug = NameKey.slug(name)
        let looksLikeAList = name.contains(", ")
        if !slug.isEmpty && !looksLikeAList { message += " (add Content/\(kind)s/\(slug).md to register it)" }
        if let suggestion { message += "; did you mean '\(suggestion)'?" }
        if looksLikeAList {
            let items = name.split(separator: ",").map { $0.trimmingSpaces }.joined(separator: ", ")
            message += "; if these are several names, write them as a list: [\(items)]"
        }
        return message
    }

    /// The error for a reference that is an alias of several entries, naming each with its file.
    static func ambiguity(_ name: String, _ candidates: [(String, String?)]) -> String {
        let list = candidates.map { "'\($0.0)' (\($0.1 ?? "no file"))" }.joined(separator: " or ")
        return "'\(name)' is ambiguous: it is an alias of \(list); write the full name"
    }

    private mutating func implicitActor(_ reference: Located<String>) -> Int? {
        let slug = NameKey.slug(reference.value)
        guard NameKey.hasASCIILetters(slug) || slug.contains(where: \.isNumber) else {
            diagnostics.append(
                .error(
                    reference.location,
                    "cannot make a URL for '\(reference.value)'; add an actor file with a 'slug:'"))
            return nil
        }
        if let other = actorSlugs[slug] {
            diagnostics.append(
                .error(
                    reference.location,
                    "actor slug '\(slug)' for '\(reference.value)' is already used by \(other)"))
            return nil
        }
        let id = actors.count
        actorSlugs[slug] = reference.location.path
        actors.append(
            SiteModel.ActorRecord(
                name: reference.value, slug: slug, kind: nil, aliases: [], role: nil, affiliation: nil,
                profile: "",
                path: nil, bodyFirstLine: 1, params: .empty))
        actorNames.add(id: id, name: reference.value, aliases: [], suggestable: false)
        return id
    }

    private mutating func implicitTopic(_ reference: Located<String>) -> Int? {
        let slug = NameKey.slug(reference.value)
        guard NameKey.hasASCIILetters(slug) || slug.contains(where: \.isNumber) else {
            diagnostics.append(
                .error(
                    reference.location,
                    "cannot make a URL for '\(reference.value)'; add a topic file with a 'slug:'"))
            return nil
        }
        if let other = topicSlugs[slug] {
            diagnostics.append(
                .error(
                    reference.location,
                    "topic slug '\(slug)' for '\(reference.value)' is already used by \(other)"))
            return nil
        }
        let id = topics.count
        topicSlugs[slug] = reference.location.path
        topics.append(
            SiteModel.TopicRecord(
                name: reference.value, slug: slug, aliases: [], summary: nil, description: "", path: nil,
                bodyFirstLine: 1, params: .empty))
        topicNames.add(id: id, name: reference.value, aliases: [], suggestable: false)

        return id
    }

}
