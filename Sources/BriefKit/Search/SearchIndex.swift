import Foundation

/// The chunked full-text index under `/search/` (docs/search.md), so one query fetches a small
/// part of it:
/// - `search/index.json` — the manifest: document count, years as document ranges, the first
///   term of each dictionary shard, and the busiest facet values of the whole site;
/// - `search/terms/N.json` — the term dictionary in sorted ranges of about `shardBytes`:
///   each term's document count, its postings (inline when short, else a file number) and,
///   above `fewDocuments`, its most frequent actors, topics and claim statuses with counts;
/// - `search/postings/N.bin` — long postings lists (`PostingsCoder`);
/// - `search/actor/<slug>.json`, `search/topic/<slug>.json`, `search/status/<status>.json` —
///   one record per facet value, in the same form as a term's;
/// - `search/doc/N.json` — the records of documents 8N to 8N + 7: what a result shows (title,
///   URL, date, summary) and its facets (`SiteRenderer.searchDocuments`).
///
/// Documents are the published briefings numbered oldest first, so a new briefing leaves the
/// others' numbers (and files) alone and a higher number is a newer briefing.
public struct SearchIndex: Sendable {
    /// One file of the index.
    public struct File: Sendable {
        public var path: String
        public var bytes: Data
    }

    public let files: [File]
    /// The entry of each document number.
    let entryOfDocument: [Int]
    /// The document number of each entry (-1 for drafts).
    let documentOfEntry: [Int32]
    /// Actors' and topics' labels, for the index and the result records.
    let labels: FacetLabels

    /// Documents per `search/doc/N.json`.
    static let documentsPerFile = 8
    var documentFileCount: Int { (entryOfDocument.count + Self.documentsPerFile - 1) / Self.documentsPerFile }

    static let shardBytes = 8_192
    static let inlinePostings = 1_024
    static let topValues = 10
    /// A record of at most this many documents carries no facet counts: the page counts them
    /// from the documents' own records, which it fetches to show them.
    static let fewDocuments = 10

    /// Each document's words and the key of the texts they were read from, kept (by
    /// `brief serve`) so an edit reads only the documents whose texts changed.
    private let kept: KeptWords?
    /// The writing of the words and records kept for the next build (`waitUntilKept`).
    private let saving: Background<Bool>?
    /// Where the facet values' files are in `files`; with the build cache's records, what they
    /// are made from: the facets' key and how many postings files the terms have. Files made
    /// from the same are the same (`BodyEdits` renders them again only when it changes).
    let facetFiles: Range<Int>
    let facetsStamp: String?

    /// The index of `model`'s published entries; `keepTerms` keeps each document's words for
    /// `updating(entries:model:bodies:)` and for the next index, which takes from `reusing`
    /// the words of every document whose texts are as they were. With `words` (the build
    /// cache's), the words of such a document are taken from the last build's, and this
    /// build's are kept there for the next.
    public init(
        model: SiteModel, bodies: RenderedBodies, keepTerms: Bool = false, reusing: SearchIndex? = nil,
        words: SearchWordsCache? = nil
    ) {
        self.init(
            model: model, bodies: bodies, keepTerms: keepTerms, reusing: reusing, words: words, early: nil)
    }

