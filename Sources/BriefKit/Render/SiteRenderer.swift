import BriefTemplates
import Foundation

/// Stage 5: turns one `PageJob` into one `OutputFile`. Holds only immutable values, so jobs
/// render on any thread, in any order, with the same bytes.
public struct SiteRenderer: Sendable {
    public private(set) var model: SiteModel
    public let index: SiteIndex
    public private(set) var theme: Theme
    public private(set) var bodies: RenderedBodies
    /// The search index's files, built from the model and the bodies.
    public private(set) var search: SearchIndex
    public let urls: SiteURLs
    /// `tagAuthority(of:)` for this site, parsed once: every feed entry's id has it.
    let tagAuthority: String
    let calendar: SiteCalendar
    /// Each entry's date and last change in RFC 3339, and the instant of its last change.
    let timestamps: EntryTimestamps
    /// Per actor: (entry index, quote) for every quote attributed to it, newest entry first.
    private(set) var quotesByActor: [[(entry: Int, quote: Quote)]]
    /// The years with entries, newest first, and their entries.
    let years: [(year: Int, entries: Range<Int>)]
    /// Context pieces many pages share, built once per site rather than once per use.
    private(set) var site: TemplateValue
    private(set) var actorLinks: [Fields] = []
    private(set) var topicLinks: [Fields] = []
    /// Each entry's link and card, made once for every page that shows them; empty when the
    /// renderer makes them as pages ask (`makesEntryTables`: `entryLink`, `cardFields`).
    private(set) var entryLinks: [Fields] = []
    private(set) var cards: [Fields] = []
    /// Each entry's feed `<entry>` (without content), built once though it is in many feeds;
    /// empty when the bodies are packed or the renderer makes them as feeds ask (`feedEntry`).
    private(set) var feedEntries: [String] = []
    /// False when only a few pages will be rendered (bodies edited alone: their pages, list
    /// pages and feeds): each entry's link, card and feed element is then made when a page
    /// asks for it, not for every entry up front, and so is each feed element's hash for
    /// fingerprints (`forFingerprints`).
    let makesEntryTables: Bool
    private(set) var busiest: (actors: TemplateValue, topics: TemplateValue) = (.null, .null)
    /// The actor index's groups, and the claims and indicators by status: what every page of
    /// those indexes pages through, made once per site.
    private(set) var actorsByKind = PagedGroups<Int>()
    private(set) var claimsByStatus = PagedGroups<TrackedRef>()
    private(set) var indicatorsByStatus = PagedGroups<TrackedRef>()
    /// Set by `forFingerprints()`: a hash of each entry's feed element (`feedFingerprint`).
    private(set) var feedEntryHashes: [UInt64] = []
    /// Set by `forFingerprints()`: contexts hold each briefing's body as its key.
    private(set) var bodyKeysOnly = false

    /// `keepSearchTerms` keeps each briefing's words for later edits (`brief serve`), and
    /// `reusingSearch` gives the words kept by the last index, for the briefings whose texts
    /// are as they were; `searchWords` is the build cache's (`SearchIndex.init`). With
    /// `search`, the index is the one it makes (on a thread of its own, while the rest of the
    /// renderer is made), and those three are not used.
    public init(
        model: SiteModel, index: SiteIndex, theme: Theme, bodies: RenderedBodies,
        keepSearchTerms: Bool = false, reusingSearch: SearchIndex? = nil,
        searchWords: SearchWordsCache? = nil,
        makesEntryTables: Bool = true
    ) {
        self.init(
            model: model, index: index, theme: theme, bodies: bodies, keepSearchTerms: keepSearchTerms,
            reusingSearch: reusingSearch, searchWords: searchWords, makesEntryTables: makesEntryTables,
            search: nil)
    }

