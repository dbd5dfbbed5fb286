import Foundation

/// Renders the Markdown of every entry, actor profile, topic and page once, in parallel.
/// The HTML fragments are kept for the render stage; the diagnostics join the build's.
public struct RenderedBodies: Sendable {
    public var entries: [MarkdownRenderer.Output]
    public var actors: [MarkdownRenderer.Output]
    public var topics: [MarkdownRenderer.Output]
    public var pages: [MarkdownRenderer.Output]
    /// Each registered source's text (why its grade).
    public var sources: [MarkdownRenderer.Output] = []
    /// The site feed's entries (the newest published ones) rendered with absolute URLs, for
    /// the feed's `<content>`: entry index → HTML.
    public var feedContent: [Int: String] = [:]
    /// When rendered with a body cache: its link environment, each entry's key in it, and the
    /// keys each of its files held (`BodyCache.save` rewrites the files whose keys changed).
    var cached: (environment: ContentHash, keys: [UInt64], kept: BodyCache.Kept)?
    /// True when the briefings' HTML is held packed (a site above `packingThreshold`): memory
    /// then matters more than time, and the renderer keeps less (`SiteRenderer.feedEntry`).
    public internal(set) var packsHTML = false
    /// Bodies left in their files (`ParsedBriefingsCache`) that the files no longer hold.
    var unread: [Diagnostic] = []
    /// Where reads of the HTML the body cache kept are noted (`KeptHTML`), when it kept some.
    var keptReads: KeptHTML.Reads?
    /// The outputs the body cache kept that no entry of this build took (an edited body's last
    /// output), by key: `BodyEdits` compares them with the new ones.
    var unclaimed: [UInt64: MarkdownRenderer.Output] = [:]

    public var diagnostics: [Diagnostic] {
        var found: [Diagnostic] = []
        for outputs in [entries, actors, topics, pages, sources] {
            for output in outputs where !output.diagnostics.isEmpty { found += output.diagnostics }
        }
        return found + unread
    }

    /// Above this many bytes of briefings' Markdown (about 40,000 briefings), each briefing's
    /// rendered HTML is held compressed until its page is written: it would otherwise be the
    /// largest part of a build's memory (600 MB at 100,000 briefings). Below it, the time to
    /// pack and unpack is saved.
    public static let packingThreshold = 256 << 20

    /// The entries whose HTML the site feed carries: the newest `feed_limit` that are not drafts.
    public static func feedEntries(_ model: SiteModel) -> [Int] {
        Array(
            model.entries.indices.lazy.filter { !model.entries[$0].briefing.draft }.prefix(
                model.config.feedLimit))
    }

    /// An entry's HTML with absolute URLs, as the site feed carries it.
    public static func feedHTML(_ entry: SiteModel.Entry, model: SiteModel, absolute: LinkResolver) -> String
    {
        MarkdownRenderer(unsafeHTML: model.config.unsafeHTML, links: absolute)
            .render(entry.briefing.body, listedActors: entry.actors).html
    }

    /// Renders all bodies of `model` with `resolver` (site-relative links).
    public static func render(_ model: SiteModel, resolver: LinkResolver, recordLinks: Bool = false)
        -> RenderedBodies
    {
        var copy = model
        return render(
            &copy, resolver: resolver, absolute: resolver.rebased(model.config.absoluteBase),
            recordLinks: recordLinks, dropEntrySources: false)
    }

    /// Renders all bodies of `model`. With `dropEntrySources`, each entry's Markdown is let go
    /// as soon as it is rendered (the feed's absolute-URL HTML is made first), so a build never
    /// holds every entry's Markdown and HTML at once: 600 MB at 100,000 entries.
    /// `absolute` resolves links with absolute URLs, for the feed.
    public static func render(
        _ model: inout SiteModel, resolver: LinkResolver, absolute: LinkResolver, recordLinks: Bool = false,
        dropEntrySources: Bool
    ) -> RenderedBodies {
        render(
            &model, resolver: resolver, absolute: absolute, recordLinks: recordLinks,
            dropEntrySources: dropEntrySources, cache: nil)
    }

