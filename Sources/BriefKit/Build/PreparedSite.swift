import BriefTemplates
import Foundation

/// A site taken through every stage but writing: the values `SiteBuilder` renders from, kept
/// whole by `SiteSession` so a later rebuild can redo only what a change affects.
public struct PreparedSite: Sendable {
    /// What the pages are rendered from. They change only together with the renderer, which
    /// is derived from them (`replacing…` below), so the two can never disagree.
    public private(set) var model: SiteModel
    public private(set) var theme: Theme
    public private(set) var bodies: RenderedBodies
    public private(set) var index: SiteIndex
    public private(set) var renderer: SiteRenderer
    public private(set) var jobs: [PageJob]
    /// Resolves wikilinks and content links in Markdown (site-relative URLs), and with
    /// absolute URLs for the site feed.
    public var links: LinkResolver
    public var absoluteLinks: LinkResolver
    /// Diagnostics by stage (Markdown's are in `bodies`).
    public var loadDiagnostics: [Diagnostic]
    /// The parsed sources the model was resolved from, when kept (`SiteSession` re-resolves
    /// them after an edit instead of parsing every file again).
    public var sources: SiteSources?
    public var themeDiagnostics: [Diagnostic]
    public var resolveDiagnostics: [Diagnostic]
    /// Each briefing file's parse, when the build collects them for `ParsedBriefingsCache`.
    var parses = ShardedParses()
    /// The `SiteIndex.relatedKey` to keep `index.related` under, when the lists were ranked
    /// by this build and a `RelatedEntriesCache` is to keep them.
    var relatedToKeep: UInt64?
    /// True when the model is the one the build cache kept (`ResolvedModelCache`), not loaded
    /// and resolved by this build.
    var modelWasKept = false

    public var diagnostics: [Diagnostic] {
        loadDiagnostics + themeDiagnostics + resolveDiagnostics + bodies.diagnostics
    }

    init(
        model: SiteModel, theme: Theme, bodies: RenderedBodies, links: LinkResolver,
        absoluteLinks: LinkResolver,
        loadDiagnostics: [Diagnostic], sources: SiteSources?, themeDiagnostics: [Diagnostic],
        resolveDiagnostics: [Diagnostic], related: [[Int]]? = nil, fewPages: Bool = false,
        search: Background<SearchIndex>
    ) {
        self.model = model
        self.theme = theme
        self.bodies = bodies
        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        self.index = SiteIndex(model: model, related: related, countsCompanions: !fewPages)
        clock.lap("site index")
        self.renderer = SiteRenderer(
            model: model, index: index, theme: theme, bodies: bodies, makesEntryTables: !fewPages,
            search: search)
        clock.lap("renderer")
        self.jobs = renderer.plan()
        clock.lap("plan")
        self.links = links
        self.absoluteLinks = absoluteLinks
        self.loadDiagnostics = loadDiagnostics
        self.sources = sources
        self.themeDiagnostics = themeDiagnostics
        self.resolveDiagnostics = resolveDiagnostics
    }

    /// New bodies for `entries` (their front matter unchanged): the index stands; the plan is
    /// made again, as quotes may have moved an actor's page count.
    mutating func replacingBodies(of entries: [Int], model: SiteModel, bodies: RenderedBodies) {
        self.model = model
        self.bodies = bodies
        renderer = renderer.updating(model: model, bodies: bodies, entries: entries)
        jobs = renderer.plan()
    }

    /// A new theme with the same templates and partials.
    mutating func replacingTheme(_ theme: Theme) {
        self.theme = theme
        renderer = renderer.updating(theme: theme)
    }

    /// A new model and bodies: index, renderer and plan are made again (the search index
    /// reads again only the briefings whose texts changed).
    mutating func replacingModel(_ model: SiteModel, bodies: RenderedBodies) {
        self.model = model
        self.bodies = bodies
        index = SiteIndex(model: model)
        renderer = SiteRenderer(
            model: model, index: index, theme: theme, bodies: bodies, keepSearchTerms: sources != nil,
            reusingSearch: renderer.search)
        jobs = renderer.plan()
    }
}

