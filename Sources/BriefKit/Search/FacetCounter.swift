/// Counts the actors, topics and claim statuses of a set of search documents, and keeps the
/// most frequent: what a term's or a facet value's record shows beside its results.
struct FacetCounter {
    /// The actors of document d are `actors[actorStarts[d]..<actorStarts[d + 1]]`, its topics
    /// likewise: flat arrays, so counting touches no reference counts.
    let actors: [Int32]
    let actorStarts: [Int]
    let topics: [Int32]
    let topicStarts: [Int]
    /// Each document's claim statuses as bits of `Briefing.Claim.Status.allCases`.
    let statusesOf: [UInt8]

    init(actorsOf: [[Int]], topicsOf: [[Int]], statusesOf: [UInt8]) {
        (actors, actorStarts) = Self.flatten(actorsOf)
        (topics, topicStarts) = Self.flatten(topicsOf)
        self.statusesOf = statusesOf
    }

    private static func flatten(_ lists: [[Int]]) -> ([Int32], [Int]) {
        var values: [Int32] = []
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists {
            values.append(contentsOf: list.lazy.map(Int32.init))
            starts.append(values.count)
        }
        return (values, starts)
    }

    var documentCount: Int { statusesOf.count }

    func actors(of doc: Int) -> ArraySlice<Int32> { actors[actorStarts[doc]..<actorStarts[doc + 1]] }
    func topics(of doc: Int) -> ArraySlice<Int32> { topics[topicStarts[doc]..<topicStarts[doc + 1]] }

    /// The counted values of one set of documents, most frequent first (then by id), at most
    /// `limit` actors and topics; every status that occurs.
    struct Tops {
        var actors: [(id: Int, count: Int)]
        var topics: [(id: Int, count: Int)]
        var statuses: [(status: Int, count: Int)]
    }

    /// Reusable counters (one per thread): counts, and which ids were touched.
    struct Scratch {
        var actorCounts: [Int32]
        var topicCounts: [Int32]
        var touchedActors: [Int32] = []
        var touchedTopics: [Int32] = []

        init(actors: Int, topics: Int) {
            actorCounts = Array(repeating: 0, count: actors)
            topicCounts = Array(repeating: 0, count: topics)
        }
    }

    func tops(of docs: some Sequence<Int32>, limit: Int, scratch: inout Scratch) -> Tops {
        var statusCounts = [Int](repeating: 0, count: 8)
        for doc in docs {
            let doc = Int(doc)
            for k in actorStarts[doc]..<actorStarts[doc + 1] {
                let actor = Int(actors[k])
                if scratch.actorCounts[actor] == 0 { scratch.touchedActors.append(Int32(actor)) }
                scratch.actorCounts[actor] &+= 1
            }
            for k in topicStarts[doc]..<topicStarts[doc + 1] {
                let topic = Int(topics[k])
                if scratch.topicCounts[topic] == 0 { scratch.touchedTopics.append(Int32(topic)) }
                scratch.topicCounts[topic] &+= 1
            }
            let bits = statusesOf[Int(doc)]
            if bits != 0 { for status in 0..<8 where bits & (1 << status) != 0 { statusCounts[status] += 1 } }
        }
        let actors = Self.best(&scratch.touchedActors, counts: &scratch.actorCounts, limit: limit)
        let topics = Self.best(&scratch.touchedTopics, counts: &scratch.topicCounts, limit: limit)
        let statuses = statusCounts.indices.filter { statusCounts[$0] > 0 }.map { ($0, statusCounts[$0]) }
        return Tops(actors: actors, topics: topics, statuses: statuses)
    }

    /// The `limit` most counted of `touched` (then lowest id first), and the counters reset.
    private static func best(_ touched: inout [Int32], counts: inout [Int32], limit: Int) -> [(
        id: Int, count: Int
    )] {
        // Kept sorted, at most `limit` long: one pass, no sort of every touched value.
        var best: [(id: Int, count: Int)] = []
        best.reserveCapacity(limit + 1)
        for id in touched {
            let candidate = (id: Int(id), count: Int(counts[Int(id)]))
            counts[Int(id)] = 0
            if best.count == limit, let last = best.last, !Self.before(candidate, last) { continue }
            var at = best.count
            while at > 0 && Self.before(candidate, best[at - 1]) { at -= 1 }
            best.insert(candidate, at: at)
            if best.count > limit { best.removeLast() }
        }
        touched.removeAll(keepingCapacity: true)
        return best
    }

    @inline(__always)
    private static func before(_ a: (id: Int, count: Int), _ b: (id: Int, count: Int)) -> Bool {
        a.count != b.count ? a.count > b.count : a.id < b.id
    }
}