    /// As above; with `cache`, an entry whose output the cache kept for this link environment
    /// is taken from it instead of rendered. Above `packAbove` bytes of briefings' Markdown,
    /// each briefing's output is packed as soon as it is made.
    static func render(
        _ model: inout SiteModel, resolver: LinkResolver, absolute: LinkResolver, recordLinks: Bool,
        dropEntrySources: Bool, cache: BodyCache?, packAbove: Int = packingThreshold,
        environment known: ContentHash? = nil
    ) -> RenderedBodies {
        let packs = model.entries.reduce(0) { $0 + $1.briefing.bodyByteCount } > packAbove
        // Each briefing's output as it is held: packed in its worker, so the plain HTML of every
        // briefing is never held at once (an output the cache kept packed stays so), or plain.
        func held(_ output: MarkdownRenderer.Output) -> MarkdownRenderer.Output {
            var output = output
            if packs { output.pack() } else { output.unpack() }
            return output
        }
        let environment =
            dropEntrySources ? cache.map { _ in known ?? SiteSession.linkEnvironment(model) } : nil
        var renderer = MarkdownRenderer(unsafeHTML: model.config.unsafeHTML, links: resolver)
        renderer.recordLinks = recordLinks
        var feedContent: [Int: String] = [:]
        var unread: [Diagnostic] = []
        // A body left in its file (`ParsedBriefingsCache`) is read for the feed, and kept.
        let feed = feedEntries(model)
        let feedRead = feed.parallelMap { i -> (Result<Briefing, Diagnostic>, String) in
            let read = model.entries[i].briefing.readingBody(siteRoot: model.root)
            var entry = model.entries[i]
            if case .success(let briefing) = read { entry.briefing = briefing }
            return (read, feedHTML(entry, model: model, absolute: absolute))
        }
        for (i, (read, html)) in zip(feed, feedRead) {
            switch read {
            case .success(let briefing): model.entries[i].briefing = briefing
            case .failure(let problem): unread.append(problem)
            }
            feedContent[i] = html
        }
        let root = model.root
        var entries: [MarkdownRenderer.Output]
        var cached: (environment: ContentHash, keys: [UInt64], kept: BodyCache.Kept)?
        var keptReads: KeptHTML.Reads?
        var unclaimed: [UInt64: MarkdownRenderer.Output] = [:]
        if let cache, let environment, !model.entries.isEmpty {
            // Shard by shard, so each file's list of kept outputs is read once (their HTML stays
            // in the file until a page shows it); each entry is let go of its Markdown in place
            // once its output is made.
            // By index: an entry is read where it is, not copied. The array is let go before the
            // entries are changed in place below.
            let keys: [UInt64]
            do {
                let entries = model.entries
                keys = entries.indices.parallelMap {
                    BodyCache.key(of: entries[$0], recordLinks: recordLinks)
                }
            }
            var groups = [[Int]](repeating: [], count: BodyCache.shardCount)
            for (i, key) in keys.enumerated() { groups[BodyCache.shard(of: key)].append(i) }
            let reads = KeptHTML.Reads()
            let done = model.entries.parallelMapInPlace(groups: groups) { shard in
                var outputs =
                    groups[shard].isEmpty
                    ? [:] : cache.load(shard: shard, environment: environment, reads: reads)
                // A kept output whose wikilinks the site answers otherwise does not count as
                // kept: it is made again, and its file written again.
                var stale: [UInt64: MarkdownRenderer.Output] = [:]
                for (key, output) in outputs where !output.wikilinksAnsweredInItsEnvironment(as: resolver) {
                    stale[key] = outputs.removeValue(forKey: key)
                }
                return (outputs: outputs, stale: stale, summary: BodyCache.Kept.summary(outputs.keys))
            } _: { shard, i, entry -> MarkdownRenderer.Output in
                // Not `??`: its closure would copy the renderer for every kept output.
                let output: MarkdownRenderer.Output
                // Moved out of the shard's outputs: each is taken once.
                if let kept = shard.outputs.removeValue(forKey: keys[i]) {
                    output = held(kept)
                } else {
                    output = held(renderer.render(entry, siteRoot: root))
                }
                entry.briefing = entry.briefing.droppingBody()
                return output
            }
            entries = done.results
            let kept = BodyCache.Kept(shards: done.prepared.map(\.summary))
            // What the entries left: their outputs were moved out of each shard's list.
            for shard in done.prepared {
                unclaimed.merge(shard.outputs) { first, _ in first }
                unclaimed.merge(shard.stale) { first, _ in first }
            }
            cached = (environment, keys, kept)
            keptReads = reads
        } else if dropEntrySources {
            // Each entry moves into its worker and comes back without its Markdown, so the
            // Markdown of an entry is let go as soon as its HTML is made.
            let taken = model.entries
            model.entries = []
            let done = taken.parallelMapTaking { entry -> (MarkdownRenderer.Output, SiteModel.Entry) in
                var entry = entry
                let output = held(renderer.render(entry, siteRoot: root))
                entry.briefing = entry.briefing.droppingBody()
                return (output, entry)
            }
            entries = done.map(\.0)
            model.entries = done.map(\.1)
        } else {
            entries = model.entries.parallelMap { held(renderer.render($0, siteRoot: root)) }
        }
        var clock = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        let actors = model.actors.parallelMap { renderer.render($0.markdownSource) }
        let topics = model.topics.parallelMap { renderer.render($0.markdownSource) }
        let pages = model.pages.parallelMap { renderer.render($0.markdownSource) }
        var bodies = RenderedBodies(
            entries: entries, actors: actors, topics: topics, pages: pages, feedContent: feedContent)
        bodies.sources = model.sources.parallelMap { renderer.render($0.markdownSource) }
        clock.lap("markdown: rest")
        bodies.cached = cached
        bodies.keptReads = keptReads
        bodies.unclaimed = unclaimed
        bodies.unread = unread
        bodies.packsHTML = packs
        return bodies
    }
}

