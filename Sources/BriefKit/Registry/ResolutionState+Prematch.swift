extension ResolutionState {
    /// What can be worked out for a briefing before any other is resolved: each reference
    /// matched against the registries as the files define them, and the entry's date placed.
    struct Prematch: Sendable {
        var actors: [NameRegistry.Match]
        var topics: [NameRegistry.Match]
        var claimants: [(by: [NameRegistry.Match], deniedBy: [NameRegistry.Match])]
        var instant: Int
        var day: CalendarDay
        /// The briefing's publisher and each claim's source in the source registry. Sources get
        /// no implicit pages, so they are settled here, with their warnings and errors.
        var publisher: Int?
        var claimSources: [Int?]
        var sourceDiagnostics: [Diagnostic] = []

        /// Matches `briefing`'s references against the registries and places its date.
        init(
            _ briefing: Briefing, actors: NameRegistry, topics: NameRegistry, calendar: SiteCalendar,
            sources: (names: NameRegistry, records: [SiteModel.SourceRecord])
        ) {
            self.actors = briefing.actors.map { actors.match($0.value) }
            self.topics = briefing.topics.map { topics.match($0.value) }
            self.claimants = briefing.claims.map { claim in
                (claim.by.map { actors.match($0.value) }, claim.deniedBy.map { actors.match($0.value) })
            }
            self.instant = calendar.instant(briefing.date)
            self.day = calendar.day(briefing.date)
            var found: [Diagnostic] = []
            func source(_ name: String, at location: SourceLocation) -> Int? {
                switch sources.names.match(name) {
                case .found(let id): return id
                case .ambiguous(let ids):
                    let candidates = ids.map {
                        (sources.records[$0].name, Optional(sources.records[$0].path))
                    }
                    found.append(.error(location, ResolutionState.ambiguity(name, candidates)))
                    return nil
                case .unknown:
                    var message = "'\(name)' is not in the source registry"
                    let slug = NameKey.slug(name)
                    if !slug.isEmpty {
                        message += " (add Content/sources/\(slug).md to register it and grade it)"
                    }
                    if let suggestion = sources.names.suggestion(for: name) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    found.append(.warning(location, message))
                    return nil
                }
            }
            // A site that keeps no source registry is not warned about each publisher.
            if !sources.records.isEmpty, let publisher = briefing.source?.publisher {
                self.publisher = source(
                    publisher,
                    at: briefing.source?.publisherLocation ?? SourceLocation(path: briefing.path))
            }
            self.claimSources = briefing.claims.map { claim in
                claim.source.flatMap { source($0.value, at: $0.location) }
            }
            self.sourceDiagnostics = found
        }

        /// True when every reference was found, so the entry needs nothing of the state.
        var isSettled: Bool {
            actors.allSatisfy(\.isFound) && topics.allSatisfy(\.isFound)
                && claimants.allSatisfy { $0.by.allSatisfy(\.isFound) && $0.deniedBy.allSatisfy(\.isFound) }
        }
    }

    /// Resolves every reference of `briefing` that `matched` did not find: the state may give
    /// an unknown name an implicit page (and warns), and reports an ambiguous one. Afterwards a
    /// reference is `.found`, or `.unknown` when it resolves to nothing. The order is the
    /// entry's: actors, topics, then each claim's claimants and deniers.
    mutating func settle(_ matched: inout Prematch, _ briefing: Briefing) {
        func settled(_ id: Int?) -> NameRegistry.Match { id.map { .found($0) } ?? .unknown }
        for k in matched.actors.indices where !matched.actors[k].isFound {
            matched.actors[k] = settled(actorID(briefing.actors[k], matched: matched.actors[k]))
        }
        for k in matched.topics.indices where !matched.topics[k].isFound {
            matched.topics[k] = settled(topicID(briefing.topics[k], matched: matched.topics[k]))
        }
        for c in matched.claimants.indices {
            let claim = briefing.claims[c]
            for k in matched.claimants[c].by.indices where !matched.claimants[c].by[k].isFound {
                matched.claimants[c].by[k] = settled(
                    actorID(claim.by[k], matched: matched.claimants[c].by[k]))
            }
            for k in matched.claimants[c].deniedBy.indices where !matched.claimants[c].deniedBy[k].isFound {
                matched.claimants[c].deniedBy[k] = settled(
                    actorID(claim.deniedBy[k], matched: matched.claimants[c].deniedBy[k]))
            }
        }
    }

    /// The entry for `briefing` once every reference is settled: found ones, each once.
    static func entry(_ briefing: Briefing, _ matched: Prematch) -> SiteModel.Entry {
        func ids(_ matches: [NameRegistry.Match]) -> [Int] {
            var seen = Set<Int>()
            return matches.compactMap { match -> Int? in
                guard case .found(let id) = match, seen.insert(id).inserted else { return nil }
                return id
            }
        }
        let claims = briefing.claims.indices.map { k in
            let claim = briefing.claims[k]
            return SiteModel.ResolvedClaim(
                text: claim.text ?? "", status: claim.status ?? .alleged, by: ids(matched.claimants[k].by),
                deniedBy: ids(matched.claimants[k].deniedBy),
                source: claim.source == nil ? matched.publisher : matched.claimSources[k],
                credibility: claim.credibility, note: claim.note)
        }
        var entry = SiteModel.Entry(
            briefing: briefing, actors: ids(matched.actors), topics: ids(matched.topics), claims: claims,
            source: matched.publisher, instant: matched.instant, day: matched.day)
        if !briefing.judgements.isEmpty {
            entry.judgements = briefing.judgements.map {
                SiteModel.ResolvedJudgement(
                    text: $0.text ?? "", likelihood: $0.likelihood ?? .roughlyEvenChance,
                    confidence: $0.confidence ?? .low)
            }
        }
        if !briefing.watch.isEmpty {
            entry.indicators = briefing.watch.map {
                SiteModel.ResolvedIndicator(text: $0.text ?? "", status: $0.status ?? .watching)
            }
        }
        return entry
    }
}