    init(
        model: SiteModel, index: SiteIndex, theme: Theme, bodies: RenderedBodies,
        keepSearchTerms: Bool = false, reusingSearch: SearchIndex? = nil,
        searchWords: SearchWordsCache? = nil,
        makesEntryTables: Bool = true, search: Background<SearchIndex>?
    ) {
        self.makesEntryTables = makesEntryTables
        self.model = model
        self.index = index
        self.theme = theme
        self.bodies = bodies
        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        self.urls = SiteURLs(config: model.config)
        self.tagAuthority = Self.tagAuthority(of: model.config)
        let calendar = SiteCalendar(timeZone: model.config.timeZone)
        self.calendar = calendar
        self.timestamps = EntryTimestamps(
            entries: model.entries, calendar: calendar, eager: makesEntryTables)
        clock.lap("timestamps")
        self.quotesByActor = Self.quotesByActor(bodies: bodies, actors: model.actors.count)
        self.years = Self.years(model.entries)
        let urls = self.urls
        self.site = Self.siteContext(config: model.config, urls: urls)
        self.actorLinks = model.actors.map { Self.actorLink($0, urls: urls) }
        self.topicLinks = model.topics.map { Self.topicLink($0, urls: urls) }
        self.search =
            search?.value
            ?? SearchIndex(
                model: model, bodies: bodies, keepTerms: keepSearchTerms, reusing: reusingSearch,
                words: searchWords)
        if makesEntryTables {
            let renderer = self
            self.entryLinks = Array(model.entries.indices).parallelMap(stride: 8, renderer.makeEntryLink)
            let linked = self
            self.cards = Array(model.entries.indices).parallelMap(stride: 8, linked.makeCard)
            if !bodies.packsHTML {
                self.feedEntries = Array(model.entries.indices).parallelMap(stride: 8, linked.makeFeedEntry)
            }
        }
        clock.lap("links, cards")
        self.busiest = Self.busiest(
            model: model, index: index, actorLinks: actorLinks, topicLinks: topicLinks)
        self.actorsByKind = Self.actorsByKind(model.actors)
        let grouping = self
        self.claimsByStatus = PagedGroups(
            index.claims.all, keys: Briefing.Claim.Status.allCases, key: { grouping.latest($0).claim.status })
        self.indicatorsByStatus = PagedGroups(
            index.analysis.indicators, keys: Briefing.Indicator.Status.allCases,
            key: { grouping.currentIndicator($0).status })
        clock.lap("groups")
    }

    /// This renderer as pages are fingerprinted (`fingerprint(_:seed:)`), not rendered: the
    /// pieces many pages show carry their fingerprint, taken once, and a briefing's body
    /// stands as a key of its HTML (`Output.htmlKey`), so a packed body is not unpacked.
    func forFingerprints() -> SiteRenderer {
        func kept(_ fields: [Fields]) -> [Fields] {
            fields.parallelMap {
                var fields = $0
                fields.keepFingerprint(hashingText: PageFingerprints.text)
                return fields
            }
        }
        var copy = self
        copy.bodyKeysOnly = true
        if makesEntryTables {
            let feeds = self
            copy.feedEntryHashes = Array(model.entries.indices).parallelMap(stride: 8) {
                PageFingerprints.text(feeds.feedEntry($0))
            }
        }
        (copy.actorLinks, copy.topicLinks) = (kept(actorLinks), kept(topicLinks))
        (copy.entryLinks, copy.cards) = (kept(entryLinks), kept(cards))
        if case .object(var fields) = site {
            fields.keepFingerprint(hashingText: PageFingerprints.text)
            copy.site = .object(fields)
        }
        return copy
    }

    /// A fingerprint of what a template page is rendered from (`seed`, its template and its
    /// context), or nil for a job that is not a template page (`PageFingerprints`).
    func fingerprint(_ job: PageJob, seed: UInt64) -> UInt64? {
        if let feed = feedFingerprint(job, seed: seed) { return feed }
        guard let page = htmlPage(job) else { return nil }
        var hasher = ContentHasher()
        for word in [
            seed, PageFingerprints.text(page.template),
            page.context.fingerprint(hashingText: PageFingerprints.text),
        ] {
            hasher.combine(ContentHash(value: word))
        }
        return hasher.finalize().value
    }

    static func quotesByActor(bodies: RenderedBodies, actors: Int) -> [[(entry: Int, quote: Quote)]] {
        var quotes = [[(entry: Int, quote: Quote)]](repeating: [], count: actors)
        for (entry, output) in bodies.entries.enumerated() {
            for quote in output.quotes { quotes[quote.actor].append((entry, quote)) }
        }
        return quotes
    }

    /// This renderer after the bodies (not the front matter) of `entries` changed: their cards
    /// and the quotes by actor are rebuilt, everything else is kept.
    func updating(model: SiteModel, bodies: RenderedBodies, entries: [Int]) -> SiteRenderer {
        var copy = self
        copy.model = model
        copy.bodies = bodies
        copy.quotesByActor = Self.quotesByActor(bodies: bodies, actors: model.actors.count)
        copy.search = search.updating(entries: entries, model: model, bodies: bodies)
        for i in entries {
            if !copy.cards.isEmpty { copy.cards[i] = copy.makeCard(i) }
            if !copy.feedEntries.isEmpty { copy.feedEntries[i] = copy.makeFeedEntry(i) }
        }
        return copy
    }

