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

    /// The counts over every document, and the actors and topics that have any: a set of more
    /// than half the documents is counted as these less the documents it leaves out.
    private let allActorCounts: [Int32]
    private let allTopicCounts: [Int32]
    private let allStatusCounts: [Int]
    private let presentActors: [Int32]
    private let presentTopics: [Int32]

    init(actorsOf: [[Int]], topicsOf: [[Int]], statusesOf: [UInt8]) {
        (actors, actorStarts) = Self.flatten(actorsOf)
        (topics, topicStarts) = Self.flatten(topicsOf)
        self.statusesOf = statusesOf
        var actorCounts = [Int32](repeating: 0, count: (actors.max().map(Int.init) ?? -1) + 1)
        for actor in actors { actorCounts[Int(actor)] += 1 }
        var topicCounts = [Int32](repeating: 0, count: (topics.max().map(Int.init) ?? -1) + 1)
        for topic in topics { topicCounts[Int(topic)] += 1 }
        var statusCounts = [Int](repeating: 0, count: 8)
        for bits in statusesOf where bits != 0 {
            for status in 0..<8 where bits & (1 << status) != 0 { statusCounts[status] += 1 }
        }
        allActorCounts = actorCounts
        allTopicCounts = topicCounts
        allStatusCounts = statusCounts
        presentActors = actorCounts.indices.filter { actorCounts[$0] > 0 }.map(Int32.init)
        presentTopics = topicCounts.indices.filter { topicCounts[$0] > 0 }.map(Int32.init)
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

    /// As `tops(of:limit:scratch:)` for `docs` in ascending order (a term's postings): when they
    /// are more than half of all documents, the documents they leave out are counted instead,
    /// and taken from the counts over all (a word found in most briefings costs as little as a
    /// rare one).
    func tops(ofSorted docs: ArraySlice<Int32>, limit: Int, scratch: inout Scratch) -> Tops {
        guard docs.count * 2 > documentCount else { return tops(of: docs, limit: limit, scratch: &scratch) }
        var statusCounts = allStatusCounts
        var next = docs.startIndex
        for doc in 0..<documentCount {
            if next < docs.endIndex && Int(docs[next]) == doc {
                next += 1
                continue
            }
            for k in actorStarts[doc]..<actorStarts[doc + 1] { scratch.actorCounts[Int(actors[k])] &-= 1 }
            for k in topicStarts[doc]..<topicStarts[doc + 1] { scratch.topicCounts[Int(topics[k])] &-= 1 }
            let bits = statusesOf[doc]
            if bits != 0 { for status in 0..<8 where bits & (1 << status) != 0 { statusCounts[status] -= 1 } }
        }
        Self.addAll(
            allActorCounts, of: presentActors, to: &scratch.actorCounts, touched: &scratch.touchedActors)
        Self.addAll(
            allTopicCounts, of: presentTopics, to: &scratch.topicCounts, touched: &scratch.touchedTopics)
        let actors = Self.best(&scratch.touchedActors, counts: &scratch.actorCounts, limit: limit)
        let topics = Self.best(&scratch.touchedTopics, counts: &scratch.topicCounts, limit: limit)
        let statuses = statusCounts.indices.filter { statusCounts[$0] > 0 }.map { ($0, statusCounts[$0]) }
        return Tops(actors: actors, topics: topics, statuses: statuses)
    }

    /// Adds each present value's count over all documents to `counts` (which holds minus its
    /// count over the documents left out): the values left above zero are `touched`, the rest
    /// reset to zero.
    private static func addAll(
        _ all: [Int32], of present: [Int32], to counts: inout [Int32], touched: inout [Int32]
    ) {
        for id in present {
            let count = all[Int(id)] &+ counts[Int(id)]
            if count > 0 {
                counts[Int(id)] = count
                touched.append(id)
            } else {
                counts[Int(id)] = 0
            }
        }
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