extension MarkdownRenderer {
    /// An entry's body, with mention links and notes for the actors it lists.
    func render(_ entry: SiteModel.Entry) -> Output {
        render(entry.briefing.body, source: entry.markdownSource, listedActors: entry.actors)
    }

    /// As above, reading the body from its file under `siteRoot` first when it was left there
    /// (`ParsedBriefingsCache`); a file that no longer holds it gives an empty output with the
    /// error.
    func render(_ entry: SiteModel.Entry, siteRoot: String) -> Output {
        switch entry.briefing.readingBody(siteRoot: siteRoot) {
        case .success(let briefing):
            var entry = entry
            entry.briefing = briefing
            return render(entry)
        case .failure(let problem):
            return Output(html: "", diagnostics: [problem], firstParagraph: nil, anchors: [])
        }
    }

    /// A profile, topic description or page body.
    func render(_ source: MarkdownSource) -> Output {
        render(source.text, source: source)
    }
}

/// Where each kind of body's Markdown comes from: its text, file and first line. The same
/// source renders the same HTML, so an incremental rebuild compares sources to reuse output.
extension SiteModel.Entry {
    var markdownSource: MarkdownSource {
        MarkdownSource(path: briefing.path, firstLine: briefing.bodyFirstLine, text: briefing.body)
    }
}

extension SiteModel.ActorRecord {
    var markdownSource: MarkdownSource {
        MarkdownSource(path: path ?? "", firstLine: bodyFirstLine, text: profile)
    }
}

extension SiteModel.TopicRecord {
    var markdownSource: MarkdownSource {
        MarkdownSource(path: path ?? "", firstLine: bodyFirstLine, text: description)
    }
}

extension SiteModel.SourceRecord {
    var markdownSource: MarkdownSource { MarkdownSource(path: path, firstLine: bodyFirstLine, text: about) }
}

extension StaticPage {
    var markdownSource: MarkdownSource { MarkdownSource(path: path, firstLine: bodyFirstLine, text: body) }
}

extension LinkResolver {
    /// The resolver for a site: wikilinks through the registries, content files through their URLs.
    public static func forSite(_ model: SiteModel, basePath: String) -> LinkResolver {
        // The actor directory (its registry and mention matcher) is made beside the topics'
        // registry; its registry also resolves actor wikilinks.
        let (directory, topicNames) = inParallel(
            { ActorDirectory(model: model) },
            {
                var topicNames = NameRegistry()
                for (id, topic) in model.topics.enumerated() {
                    topicNames.add(
                        id: id, name: topic.name, aliases: topic.aliases, suggestable: topic.path != nil)
                }
                return topicNames
            })
        // Briefings by slug and content files by path, made when a body first links to one (a
        // build of body edits renders few bodies, and most link to neither).
        let links = Lazy { () -> (slugs: [String: (url: String, title: String)], files: [String: String]) in
            var briefingSlugs: [String: (url: String, title: String)] = [:]
            var files: [String: String] = [:]
            briefingSlugs.reserveCapacity(model.entries.count)
            files.reserveCapacity(model.entries.count + model.actors.count + model.topics.count)
            for i in model.entries.indices {
                // Read in place: a copy of each entry would retain all of its fields.
                let url = SiteURLs.briefing(model.entries[i].slug)
                briefingSlugs[model.entries[i].slug] = (url, model.entries[i].briefing.title)
                files[model.entries[i].briefing.path] = url
            }
            for actor in model.actors {
                if let path = actor.path { files[path] = SiteURLs.actor(actor.slug) }
            }
            for topic in model.topics {
                if let path = topic.path { files[path] = SiteURLs.topic(topic.slug) }
            }
            for page in model.pages { files[page.path] = SiteURLs.page(page.slug.value) }
            for media in model.media { files[media.displayPath] = media.outputPath }
            return (briefingSlugs, files)
        }
        let actors = model.actors
        let topics = model.topics
        let actorRegistry = directory.registry
        let topicRegistry = topicNames
        return LinkResolver(
            basePath: basePath,
            wikilink: { kind, name in
                switch kind {
                case "briefing":
                    let slugs = links.value.slugs
                    if let found = slugs[name] { return .found(url: found.url, title: found.title) }
                    return .unknown(
                        suggestion: EditDistance.suggestion(for: name, among: slugs.keys.sorted()))
                case "topic":
                    switch topicRegistry.match(name) {
                    case .found(let id): return .found(url: SiteURLs.topic(topics[id].slug))
                    case .ambiguous(let ids): return .ambiguous(ids.map { topics[$0].name })
                    case .unknown: return .unknown(suggestion: topicRegistry.suggestion(for: name))
                    }
                default:
                    switch actorRegistry.match(name) {
                    case .found(let id): return .found(url: SiteURLs.actor(actors[id].slug))
                    case .ambiguous(let ids): return .ambiguous(ids.map { actors[$0].name })
                    case .unknown: return .unknown(suggestion: actorRegistry.suggestion(for: name))
                    }
                }
            },
            contentFile: { links.value.files[$0] },
            actors: directory)
    }
}