    /// As above; with `early`, the names' words and the build cache's kept words as they were
    /// read before the bodies were rendered (`EarlyWords`).
    init(
        model: SiteModel, bodies: RenderedBodies, keepTerms: Bool = false, reusing: SearchIndex? = nil,
        words: SearchWordsCache? = nil, early: EarlyWords?
    ) {
        let published = model.entries.indices.filter { !model.entries[$0].briefing.draft }
        let entryOfDocument = Array(published.reversed())
        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        let names = early?.value.names ?? NameTerms(model)
        func batch(_ range: Range<Int>, kept: (Int) -> Int?) -> WordBatch {
            Self.words(
                of: range, entryOfDocument: entryOfDocument, model: model, bodies: bodies, names: names,
                kept: kept)
        }
        if keepTerms || words != nil {
            // The last index's words (`brief serve`'s, in memory) or the last build's.
            var previous = keepTerms ? reusing?.kept : early.map { $0.value.words } ?? words?.load()
            let modelKey = keepTerms ? 0 : words?.modelKey ?? 0
            // Each document's texts but its body, hashed, or as the last build hashed them when
            // it indexed a model with this one's key (bodies edited alone).
            let frontKeys =
                if modelKey != 0, let previous, previous.modelKey == modelKey,
                    previous.frontKeys.count == entryOfDocument.count
                {
                    previous.frontKeys
                } else {
                    entryOfDocument.parallelMap { Self.frontKey(ofEntry: $0, model: model, names: names) }
                }
            let keys = entryOfDocument.indices.parallelMap {
                Self.key(front: frontKeys[$0], body: bodies.entries[entryOfDocument[$0]].htmlKey)
            }
            let previousKeys = previous?.keys ?? []
            let previousFront = (previous?.frontKeys ?? [], previous?.modelKey ?? 0)
            let position = Dictionary(previousKeys.enumerated().map { ($1, $0) }) { first, _ in first }
            // A range of briefings' words at a time, each counted unless kept for the same texts.
            var postings = TermPostings(count: entryOfDocument.count, kept: previous.take(), keys: keys) {
                batch($0) { position[keys[$0]] }
            }
            postings.recorded?.frontKeys = frontKeys
            postings.recorded?.modelKey = modelKey
            clock.lap("search: words")
            // Kept again unless every document's words and keys came, in the same order, from
            // the file.
            var keeping: (SearchWordsCache, KeptWords)?
            if let words, let recorded = postings.recorded,
                recorded.keys != previousKeys || previousFront != (frontKeys, modelKey)
            {
                keeping = (words, recorded)
            }
            self.init(
                model: model, entryOfDocument: entryOfDocument, postings: postings,
                kept: keepTerms ? postings.recorded : nil, records: words?.records, keeping: keeping)
        } else {
            // A range of briefings' words at a time, each let go once counted in.
            let postings = TermPostings(count: entryOfDocument.count, kept: nil) { batch($0) { _ in nil } }
            clock.lap("search: words")
            self.init(model: model, entryOfDocument: entryOfDocument, postings: postings, kept: nil)
        }
    }

    /// With `records` (the build cache's), the records of lists the last build indexed with the
    /// same facets are taken from it, and this index's are kept there for the next.
    private init(
        model: SiteModel, entryOfDocument: [Int], postings: TermPostings, kept: KeptWords?,
        records: SearchRecordsCache? = nil, keeping words: (SearchWordsCache, KeptWords)? = nil
    ) {
        var documentOfEntry = [Int32](repeating: -1, count: model.entries.count)
        for (doc, entry) in entryOfDocument.enumerated() { documentOfEntry[entry] = Int32(doc) }
        self.entryOfDocument = entryOfDocument
        self.documentOfEntry = documentOfEntry
        self.kept = kept

        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        let facets = FacetCounter(
            actorsOf: entryOfDocument.map { model.entries[$0].actors },
            topicsOf: entryOfDocument.map { model.entries[$0].topics },
            statusesOf: entryOfDocument.map { entry in
                model.entries[entry].claims.reduce(UInt8(0)) { $0 | Self.statusBit($1.status) }
            })
        clock.lap("search: counts")
        let labels = FacetLabels(model)
        self.labels = labels
        var builder = Builder(labels: labels, facets: facets)
        let facetsKey = records.map { _ in Builder.facetsKey(facets, labels: labels) }
        if let records, let facetsKey {
            builder.kept = records.load(facets: facetsKey)
            builder.made = [:]
        }
        builder.addTerms(postings)
        clock.lap("search: shards")
        builder.addFacetValues(model: model, facets: facets)
        builder.addManifest(documents: entryOfDocument.map { model.entries[$0].day.year })
        clock.lap("search: facets")
        var keptRecords: (SearchRecordsCache, UInt64, [UInt64: Builder.Record])?
        if let records, let facetsKey, let made = builder.made,
            builder.madeAgain > 0 || made.count != builder.kept.count
        {
            keptRecords = (records, facetsKey, made)
        }
        files = builder.files
        facetFiles = builder.facetFiles
        facetsStamp = facetsKey.map { String($0, radix: 16) + " \(builder.termPostingsFiles)" }
        // The words and records are written for the next build on a thread of their own.
        let toKeep = (words, keptRecords)
        saving =
            words == nil && keptRecords == nil
            ? nil
            : Background {
                if let (cache, kept) = toKeep.0 { cache.save(kept) }
                if let (cache, facets, made) = toKeep.1 { cache.save(facets: facets, records: made) }
                return true
            }
    }

