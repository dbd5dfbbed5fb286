/// Key judgements and indicators, for `/judgements/`, `/indicators/` and the actor and topic
/// pages that show the indicators of their briefings; newest first, as claims.
public struct AnalysisIndex: Sendable {
    public var judgements: [TrackedRef] = []
    public var indicators: [TrackedRef] = []
    public var indicatorsByActor: [[TrackedRef]]
    public var indicatorsByTopic: [[TrackedRef]]
    /// Every correction, newest first: (entry, index in its updates).
    public var corrections: [(entry: Int, update: Int)] = []

    public init(model: SiteModel) {
        indicatorsByActor = Array(repeating: [], count: model.actors.count)
        indicatorsByTopic = Array(repeating: [], count: model.topics.count)
        /// A list (0 actor, 1 topic, 2 all) and its owner: each item once in each.
        struct Listing: Hashable {
            var list: Int
            var owner: Int
            var ref: TrackedRef
        }
        var seen = Set<TrackedRef>()
        var listed = Set<Listing>()
        for i in model.entries.indices {
            let entry = model.entries[i]
            for (k, judgement) in entry.judgements.enumerated() {
                let ref = judgement.tracked.map(TrackedRef.tracked) ?? .oneOff(entry: i, item: k)
                if seen.insert(ref).inserted { judgements.append(ref) }
            }
            for (k, indicator) in entry.indicators.enumerated() {
                let ref = indicator.tracked.map(TrackedRef.tracked) ?? .oneOff(entry: i, item: k)
                if listed.insert(Listing(list: 2, owner: 0, ref: ref)).inserted { indicators.append(ref) }
                for actor in entry.actors
                where listed.insert(Listing(list: 0, owner: actor, ref: ref)).inserted {
                    indicatorsByActor[actor].append(ref)
                }
                for topic in entry.topics
                where listed.insert(Listing(list: 1, owner: topic, ref: ref)).inserted {
                    indicatorsByTopic[topic].append(ref)
                }
            }
            let updates = entry.briefing.updates
            guard !updates.isEmpty else { continue }
            for k in updates.indices where updates[k].kind == .correction {
                corrections.append((i, k))
            }
        }
        // Newest correction first, then by entry order.
        let instants = corrections.map {
            model.entries[$0.entry].briefing.updates[$0.update].date.instant(offsetForDateOnly: 0)
        }
        corrections = corrections.indices.sorted { a, b in
            instants[a] != instants[b] ? instants[a] > instants[b] : a < b
        }.map { corrections[$0] }
    }
}