    /// The jobs whose output shows entry `i`'s rendered body, when it changes from `before`
    /// to `after` (its front matter unchanged): its page, the home and list pages with its card,
    /// its actors' and topics' feeds, the site feed (they carry the summary, which may come
    /// from the body), its search record and the search index's files (they hold its words),
    /// and the pages of actors whose quotes changed.
    /// `brief serve` renders these again after a body edit; what a page shows is defined here,
    /// beside the pages, so a new use of the body is added in one place.
    func jobsShowingBody(ofEntry i: Int, before: MarkdownRenderer.Output, after: MarkdownRenderer.Output)
        -> Set<PageJob>
    {
        let page = i / model.config.pageSize + 1
        var jobs: Set<PageJob> = [
            .siteFeed, .briefing(i), .home(page: page), .briefingList(page: page),
        ]
        if search.documentOfEntry[i] >= 0 {
            jobs.insert(.searchDocuments(Int(search.documentOfEntry[i]) / SearchIndex.documentsPerFile))
        }
        jobs.formUnion(search.files.indices.map(PageJob.searchFile))
        jobs.formUnion(model.entries[i].actors.map(PageJob.actorFeed))
        jobs.formUnion(model.entries[i].topics.map(PageJob.topicFeed))
        if before.quotes != after.quotes {
            for actor in Set((before.quotes + after.quotes).map(\.actor)) {
                jobs.insert(.actor(actor))
                // Every page of the actor: its quotes are split across them.
                let pages = actorPageCount(actor)
                if pages > 1 { jobs.formUnion((2...pages).map { PageJob.actorPage(actor, page: $0) }) }
            }
        }
        return jobs
    }

    /// This renderer with another theme (templates edited, nothing else).
    func updating(theme: Theme) -> SiteRenderer {
        var copy = self
        copy.theme = theme
        return copy
    }

    /// The template a job's page is rendered with (its registered name), or nil for feeds,
    /// the sitemap, the search index and copied files.
    static func template(of job: PageJob) -> String? {
        switch job {
        case .home: "home"
        case .briefingList: "briefings"
        case .briefing: "briefing"
        case .actorIndex, .actorIndexPage: "actors"
        case .actor, .actorPage: "actor"
        case .topicIndex: "topics"
        case .topic, .topicPage: "topic"
        case .claimIndex: "claims"
        case .claim: "claim"
        case .sourceIndex: "sources"
        case .source: "source"
        case .judgementIndex: "judgements"
        case .indicatorIndex: "indicators"
        case .correctionIndex: "corrections"
        case .timeline: "timeline"
        case .timelineYear: "year"
        case .search: "search"
        case .notFound: "404"
        case .page: "page"
        default: nil
        }
    }

    public func render(_ job: PageJob) -> OutputFile {
        let path = outputPath(job)
        if let page = htmlPage(job) {
            return OutputFile(
                path: path, content: .bytes(Data(adopting: theme.render(page.template, page.context))))
        }
        return switch job {
        case .actorFeed(let i): OutputFile(path: path, text: actorFeed(i))
        case .topicFeed(let i): OutputFile(path: path, text: topicFeed(i))
        case .correctionFeed: OutputFile(path: path, text: correctionFeed())
        case .searchFile(let n): OutputFile(path: path, content: .bytes(search.files[n].bytes))
        case .searchDocuments(let n): OutputFile(path: path, content: .bytes(searchDocuments(n)))
        case .siteFeed: OutputFile(path: path, text: siteFeed())
        case .sitemap: OutputFile(path: path, text: sitemap())
        case .sitemapPart(let n): OutputFile(path: path, text: sitemapPart(n))
        case .robots:
            OutputFile(
                path: path, text: "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("sitemap.xml"))\n")
        case .asset(let i): OutputFile(path: path, content: theme.assets[i].content)
        case .media(let i): OutputFile(path: path, content: .copy(from: model.media[i].sourcePath))
        case .staticFile(let i): OutputFile(path: path, content: .copy(from: model.statics[i].sourcePath))
        default: preconditionFailure("\(job) is a template page")
        }
    }

