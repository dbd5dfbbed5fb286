import Foundation

/// Stage 4: the cross-references of a site, a pure function of its entries. Every list is
/// ordered by fixed keys (count, then date, then slug or name), so output is the same every run.
public struct SiteIndex: Sendable {
    /// Entry indices per actor id, newest first.
    public var entriesByActor: [[Int]]
    /// Entry indices per topic id, newest first.
    public var entriesByTopic: [[Int]]
    /// Per actor: other actors seen in the same entries, with counts, most frequent first.
    public var coActors: [[(id: Int, count: Int)]] { companions.value.coActors }
    /// Per actor: topics of its entries with counts.
    public var actorTopics: [[(id: Int, count: Int)]] { companions.value.actorTopics }
    /// Per topic: actors of its entries with counts.
    public var topicActors: [[(id: Int, count: Int)]] { companions.value.topicActors }
    /// The three lists above, counted when first asked for: only actor and topic pages show
    /// them, and a build of body edits renders none unless quotes moved.
    private let companions: Lazy<Companions>

    struct Companions: Sendable {
        var coActors: [[(id: Int, count: Int)]]
        var actorTopics: [[(id: Int, count: Int)]]
        var topicActors: [[(id: Int, count: Int)]]
    }
    /// The claims each actor, topic and source is concerned in.
    public var claims: ClaimIndex
    /// Key judgements, indicators and corrections.
    public var analysis: AnalysisIndex
    /// Per entry: up to 5 related entries.
    public var related: [[Int]]

    public static let relatedLimit = 5
    /// How many neighbours in time a popular tag contributes; keeps related ranking linear.
    static let postingWindow = 256

    public init(model: SiteModel) {
        self.init(model: model, related: nil)
    }

    /// As above, taking `related` (an earlier index's, for entries whose `relatedKey` is this
    /// model's) instead of ranking the entries again when it has a list for every entry.
    /// `countsCompanions`: count `coActors`, `actorTopics` and `topicActors` now (a build that
    /// renders every page), not when first asked for.
    init(model: SiteModel, related kept: [[Int]]?, countsCompanions: Bool = true) {
        let entries = model.entries
        var byActor = [[Int]](repeating: [], count: model.actors.count)
        var byTopic = [[Int]](repeating: [], count: model.topics.count)
        // Entries are read in place (`entries[index].actors`): copying one retains every field.
        for index in entries.indices {
            for actor in entries[index].actors { byActor[actor].append(index) }
            for topic in entries[index].topics { byTopic[topic].append(index) }
        }
        entriesByActor = byActor
        claims = ClaimIndex(model: model)
        analysis = AnalysisIndex(model: model)
        entriesByTopic = byTopic
        let (actors, topics) = (model.actors.map(\.name), model.topics.map(\.name))
        let (entryActors, entryTopics) = (byActor, byTopic)
        companions = Lazy {
            Self.companions(
                entries: entries, byActor: entryActors, byTopic: entryTopics, actors: actors, topics: topics)
        }
        if countsCompanions { _ = companions.value }
        if let kept, kept.count == entries.count {
            related = kept
        } else {
            related = SiteIndex.relatedEntries(entries: entries, byActor: byActor, byTopic: byTopic)
        }
    }

    /// The actors and topics seen with each actor and topic, from each one's own entries.
    private static func companions(
        entries: [SiteModel.Entry], byActor: [[Int]], byTopic: [[Int]], actors: [String], topics: [String]
    ) -> Companions {
        // Names are compared once, in one sort; counts break ties by that rank afterwards.
        let actorRank = Self.ranks(actors)
        let topicRank = Self.ranks(topics)
        // Per actor (and per topic), counted from its own entries: independent, so on all cores,
        // a run of actors to a task, each task counting into tallies of its own.
        let (actorCount, topicCount) = (actors.count, topics.count)
        let perActor = parallelRuns(of: actorCount, run: 256) { actors in
            var co = Tally(count: actorCount)
            var topics = Tally(count: topicCount)
            return actors.map { actor -> ([(id: Int, count: Int)], [(id: Int, count: Int)]) in
                for index in byActor[actor] {
                    for other in entries[index].actors where other != actor { co.add(other) }
                    for topic in entries[index].topics { topics.add(topic) }
                }
                return (co.ordered(rank: actorRank), topics.ordered(rank: topicRank))
            }
        }.flatMap { $0 }
        let topicActors = parallelRuns(of: topicCount, run: 256) { topics in
            var actors = Tally(count: actorCount)
            return topics.map { topic in
                for index in byTopic[topic] {
                    for actor in entries[index].actors { actors.add(actor) }
                }
                return actors.ordered(rank: actorRank)
            }
        }.flatMap { $0 }
        return Companions(
            coActors: perActor.map(\.0), actorTopics: perActor.map(\.1), topicActors: topicActors)
    }

