import Foundation

/// The site model the last build resolved, kept in the build cache beside the record
/// (`<record>.bodies/model`) under `key(of:options:)`: a hash of every input that resolving
/// reads — each briefing's front matter (not its body), every other file, the options and
/// brief. A build whose edits are briefings' bodies alone (`BodyEdits`) has that key, and
/// takes the model from here instead of loading and resolving the site again.
///
/// Each entry is kept as its briefing's path and what resolving made of it (actor and topic
/// numbers, claims, time); the briefing itself comes from the parse cache, or from its file
/// when edited (`ResolvedModel.model`). The loader's and the resolver's diagnostics are kept
/// too: the same inputs give the same ones.
struct ResolvedModelCache: Sendable {
    /// The cache file.
    let path: String
    /// The brief whose model is taken (this one; another in tests).
    var brief = BriefVersion.identity

    /// The key of a model resolved from `inputs` (as a build records them) under `options`.
    static func key(of inputs: [BuildCache.RecordedInput], options: BuildOptions) -> UInt64 {
        SiteInputs.key(
            inputs.map { input in
                // A briefing by its front matter, when its bytes open with front matter as
                // `BodyEdits.frontMatterHash` reads it; by its bytes otherwise.
                let front = SiteInputs.isBriefing(input.path) && input.frontMatter != 0
                return (input.path, ContentHash(value: front ? input.frontMatter : input.hash))
            }, options: options
        ).value
    }

    /// The model kept under `key`, or nil when there is none (or another brief's, or a damaged
    /// file).
    func load(key: UInt64) -> ResolvedModel? {
        // The header and key first: a model kept under another key (any edit but of bodies)
        // is not read, tens of MB on a large site.
        guard let file = OpenFile(path: path),
            let start = file.read(at: 0, count: min(file.size, 8 + header.utf8.count + 8)),
            start.withUnsafeBytes({ raw in
                var reader = ByteReader(bytes: raw)
                return reader.string() == header && reader.number() == key
            }),
            let bytes = file.read(at: 0, count: file.size)
        else { return nil }
        return ByteReader.checked(Data(adopting: bytes)) { reader -> ResolvedModel? in
            guard reader.string() == header, reader.number() == key else { return nil }
            return try? reader.resolvedModel()
        }
    }

    /// Keeps `model` under `key`; a cache that cannot be written only costs the next build time.
    func save(key: UInt64, model: ResolvedModel) {
        guard StateFolder.prepare((path as NSString).deletingLastPathComponent) == nil else { return }
        var writer = ByteWriter()
        writer.string(header)
        writer.number(key)
        writer.resolvedModel(model)
        writer.write(sealedTo: path)
    }

    /// The format and the brief that wrote the file: another brief may resolve otherwise.
    private var header: String { "brief-model 2 " + brief }
}

/// A resolved site model without its briefings (each stands as its path) and its
/// configuration (read from `site.yml` again), with the diagnostics of loading and resolving.
struct ResolvedModel: Sendable {
    /// An entry as resolving made it, its briefing aside.
    struct Entry: Sendable {
        var path: String
        /// Where the briefing's file was among the site's briefing files, in the order they are
        /// read (-1: not known): its parse is looked for there first.
        var place = -1
        var actors: [Int]
        var topics: [Int]
        var claims: [SiteModel.ResolvedClaim]
        var source: Int?
        var judgements: [SiteModel.ResolvedJudgement]
        var indicators: [SiteModel.ResolvedIndicator]
        var instant: Int
        var day: CalendarDay
    }

    var entries: [Entry]
    var actors: [SiteModel.ActorRecord]
    var topics: [SiteModel.TopicRecord]
    var sources: [SiteModel.SourceRecord]
    var claims: TrackedLedger
    var judgements: TrackedLedger
    var indicators: TrackedLedger
    var pages: [StaticPage]
    var media: [SiteSources.CopiedFile]
    var statics: [SiteSources.CopiedFile]
    var loadDiagnostics: [Diagnostic]
    var resolveDiagnostics: [Diagnostic]

    /// What `model` keeps of itself, with the diagnostics it was loaded and resolved with;
    /// `places` gives each briefing file's place among the site's briefing files.
    init(
        _ model: SiteModel, loadDiagnostics: [Diagnostic], resolveDiagnostics: [Diagnostic],
        places: [String: Int] = [:]
    ) {
        entries = model.entries.indices.map { i in
            let entry = model.entries[i]
            return Entry(
                path: entry.briefing.path, place: places[entry.briefing.path] ?? -1, actors: entry.actors,
                topics: entry.topics, claims: entry.claims, source: entry.source,
                judgements: entry.judgements,
                indicators: entry.indicators, instant: entry.instant, day: entry.day)
        }
        (actors, topics, sources, pages) = (model.actors, model.topics, model.sources, model.pages)
        (claims, judgements, indicators) = (model.claims, model.judgements, model.indicators)
        (media, statics) = (model.media, model.statics)
        self.loadDiagnostics = loadDiagnostics
        self.resolveDiagnostics = resolveDiagnostics
    }

    init(
        entries: [Entry], actors: [SiteModel.ActorRecord], topics: [SiteModel.TopicRecord],
        sources: [SiteModel.SourceRecord], ledgers: [TrackedLedger], pages: [StaticPage],
        media: [SiteSources.CopiedFile], statics: [SiteSources.CopiedFile], loadDiagnostics: [Diagnostic],
        resolveDiagnostics: [Diagnostic]
    ) {
        (self.entries, self.actors, self.topics, self.sources) = (entries, actors, topics, sources)
        (claims, judgements, indicators) = (ledgers[0], ledgers[1], ledgers[2])
        (self.pages, self.media, self.statics) = (pages, media, statics)
        self.loadDiagnostics = loadDiagnostics
        self.resolveDiagnostics = resolveDiagnostics
    }

    /// The site model with `config` and `root`, each entry's briefing from `briefing` (by
    /// path); nil when one has none.
    func model(config: SiteConfig, root: String, briefing: (_ path: String, _ place: Int) -> Briefing?)
        -> SiteModel?
    {
        var built: [SiteModel.Entry] = []
        built.reserveCapacity(entries.count)
        for entry in entries {
            guard let found = briefing(entry.path, entry.place) else { return nil }
            built.append(
                SiteModel.Entry(
                    briefing: found, actors: entry.actors, topics: entry.topics, claims: entry.claims,
                    source: entry.source, judgements: entry.judgements, indicators: entry.indicators,
                    instant: entry.instant, day: entry.day))
        }
        var model = SiteModel(
            config: config, root: root, entries: built, actors: actors, topics: topics, pages: pages,
            media: media, statics: statics)
        model.sources = sources
        (model.claims, model.judgements, model.indicators) = (claims, judgements, indicators)
        return model
    }
}
