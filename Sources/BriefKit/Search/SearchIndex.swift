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

    /// Each document's words, kept (by `brief serve`) so an edit reads only the edited bodies.
    private let keptTerms: [DocumentTerms]?

    /// The index of `model`'s published entries; `keepTerms` keeps each document's words for
    /// `updating(entries:model:bodies:)`.
    public init(model: SiteModel, bodies: RenderedBodies, keepTerms: Bool = false) {
        let published = model.entries.indices.filter { !model.entries[$0].briefing.draft }
        let entryOfDocument = Array(published.reversed())
        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        let names = NameTerms(model)
        func terms(_ range: Range<Int>) -> [DocumentTerms] {
            entryOfDocument[range].parallelMap {
                Self.terms(ofEntry: $0, model: model, bodies: bodies, names: names)
            }
        }
        if keepTerms {
            let documents = terms(0..<entryOfDocument.count)
            clock.lap("search: terms")
            self.init(
                model: model, entryOfDocument: entryOfDocument, postings: TermPostings(documents),
                kept: documents)
        } else {
            // A range of briefings' words at a time, each let go once counted in.
            let postings = TermPostings(count: entryOfDocument.count, documents: terms)
            clock.lap("search: words")
            self.init(model: model, entryOfDocument: entryOfDocument, postings: postings, kept: nil)
        }
    }

    private init(model: SiteModel, entryOfDocument: [Int], postings: TermPostings, kept: [DocumentTerms]?) {
        var documentOfEntry = [Int32](repeating: -1, count: model.entries.count)
        for (doc, entry) in entryOfDocument.enumerated() { documentOfEntry[entry] = Int32(doc) }
        self.entryOfDocument = entryOfDocument
        self.documentOfEntry = documentOfEntry
        keptTerms = kept

        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        let facets = FacetCounter(
            actorsOf: entryOfDocument.map { model.entries[$0].actors },
            topicsOf: entryOfDocument.map { model.entries[$0].topics },
            statusesOf: entryOfDocument.map { entry in
                model.entries[entry].claims.reduce(UInt8(0)) { $0 | Self.statusBit($1.status) }
            })
        clock.lap("search: counts")
        labels = FacetLabels(model)
        var builder = Builder(labels: labels, facets: facets)
        builder.addTerms(postings)
        clock.lap("search: shards")
        builder.addFacetValues(model: model, facets: facets)
        builder.addManifest(documents: entryOfDocument.map { model.entries[$0].day.year })
        clock.lap("search: facets")
        files = builder.files
    }

    /// This index after the bodies (not the front matter) of `entries` changed: only their
    /// words are read again when the others' were kept.
    func updating(entries: [Int], model: SiteModel, bodies: RenderedBodies) -> SearchIndex {
        guard var documents = keptTerms else {
            return SearchIndex(model: model, bodies: bodies)
        }
        let names = NameTerms(model)
        for entry in entries where documentOfEntry[entry] >= 0 {
            documents[Int(documentOfEntry[entry])] = Self.terms(
                ofEntry: entry, model: model, bodies: bodies, names: names)
        }
        return SearchIndex(
            model: model, entryOfDocument: entryOfDocument, postings: TermPostings(documents), kept: documents
        )
    }

    static func statusBit(_ status: Briefing.Claim.Status) -> UInt8 {
        UInt8(1) << UInt8(Briefing.Claim.Status.allCases.firstIndex(of: status)!)
    }

    /// The words of everything a briefing shows: title, summary, body, claims, judgements,
    /// source, its actors' names and aliases, its topics' names.
    static func terms(ofEntry i: Int, model: SiteModel, bodies: RenderedBodies, names: NameTerms)
        -> DocumentTerms
    {
        var terms = DocumentTerms()
        let briefing = model.entries[i].briefing
        terms.add(briefing.title, title: true)
        // A summary that is not written is the body's first paragraph: counted once, in the body.
        if let summary = briefing.summary { terms.add(summary) }
        terms.add(html: bodies.entries[i].html)
        for claim in model.entries[i].claims { terms.add(claim.text) }
        for judgement in model.entries[i].judgements { terms.add(judgement.text) }
        if let source = briefing.source {
            for field in [source.publisher, source.title, source.author] { terms.add((field ?? "")) }
        }
        for actor in model.entries[i].actors { terms.add(names.actors[actor]) }
        for topic in model.entries[i].topics { terms.add(names.topics[topic]) }
        terms.finish()
        return terms
    }
}

/// The words of each actor's name and aliases and of each topic's name, read once for all
/// the briefings that list them.
struct NameTerms: Sendable {
    let actors: [DocumentTerms]
    let topics: [DocumentTerms]

    init(_ model: SiteModel) {
        actors = model.actors.parallelMap { actor in
            var terms = DocumentTerms()
            terms.add(actor.name)
            for alias in actor.aliases { terms.add(alias) }
            terms.finish()
            return terms
        }
        topics = model.topics.map { topic in
            var terms = DocumentTerms()
            terms.add(topic.name)
            terms.finish()
            return terms
        }
    }
}
