import Foundation

extension SearchIndex {
    /// Each actor's and topic's `["slug","name"` as JSON, without its closing bracket: the
    /// index's facet counts end it with `,count]`, the result records with `]`. Made once
    /// per index, not once per use.
    public struct FacetLabels: Sendable {
        let actors: [[UInt8]]
        let topics: [[UInt8]]

        init(_ model: SiteModel) {
            actors = model.actors.map { Self.label(slug: $0.slug, name: $0.name) }
            topics = model.topics.map { Self.label(slug: $0.slug, name: $0.name) }
        }

        private static func label(slug: String, name: String) -> [UInt8] {
            [UInt8(ascii: "[")] + JSONWriter.string(slug) + [UInt8(ascii: ",")] + JSONWriter.string(name)
        }
    }

    /// Writes the index's files from the postings and facets (JSON keys sorted, as everywhere).
    struct Builder {
        var files: [File] = []
        let facets: FacetCounter
        let labels: FacetLabels
        /// The first term of each dictionary shard.
        var shardKeys: [String] = []
        /// How many postings files there are.
        var postingsFiles = 0
        /// The claim statuses some published briefing has, in their order.
        var presentStatuses: [Briefing.Claim.Status] = []
        /// Records the last build made with these facets, by the key of their list
        /// (`SearchRecordsCache`): a list with a kept record is not encoded or counted again.
        var kept: [UInt64: Record] = [:]
        /// Every record this index holds, by the key of its list, when they are kept for the
        /// next build; and how many of them were made, not taken from `kept`.
        var made: [UInt64: Record]?
        var madeAgain = 0
        /// Where the facet values' files are in `files`, and how many postings files the terms
        /// have (the facet values' long postings are numbered after them).
        var facetFiles = 0..<0
        var termPostingsFiles = 0

        init(labels: FacetLabels, facets: FacetCounter) {
            self.labels = labels
            self.facets = facets
        }

        /// One record: `{"n":count,"p":"base64"}` or, for a long list, `{"f":N,"n":count}`, with
        /// `"top"` above `fewDocuments` documents.
        struct Record: Sendable {
            var count: Int
            var postings: [UInt8]
            var tops: [UInt8]?

            func json(file: Int?) -> [UInt8] {
                var json: [UInt8] = []
                json.reserveCapacity(postings.count * 4 / 3 + (tops?.count ?? 0) + 32)
                if let file {
                    json.append(contentsOf: "{\"f\":\(file),\"n\":\(count)".utf8)
                } else {
                    json.append(contentsOf: "{\"n\":\(count),\"p\":\"".utf8)
                    json.append(contentsOf: Data(postings).base64EncodedData())
                    json.append(UInt8(ascii: "\""))
                }
                if let tops {
                    JSONWriter.writeRaw(",\"top\":", into: &json)
                    json.append(contentsOf: tops)
                }
                json.append(UInt8(ascii: "}"))
                return json
            }
        }

        func topsJSON(_ tops: FacetCounter.Tops) -> [UInt8] {
            var json: [UInt8] = []
            func entries(_ list: [(id: Int, count: Int)], labels: [[UInt8]]) {
                JSONWriter.writeArray(
                    list.lazy.map { labels[$0.id] + Array(",\($0.count)]".utf8) }, into: &json)
            }
            JSONWriter.writeRaw("{\"actor\":", into: &json)
            entries(tops.actors, labels: labels.actors)
            JSONWriter.writeRaw(",\"status\":", into: &json)
            JSONWriter.writeArray(
                tops.statuses.lazy.map {
                    Array("[\"\(Briefing.Claim.Status.allCases[$0.status].rawValue)\",\($0.count)]".utf8)
                }, into: &json)
            JSONWriter.writeRaw(",\"topic\":", into: &json)
            entries(tops.topics, labels: labels.topics)
            json.append(UInt8(ascii: "}"))
            return json
        }