extension SiteBuilder {
    /// Loads, resolves, renders Markdown and indexes the site from `inputs`. Nil (with every
    /// diagnostic found) when the site cannot be rendered. `fewPages`: only the pages that
    /// show edited bodies are expected to be rendered (`SiteRenderer.makesEntryTables`).
    ///
    /// Every stage's input is let go once the next has what it needs (the read bytes once
    /// parsed, the parsed sources once resolved, each entry's Markdown once rendered), so the
    /// Markdown, its HTML and the bytes it came from are never all in memory together.
    ///
    /// With `resolved` (the model the last build resolved from inputs with the same key,
    /// `ResolvedModelCache`, made whole with this build's briefings by `SiteBuilder.model(from:…)`),
    /// the site is neither loaded nor resolved.
    func prepare(
        _ inputs: consuming SiteInputs, timer: inout StageTimer, keepSources: Bool = false,
        bodyCache: BodyCache? = nil, searchWords: SearchWordsCache? = nil,
        parses: (kept: ShardedParses?, collect: Bool) = (nil, false),
        related: RelatedEntriesCache? = nil, fewPages: Bool = false,
        resolved: consuming TakenModel? = nil
    ) -> (PreparedSite?, [Diagnostic]) {
        let root = options.absoluteRoot
        let (templates, templateWalk) = (inputs.templates, inputs.templateDiagnostics)
        let stages = Stages(
            bodyCache: bodyCache, searchWords: searchWords, related: related, fewPages: fewPages)
        // The model the last build resolved from these inputs, with this build's briefings.
        if var taken = resolved.take() {
            // The model's only holder from here: the Markdown stage changes its entries in place.
            let model = taken.model
            taken.model.entries = []
            let (theme, themeDiagnostics) = Theme.load(templates: templates, walkDiagnostics: templateWalk)
            let diagnostics = taken.loadDiagnostics + themeDiagnostics + taken.resolveDiagnostics
            guard let theme else { return (nil, diagnostics) }
            var (prepared, found) = finish(
                consume model, theme: theme, loadDiagnostics: taken.loadDiagnostics,
                themeDiagnostics: themeDiagnostics,
                resolveDiagnostics: taken.resolveDiagnostics, sources: nil, parses: taken.parses,
                timer: &timer, stages: stages, diagnostics: diagnostics)
            prepared?.modelWasKept = true
            return (prepared, found)
        }
        var diagnostics: [Diagnostic] = []
        var (loaded, loadDiagnostics) = ContentLoader(root: root, baseURLOverride: options.baseURL).load(
            consume inputs, partial: true, kept: parses.kept, collect: parses.collect)
        diagnostics += loadDiagnostics
        timer.lap("load")
        let (theme, themeDiagnostics) = Theme.load(templates: templates, walkDiagnostics: templateWalk)
        diagnostics += themeDiagnostics
        let collected = loaded?.parses ?? ShardedParses()
        loaded?.parses = ShardedParses()
        guard let sources = loaded.take(), let theme else { return (nil, diagnostics) }
        let kept = keepSources ? sources : nil
        var (resolved, resolveDiagnostics) = SiteResolver(includeDrafts: options.drafts).resolve(
            consume sources)
        diagnostics += resolveDiagnostics
        guard let model = resolved.take() else { return (nil, diagnostics) }
        timer.lap("resolve")
        return finish(
            model, theme: theme, loadDiagnostics: loadDiagnostics, themeDiagnostics: themeDiagnostics,
            resolveDiagnostics: resolveDiagnostics, sources: kept, parses: collected, timer: &timer,
            stages: stages, diagnostics: diagnostics)
    }

    /// The caches and the plan `finish` renders and indexes with.
    private struct Stages {
        var bodyCache: BodyCache?
        var searchWords: SearchWordsCache?
        var related: RelatedEntriesCache?
        var fewPages: Bool
    }

    /// Renders the Markdown of `model` and indexes it: the stages after resolving.
    private func finish(
        _ model: consuming SiteModel, theme: Theme, loadDiagnostics: [Diagnostic],
        themeDiagnostics: [Diagnostic],
        resolveDiagnostics: [Diagnostic], sources: SiteSources?, parses: ShardedParses,
        timer: inout StageTimer, stages: Stages, diagnostics: [Diagnostic]
    ) -> (PreparedSite?, [Diagnostic]) {
        var model = model
        var diagnostics = diagnostics
        // A build of few pages reads the names' words and the kept words while the bodies are
        // rendered (the actors and topics alone are held: the entries change in place).
        let early =
            stages.fewPages
            ? stages.searchWords.map { words in
                let (actors, topics) = (model.actors, model.topics)
                return EarlyWords { (NameTerms(actors: actors, topics: topics), words.load()) }
            } : nil
        // The body cache's link environment on one core while the resolver is made on the other.
        let (links, environment) = inParallel(
            { LinkResolver.forSite(model, basePath: model.config.basePath) },
            { stages.bodyCache.map { _ in SiteSession.linkEnvironment(model) } })
        let absoluteLinks = links.rebased(model.config.absoluteBase)
        let bodies = RenderedBodies.render(
            &model, resolver: links, absolute: absoluteLinks, recordLinks: options.checkLinks,
            dropEntrySources: true, cache: stages.bodyCache, packAbove: options.packBodiesAbove,
            environment: environment)
        diagnostics += bodies.diagnostics
        // The Markdown is let go: on a large site its pages go back before the index is made.
        if bodies.packsHTML { Heap.returnFreeMemory() }
        timer.lap("markdown")
        if diagnostics.fails(strict: options.strict) { return (nil, diagnostics) }
        // A build of few pages makes the search index on a thread of its own while the site's
        // index is made (most of it is then one thread's work); a full build uses every core
        // for each in turn.
        let indexed = model
        let searchWords = stages.searchWords
        let keepTerms = sources != nil
        let makeSearch = { @Sendable in
            SearchIndex(
                model: indexed, bodies: bodies, keepTerms: keepTerms, words: searchWords, early: early)
        }
        let search = stages.fewPages ? Background(makeSearch) : Background(made: makeSearch())
        // The related briefings the last build ranked, when ranked from what this model has.
        let relatedKey = stages.related.map { _ in SiteIndex.relatedKey(of: model) }
        let keptRelated = relatedKey.flatMap { stages.related?.load(key: $0) }
        var prepared = PreparedSite(
            model: model, theme: theme, bodies: bodies, links: links, absoluteLinks: absoluteLinks,
            loadDiagnostics: loadDiagnostics, sources: sources, themeDiagnostics: themeDiagnostics,
            resolveDiagnostics: resolveDiagnostics, related: keptRelated, fewPages: stages.fewPages,
            search: search)
        prepared.parses = parses
        if keptRelated == nil { prepared.relatedToKeep = relatedKey }
        timer.lap("index+contexts")
        return (prepared, diagnostics)
    }
}