    /// Waits until the words and records this index keeps for the next build are written.
    func waitUntilKept() {
        _ = saving?.value
    }

    /// This index after the bodies (not the front matter) of `entries` changed: only their
    /// words are read again when the others' were kept.
    func updating(entries: [Int], model: SiteModel, bodies: RenderedBodies) -> SearchIndex {
        guard let kept else {
            return SearchIndex(model: model, bodies: bodies)
        }
        let names = NameTerms(model)
        var keys = kept.keys
        var counted = Set<Int>()
        for entry in entries where documentOfEntry[entry] >= 0 {
            let doc = Int(documentOfEntry[entry])
            counted.insert(doc)
            keys[doc] = Self.key(ofEntry: entry, model: model, bodies: bodies, names: names)
        }
        let postings = TermPostings(count: keys.count, kept: kept, keys: keys) { range in
            Self.words(
                of: range, entryOfDocument: entryOfDocument, model: model, bodies: bodies, names: names,
                kept: { counted.contains($0) ? nil : $0 })
        }
        return SearchIndex(
            model: model, entryOfDocument: entryOfDocument, postings: postings, kept: postings.recorded)
    }

    static func statusBit(_ status: Briefing.Claim.Status) -> UInt8 {
        UInt8(1) << UInt8(Briefing.Claim.Status.allCases.firstIndex(of: status)!)
    }

    /// How a briefing's text is read for words (`html`: the body, given on its own).
    enum TextKind: UInt8 {
        case title, text, html
    }

    /// Calls `read` with every text a briefing's own words come from, in order: title, summary,
    /// body (given to `body` as rendered), claims, judgements, source. Its actors' and topics'
    /// words come from `NameTerms`.
    static func forEachText(
        ofEntry i: Int, model: SiteModel, bodies: RenderedBodies, _ read: (String, TextKind) -> Void,
        body: (borrowing MarkdownRenderer.Output) -> Void
    ) {
        forEachFrontText(ofEntry: i, model: model, read) { body(bodies.entries[i]) }
    }

    /// As `forEachText`, with `body` called where the body's words come.
    private static func forEachFrontText(
        ofEntry i: Int, model: SiteModel, _ read: (String, TextKind) -> Void, body: () -> Void = {}
    ) {
        // Each field is read where the model holds it: a copy of the briefing or of its
        // rendered body would retain and release every one of their fields.
        read(model.entries[i].briefing.title, .title)
        // A summary that is not written is the body's first paragraph: counted once, in the body.
        if let summary = model.entries[i].briefing.summary { read(summary, .text) }
        body()
        for claim in model.entries[i].claims { read(claim.text, .text) }
        for judgement in model.entries[i].judgements { read(judgement.text, .text) }
        if let source = model.entries[i].briefing.source {
            read(source.publisher ?? "", .text)
            read(source.title ?? "", .text)
            read(source.author ?? "", .text)
        }
    }

    /// Adds the words of everything a briefing shows to `batch`, as one document: its texts,
    /// its actors' names and aliases, its topics' names. `scratch` holds a packed body's bytes
    /// while they are read.
    static func count(
        entry i: Int, into batch: inout WordBatch.Counter, model: SiteModel, bodies: RenderedBodies,
        names: NameTerms,
        scratch: inout [UInt8]
    ) {
        forEachText(ofEntry: i, model: model, bodies: bodies) { text, kind in
            batch.add(text, title: kind == .title)
        } body: { output in
            output.withHTMLBytes(scratch: &scratch) { batch.add(html: $0) }
        }
        for actor in model.entries[i].actors { batch.add(names.actors[actor]) }
        for topic in model.entries[i].topics { batch.add(names.topics[topic]) }
        batch.endDocument()
    }