        /// Records for `lists` (each a list of documents, with weights for terms), computed on
        /// all cores with one set of counters per batch.
        mutating func records(
            count: Int, docs: @escaping (Int) -> ArraySlice<Int32>, weights: ((Int) -> ArraySlice<UInt8>)?
        )
            -> [Record]
        {
            // Small batches keep every core busy: a word in most briefings costs thousands of
            // times what a rare one does.
            let facets = self.facets
            let actors = labels.actors.count
            let topics = labels.topics.count
            let builder = self
            let keeps = made != nil
            let found = parallelRuns(of: count, run: 32) {
                batch -> [(key: UInt64, record: Record, made: Bool)] in
                var scratch = FacetCounter.Scratch(actors: actors, topics: topics)
                return batch.map { i in
                    let list = docs(i)
                    let key = keeps ? Self.listKey(docs: list, weights: weights?(i)) : 0
                    if keeps, let record = builder.kept[key] { return (key, record, false) }
                    let postings =
                        if let weights {
                            PostingsCoder.encode(
                                docs: list, weights: weights(i), documentCount: facets.documentCount)
                        } else {
                            PostingsCoder.encode(docs: list, documentCount: facets.documentCount)
                        }
                    let tops =
                        list.count > SearchIndex.fewDocuments
                        ? builder.topsJSON(
                            facets.tops(ofSorted: list, limit: SearchIndex.topValues, scratch: &scratch))
                        : nil
                    return (key, Record(count: list.count, postings: postings, tops: tops), true)
                }
            }.flatMap { $0 }
            if keeps {
                for (key, record, new) in found {
                    made![key] = record
                    if new { madeAgain += 1 }
                }
            }
            return found.map(\.record)
        }

        /// The key of a record's list: its documents, and its weights when it has them.
        static func listKey(docs: ArraySlice<Int32>, weights: ArraySlice<UInt8>?) -> UInt64 {
            let key = docs.withUnsafeBytes { ContentHash($0, seed: weights == nil ? 1 : 2).value }
            return weights?.withUnsafeBytes { ContentHash($0, seed: key).value } ?? key
        }

        /// The key of what a record is counted with besides its list: each document's actors,
        /// topics and claim statuses, the number of documents, and the actors' and topics'
        /// labels.
        static func facetsKey(_ facets: FacetCounter, labels: FacetLabels) -> UInt64 {
            var hasher = ContentHasher()
            hasher.combine("\(facets.documentCount) \(labels.actors.count) \(labels.topics.count)")
            for part in [facets.actors, facets.topics] {
                hasher.combine(part.withUnsafeBytes { ContentHash($0) })
            }
            for part in [facets.actorStarts, facets.topicStarts] {
                hasher.combine(part.withUnsafeBytes { ContentHash($0) })
            }
            hasher.combine(ContentHash(facets.statusesOf))
            for label in labels.actors + labels.topics { hasher.combine(ContentHash(label)) }
            return hasher.finalize().value
        }

        /// A record's JSON; a long postings list goes to a file of its own, which it names.
        mutating func json(of record: Record) -> [UInt8] {
            guard record.postings.count > SearchIndex.inlinePostings else { return record.json(file: nil) }
            files.append(File(path: "search/postings/\(postingsFiles).bin", bytes: Data(record.postings)))
            postingsFiles += 1
            return record.json(file: postingsFiles - 1)
        }