    /// A hash of everything `related` is ranked from: each entry's place, slug, instant,
    /// actors and topics. Equal keys, equal related entries.
    static func relatedKey(of model: SiteModel) -> UInt64 {
        var hasher = ContentHasher()
        func number(_ value: Int) { hasher.combine(ContentHash(value: UInt64(bitPattern: Int64(value)))) }
        number(relatedLimit)
        number(postingWindow)
        number(model.entries.count)
        for entry in model.entries {
            hasher.combine(entry.slug)
            number(entry.instant)
            number(entry.actors.count)
            for actor in entry.actors { number(actor) }
            number(entry.topics.count)
            for topic in entry.topics { number(topic) }
        }
        return hasher.finalize().value
    }

    /// Each name's position in name order.
    private static func ranks(_ names: [String]) -> [Int] {
        var rank = [Int](repeating: 0, count: names.count)
        for (position, id) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() {
            rank[id] = position
        }
        return rank
    }

    /// Ranks entries that share actors and topics, each shared tag weighted by its rarity
    /// (log N/df). A tag's posting list is scanned only in a window of the entries nearest in
    /// time, so an actor found in a third of all entries costs no more than a rare one.
    static func relatedEntries(entries: [SiteModel.Entry], byActor: [[Int]], byTopic: [[Int]]) -> [[Int]] {
        let total = Double(max(entries.count, 1))
        // Read once, in an array of their own: ranking compares them for every candidate.
        let instants = entries.map(\.instant)
        // Chunks of entries share one dense score array (reset through the list of entries it
        // touched), so scoring needs no hashing; the sums add up in the same order as ever.
        let chunks = parallelRuns(of: entries.count, run: 256) { run -> [[Int]] in
            var scores = [Double](repeating: 0, count: entries.count)
            var touched: [Int] = []
            var results: [[Int]] = []
            for index in run {
                // Actors, then topics: the order the weights have always been added in.
                for actor in entries[index].actors {
                    score(byActor[actor], for: index, total: total, into: &scores, touched: &touched)
                }
                for topic in entries[index].topics {
                    score(byTopic[topic], for: index, total: total, into: &scores, touched: &touched)
                }
                results.append(best(touched, scores: scores, instants: instants, entries: entries))
                for other in touched { scores[other] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return results
        }
        return chunks.flatMap { $0 }
    }

    /// Adds the weight of one shared tag (its posting list `list`) to the entries near `index`.
    private static func score(
        _ list: [Int], for index: Int, total: Double, into scores: inout [Double], touched: inout [Int]
    ) {
        guard list.count > 1 else { return }
        let weight = log(total / Double(list.count)) + 0.1
        for other in nearby(index, in: list) where other != index {
            if scores[other] == 0 { touched.append(other) }
            scores[other] += weight
        }
    }

    /// The `relatedLimit` best of `candidates`: highest score, then newest, then by slug.
    private static func best(
        _ candidates: [Int], scores: [Double], instants: [Int],
        entries: [SiteModel.Entry]
    ) -> [Int] {
        let ranksBefore = { (a: Int, b: Int) -> Bool in
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            if instants[a] != instants[b] { return instants[a] > instants[b] }
            return entries[a].slug < entries[b].slug
        }
        // Keep the best few in a small sorted buffer instead of sorting every candidate.
        var best: [Int] = []
        best.reserveCapacity(relatedLimit + 1)
        for candidate in candidates {
            if best.count == relatedLimit, !ranksBefore(candidate, best[relatedLimit - 1]) { continue }
            let position = best.firstIndex { ranksBefore(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > relatedLimit { best.removeLast() }
        }
        return best
    }

    /// The part of a sorted posting list around `index`, at most `postingWindow` long.
    static func nearby(_ index: Int, in list: [Int]) -> ArraySlice<Int> {
        guard list.count > postingWindow else { return list[...] }
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < index { low = mid + 1 } else { high = mid }
        }
        let start = min(max(0, low - postingWindow / 2), list.count - postingWindow)
        return list[start..<start + postingWindow]
    }
}