    /// The words of documents `range` (numbers into `entryOfDocument`), as one run counted on
    /// the calling thread; a document `kept` gives a number for is taken from the kept words.
    static func words(
        of range: Range<Int>, entryOfDocument: [Int], model: SiteModel, bodies: RenderedBodies,
        names: NameTerms,
        kept: (Int) -> Int?
    ) -> WordBatch {
        var batch = WordBatch.Counter()
        var scratch: [UInt8] = []
        for doc in range {
            if let n = kept(doc) {
                batch.addKept(n)
            } else {
                count(
                    entry: entryOfDocument[doc], into: &batch, model: model, bodies: bodies, names: names,
                    scratch: &scratch)
            }
        }
        return batch.finished()
    }

    /// A hash of what `count(entry:into:…)` reads: equal keys, equal words.
    static func key(ofEntry i: Int, model: SiteModel, bodies: RenderedBodies, names: NameTerms) -> UInt64 {
        key(front: frontKey(ofEntry: i, model: model, names: names), body: bodies.entries[i].htmlKey)
    }

    /// A document's key from its `frontKey` and its body's `htmlKey`.
    static func key(front: UInt64, body: UInt64) -> UInt64 {
        var hasher = ContentHasher()
        hasher.combine(ContentHash(value: front))
        hasher.combine(ContentHash(value: body))
        return hasher.finalize().value
    }

    /// A hash of what `count(entry:into:…)` reads besides the body: the texts of the briefing's
    /// front matter, its actors' and topics' names. Each text goes with its kind.
    static func frontKey(ofEntry i: Int, model: SiteModel, names: NameTerms) -> UInt64 {
        var hasher = ContentHasher()
        forEachFrontText(ofEntry: i, model: model) { text, kind in
            hasher.combine(ContentHash(value: UInt64(kind.rawValue)))
            hasher.combine(text)
        }
        for actor in model.entries[i].actors { hasher.combine(ContentHash(value: names.actorKeys[actor])) }
        hasher.combine("topics")
        for topic in model.entries[i].topics { hasher.combine(ContentHash(value: names.topicKeys[topic])) }
        return hasher.finalize().value
    }
}

/// The names' words and the build cache's kept words, made on a thread of their own while the
/// bodies are rendered: neither depends on a body.
typealias EarlyWords = Background<(names: NameTerms, words: KeptWords?)>

/// The words of each actor's name and aliases and of each topic's name, read once for all
/// the briefings that list them.
struct NameTerms: Sendable {
    let actors: [WordBatch]
    let topics: [WordBatch]
    /// A hash of the texts each actor's and topic's words were read from.
    let actorKeys: [UInt64]
    let topicKeys: [UInt64]

    init(_ model: SiteModel) {
        self.init(actors: model.actors, topics: model.topics)
    }

    init(actors actorRecords: [SiteModel.ActorRecord], topics topicRecords: [SiteModel.TopicRecord]) {
        let actorNames = actorRecords.indices.map { [actorRecords[$0].name] + actorRecords[$0].aliases }
        let topicNames = topicRecords.indices.map { [topicRecords[$0].name] }
        actors = actorNames.parallelMap(Self.terms)
        topics = topicNames.map(Self.terms)
        actorKeys = actorNames.map(Self.key)
        topicKeys = topicNames.map(Self.key)
    }

    private static func terms(_ texts: [String]) -> WordBatch {
        var terms = DocumentTerms()
        for text in texts { terms.add(text) }
        terms.finish()
        return terms.batch
    }

    private static func key(_ texts: [String]) -> UInt64 {
        var hasher = ContentHasher()
        for text in texts { hasher.combine(text) }
        return hasher.finalize().value
    }
}