        /// The dictionary shards and the long postings lists.
        mutating func addTerms(_ postings: TermPostings) {
            let order = postings.terms.indices.filter(postings.used).sorted {
                postings.terms[$0].lexicographicallyPrecedes(postings.terms[$1])
            }
            let records = records(
                count: order.count, docs: { postings.docs[postings.range(order[$0])] },
                weights: { postings.weights[postings.range(order[$0])] })
            var shard: [UInt8] = []
            func closeShard() {
                shard.append(UInt8(ascii: "}"))
                files.append(File(path: "search/terms/\(shardKeys.count - 1).json", bytes: Data(shard)))
                shard = []
            }
            for (n, term) in order.enumerated() {
                let key = String(decoding: postings.terms[term], as: UTF8.self)
                if shard.isEmpty {
                    shardKeys.append(key)
                    shard.append(UInt8(ascii: "{"))
                } else {
                    shard.append(UInt8(ascii: ","))
                }
                JSONWriter.writeString(key, into: &shard, scriptSafe: false)
                shard.append(UInt8(ascii: ":"))
                shard.append(contentsOf: json(of: records[n]))
                if shard.count >= SearchIndex.shardBytes { closeShard() }
            }
            if !shard.isEmpty { closeShard() }
        }

        /// One record per actor, topic and claim status that has published briefings.
        mutating func addFacetValues(model: SiteModel, facets: FacetCounter) {
            termPostingsFiles = postingsFiles
            let start = files.count
            defer { facetFiles = start..<files.count }
            var byActor = [[Int32]](repeating: [], count: model.actors.count)
            var byTopic = [[Int32]](repeating: [], count: model.topics.count)
            var byStatus = [[Int32]](repeating: [], count: Briefing.Claim.Status.allCases.count)
            for doc in 0..<facets.documentCount {
                for actor in facets.actors(of: doc) { byActor[Int(actor)].append(Int32(doc)) }
                for topic in facets.topics(of: doc) { byTopic[Int(topic)].append(Int32(doc)) }
                for status in byStatus.indices where facets.statusesOf[doc] & (1 << status) != 0 {
                    byStatus[status].append(Int32(doc))
                }
            }
            let lists = byActor + byTopic + byStatus
            let paths =
                model.actors.map { "search/actor/\($0.slug).json" }
                + model.topics.map { "search/topic/\($0.slug).json" }
                + Briefing.Claim.Status.allCases.map { "search/status/\($0.rawValue).json" }
            let records = records(count: lists.count, docs: { lists[$0][...] }, weights: nil)
            presentStatuses = Briefing.Claim.Status.allCases.indices.filter { !byStatus[$0].isEmpty }.map {
                Briefing.Claim.Status.allCases[$0]
            }
            for (n, record) in records.enumerated() where record.count > 0 {
                let json = json(of: record)
                files.append(File(path: paths[n], bytes: Data(json)))
            }
        }

        /// `search/index.json`; `years` is each document's year (documents oldest first).
        mutating func addManifest(documents years: [Int]) {
            var json: [UInt8] = []
            json.append(contentsOf: "{\"docs\":\(years.count),\"format\":1,\"shards\":".utf8)
            JSONWriter.writeArray(shardKeys.lazy.map(JSONWriter.string), into: &json)
            JSONWriter.writeRaw(",\"statuses\":", into: &json)
            JSONWriter.writeArray(presentStatuses.lazy.map { JSONWriter.string($0.rawValue) }, into: &json)
            JSONWriter.writeRaw(",\"top\":", into: &json)
            var scratch = FacetCounter.Scratch(actors: labels.actors.count, topics: labels.topics.count)
            json.append(
                contentsOf: topsJSON(
                    facets.tops(of: (0..<Int32(years.count)), limit: SearchIndex.topValues, scratch: &scratch)
                ))
            // Each year's documents: [year, first, end), oldest year first.
            JSONWriter.writeRaw(",\"years\":", into: &json)
            var ranges: [[UInt8]] = []
            var start = 0
            for doc in years.indices where doc + 1 == years.count || years[doc + 1] != years[doc] {
                ranges.append(Array("[\(years[doc]),\(start),\(doc + 1)]".utf8))
                start = doc + 1
            }
            JSONWriter.writeArray(ranges, into: &json)
            json.append(UInt8(ascii: "}"))
            files.insert(File(path: "search/index.json", bytes: Data(json)), at: 0)
            facetFiles = (facetFiles.lowerBound + 1)..<(facetFiles.upperBound + 1)
        }
    }
}