    /// The path a job writes, without rendering it.
    func outputPath(_ job: PageJob) -> String {
        switch job {
        case .home(let page): SiteURLs.file(for: SiteURLs.paginated("", page))
        case .briefingList(let page): SiteURLs.file(for: SiteURLs.paginated("briefings/", page))
        case .briefing(let i): SiteURLs.file(for: SiteURLs.briefing(model.entries[i].slug))
        case .actorIndex: SiteURLs.file(for: "actors/")
        case .actorIndexPage(let page): SiteURLs.file(for: SiteURLs.paginated("actors/", page))
        case .actor(let i): SiteURLs.file(for: SiteURLs.actor(model.actors[i].slug))
        case .actorPage(let i, let page):
            SiteURLs.file(for: SiteURLs.paginated(SiteURLs.actor(model.actors[i].slug), page))
        case .actorFeed(let i): SiteURLs.actor(model.actors[i].slug) + "feed.xml"
        case .topicIndex: SiteURLs.file(for: "topics/")
        case .topic(let i): SiteURLs.file(for: SiteURLs.topic(model.topics[i].slug))
        case .topicPage(let i, let page):
            SiteURLs.file(for: SiteURLs.paginated(SiteURLs.topic(model.topics[i].slug), page))
        case .topicFeed(let i): SiteURLs.topic(model.topics[i].slug) + "feed.xml"
        case .claimIndex(let page): SiteURLs.file(for: SiteURLs.paginated("claims/", page))
        case .claim(let n): SiteURLs.file(for: SiteURLs.claim(model.claims.tracked[n].id))
        case .sourceIndex: SiteURLs.file(for: "sources/")
        case .source(let i): SiteURLs.file(for: SiteURLs.source(model.sources[i].slug))
        case .judgementIndex(let page): SiteURLs.file(for: SiteURLs.paginated("judgements/", page))
        case .indicatorIndex(let page): SiteURLs.file(for: SiteURLs.paginated("indicators/", page))
        case .correctionIndex(let page): SiteURLs.file(for: SiteURLs.paginated("corrections/", page))
        case .correctionFeed: "corrections/feed.xml"
        case .timeline: SiteURLs.file(for: "timeline/")
        case .timelineYear(let year, let page):
            SiteURLs.file(for: SiteURLs.paginated(SiteURLs.year(year), page))
        case .search: SiteURLs.file(for: "search/")
        case .searchFile(let n): search.files[n].path
        case .searchDocuments(let n): "search/doc/\(n).json"
        case .siteFeed: "feed.xml"
        case .sitemap: "sitemap.xml"
        case .sitemapPart(let n): "sitemap-\(n).xml"
        case .robots: "robots.txt"
        case .notFound: "404.html"
        case .page(let i): SiteURLs.file(for: SiteURLs.page(model.pages[i].slug.value))
        case .asset(let i): theme.assets[i].path
        case .media(let i): model.media[i].outputPath
        case .staticFile(let i): model.statics[i].outputPath
        }
    }

    /// A job that is a page rendered from a template: its output path, template and context.
    func htmlPage(_ job: PageJob) -> (path: String, template: String, context: TemplateValue)? {
        guard let template = Self.template(of: job) else { return nil }
        return (outputPath(job), template, context(of: job))
    }

    /// The context of a template page's job.
    private func context(of job: PageJob) -> TemplateValue {
        switch job {
        case .home(let page): homeContext(page: page)
        case .briefingList(let page): briefingListContext(page: page)
        case .briefing(let i): briefingContext(i)
        case .actorIndex: actorIndexContext(page: 1)
        case .actorIndexPage(let page): actorIndexContext(page: page)
        case .actor(let i): actorContext(i, page: 1)
        case .actorPage(let i, let page): actorContext(i, page: page)
        case .topicIndex: topicIndexContext()
        case .topic(let i): topicContext(i, page: 1)
        case .topicPage(let i, let page): topicContext(i, page: page)
        case .claimIndex(let page): claimIndexContext(page: page)
        case .claim(let n): claimContext(n)
        case .sourceIndex: sourceIndexContext()
        case .source(let i): sourceContext(i)
        case .judgementIndex(let page): judgementIndexContext(page: page)
        case .indicatorIndex(let page): indicatorIndexContext(page: page)
        case .correctionIndex(let page): correctionIndexContext(page: page)
        case .timeline: timelineContext()
        case .timelineYear(let year, let page): yearContext(year, page: page)
        case .search: searchContext()
        case .notFound: notFoundContext()
        case .page(let i): pageContext(i)
        default: preconditionFailure("\(job) has no template")
        }
    }

    /// The template a job's page is rendered with: dead links that were not written in the
    /// page's Markdown (see `bodyLinks`) come from it or its partials.
    public func source(of job: PageJob) -> String {
        Self.template(of: job).map { "Templates/\($0).mustache" } ?? "site.yml"
    }

    /// The links written in the Markdown of a job's page, with their places.
    public func bodyLinks(of job: PageJob) -> [Located<String>] {
        switch job {
        case .briefing(let i): bodies.entries[i].links
        case .actor(let i): bodies.actors[i].links
        case .topic(let i): bodies.topics[i].links
        case .page(let i): bodies.pages[i].links
        case .source(let i): bodies.sources[i].links
        default: []
        }
    }

}
