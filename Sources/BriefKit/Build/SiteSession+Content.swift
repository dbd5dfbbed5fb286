import BriefTemplates
import Foundation

/// Edited content files — front matter, registry files, pages — without files added or removed:
/// the edited files are parsed again and the site re-resolved and re-indexed; Markdown is
/// rendered again only where its inputs changed; and a page is rendered again only when its
/// context (every value its template can read) or its template differs from the last build's.
/// Feeds (one per actor and topic), the sitemap and the search index are written again: they
/// are built from precomputed pieces, and a feed's inputs are no cheaper to compare.
extension SiteSession {
    func rebuildContent(_ paths: [String]) -> Outcome? {
        guard let old = prepared, var sources = old.sources, !paths.isEmpty else { return nil }
        var timer = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        var parsed: [(path: String, diagnostics: [Diagnostic])] = []
        for path in paths {
            guard path.hasPrefix("Content/"), path.hasSuffix(".md"),
                let data = FileBytes.read(options.absoluteRoot + "/" + path),
                case .success(let text) = SourceText.decode(data, path: path),
                let found = Self.replace(path, text, in: &sources)
            else { return nil }
            parsed.append((path, found))
        }
        var site = old
        let edited = Set(paths)
        site.loadDiagnostics =
            old.loadDiagnostics.filter { !edited.contains($0.location.path) } + parsed.flatMap(\.diagnostics)
        let (resolved, resolveDiagnostics) = SiteResolver(includeDrafts: options.drafts).resolve(sources)
        site.resolveDiagnostics = resolveDiagnostics
        guard var model = resolved else {
            return failure(
                site.loadDiagnostics + site.themeDiagnostics + resolveDiagnostics, scope: .content(0))
        }
        site.sources = sources
        timer.lap("resolve")
        site.links = LinkResolver.forSite(model, basePath: model.config.basePath)
        site.absoluteLinks = site.links.rebased(model.config.absoluteBase)
        let bodies = renderBodies(&model, old: old, links: site.links, absolute: site.absoluteLinks)
        let diagnostics =
            site.loadDiagnostics + site.themeDiagnostics + site.resolveDiagnostics + bodies.diagnostics
        guard !diagnostics.fails(strict: options.strict) else {
            return failure(diagnostics, scope: .content(0))
        }
        site.replacingModel(model, bodies: bodies)
        entryIndex = Self.entryIndex(of: model)

        timer.lap("markdown+index")
        // A page is rendered again when no page had its path, or its context changed.
        var oldPages: [String: PageJob] = [:]
        for job in old.jobs where SiteRenderer.template(of: job) != nil {
            oldPages[old.renderer.outputPath(job)] = job
        }
        let renderer = site.renderer
        let oldRenderer = old.renderer
        let stale = site.jobs.parallelMap { job -> Bool in
            guard SiteRenderer.template(of: job) != nil else { return true }
            guard let previous = oldPages[renderer.outputPath(job)],
                SiteRenderer.template(of: previous) == SiteRenderer.template(of: job)
            else { return true }
            return renderer.htmlPage(job)?.context != oldRenderer.htmlPage(previous)?.context
        }
        let jobs = zip(site.jobs, stale).filter(\.1).map(\.0)
        timer.lap("compare")
        defer { timer.lap("render") }
        let paths = Set(site.jobs.map(renderer.outputPath))
        files = files.filter { paths.contains($0.key) }
        return apply(
            site, jobs: jobs, scope: .content(jobs.filter { SiteRenderer.template(of: $0) != nil }.count))
    }

    /// Parses `text` and puts it in place of the file at `path` in `sources`; nil when the
    /// file is new, or does not parse (the full build reports why).
    private static func replace(_ path: String, _ text: SourceText, in sources: inout SiteSources)
        -> [Diagnostic]?
    {
        let folder = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        func put<T>(_ parse: (SourceText) -> (T?, [Diagnostic]), _ list: inout [T], _ pathOf: (T) -> String)
            -> [Diagnostic]?
        {
            guard let index = list.firstIndex(where: { pathOf($0) == path }) else { return nil }
            let (value, diagnostics) = parse(text)
            guard let value, !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            list[index] = value
            return diagnostics
        }
        switch folder {
        case "briefings": return put({ EntryParser.parseBriefing($0) }, &sources.briefings, \.path)
        case "actors": return put(EntryParser.parseActor, &sources.actors, \.path)
        case "topics": return put(EntryParser.parseTopic, &sources.topics, \.path)
        case "sources": return put(EntryParser.parseSource, &sources.gradedSources, \.path)
        case "pages": return put(EntryParser.parsePage, &sources.pages, \.path)
        default: return nil
        }
    }

    /// The Markdown of `model`, reusing the last build's output for every body whose text and
    /// links resolve exactly as before: the link environment without briefings' titles, and
    /// each body's wikilinks answered as they were (`WikilinkLookup`, as the build cache asks),
    /// so a new title renders again only the bodies that link to its briefing. Entry sources
    /// are let go once rendered, as in a build.
    private func renderBodies(
        _ model: inout SiteModel, old: PreparedSite, links: LinkResolver, absolute: LinkResolver
    ) -> RenderedBodies {
        guard Self.linkEnvironment(model) == Self.linkEnvironment(old.model),
            let oldSources = old.sources
        else {
            return RenderedBodies.render(
                &model, resolver: links, absolute: absolute, recordLinks: options.checkLinks,
                dropEntrySources: true)
        }
        let oldBriefings = Dictionary(
            oldSources.briefings.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var markdown = MarkdownRenderer(unsafeHTML: model.config.unsafeHTML, links: links)
        markdown.recordLinks = options.checkLinks
        var bodies = old.bodies
        var entries: [MarkdownRenderer.Output] = []
        var feedContent: [Int: String] = [:]
        let feed = Set(RenderedBodies.feedEntries(model))
        for (i, entry) in model.entries.enumerated() {
            let briefing = entry.briefing
            let oldIndex = entryIndex[briefing.path]
            let unchanged =
                oldIndex != nil && oldBriefings[briefing.path] == briefing
                && old.model.entries[oldIndex!].actors == entry.actors
                && old.bodies.entries[oldIndex!].wikilinksAnswered(as: links)
            if unchanged, let oldIndex {
                entries.append(old.bodies.entries[oldIndex])
                if feed.contains(i) { feedContent[i] = old.bodies.feedContent[oldIndex] }
            } else {
                entries.append(markdown.render(entry))
            }
            if feed.contains(i) && feedContent[i] == nil {
                feedContent[i] = RenderedBodies.feedHTML(entry, model: model, absolute: absolute)
            }
            model.entries[i].briefing = model.entries[i].briefing.droppingBody()
        }
        bodies.entries = entries
        bodies.feedContent = feedContent
        // Same count and order as before: the link environment (which lists them) is the same.
        func update(
            _ sources: [MarkdownSource], _ before: [MarkdownSource],
            _ outputs: inout [MarkdownRenderer.Output]
        ) {
            for i in sources.indices where sources[i] != before[i] || !outputs[i].wikilinksAnswered(as: links)
            {
                outputs[i] = markdown.render(sources[i])
            }
        }
        update(model.actors.map(\.markdownSource), old.model.actors.map(\.markdownSource), &bodies.actors)
        update(model.topics.map(\.markdownSource), old.model.topics.map(\.markdownSource), &bodies.topics)
        update(model.pages.map(\.markdownSource), old.model.pages.map(\.markdownSource), &bodies.pages)
        if model.sources.count == old.model.sources.count {
            update(
                model.sources.map(\.markdownSource), old.model.sources.map(\.markdownSource), &bodies.sources)
        } else {
            bodies.sources = model.sources.parallelMap { markdown.render($0.markdownSource) }
        }
        return bodies
    }

    /// Everything Markdown links resolve against but briefings' titles: names, aliases, slugs
    /// and files. While it is unchanged (and so are the actors' numbers), an unchanged body
    /// whose wikilinks are answered as before (`Output.wikilinksAnswered(as:)`: only a wikilink
    /// to a briefing shows its title) renders the same.
    static func linkEnvironment(_ model: SiteModel) -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine("\(model.config.unsafeHTML) \(model.config.basePath) \(model.config.absoluteBase)")
        // Each actor, topic and entry read where it is (a copy would retain all of its fields).
        for i in model.actors.indices {
            hasher.combine(
                model.actors[i].name + "\u{1}" + model.actors[i].slug + "\u{1}"
                    + (model.actors[i].path ?? "-"))
            for alias in model.actors[i].aliases { hasher.combine(alias) }
        }
        for i in model.topics.indices {
            hasher.combine(
                model.topics[i].name + "\u{1}" + model.topics[i].slug + "\u{1}"
                    + (model.topics[i].path ?? "-"))
            for alias in model.topics[i].aliases { hasher.combine(alias) }
        }
        // In no order: a new date moves an entry in the model, not what links resolve to. Each
        // entry's path and slug are hashed alone (the slug's hash seeded with the path's) and
        // the hashes summed, a sum any order gives (sorting the pairs of a large site cost more
        // than the rest of this together).
        var entries: UInt64 = 0
        for i in model.entries.indices {
            let path = ContentHash(model.entries[i].briefing.path).value
            entries &+= ContentHash(model.entries[i].slug, seed: path).value
        }
        hasher.combine("\(model.entries.count)")
        hasher.combine(ContentHash(value: entries))
        for page in model.pages { hasher.combine(page.path + "\u{1}" + page.slug.value) }
        for media in model.media { hasher.combine(media.displayPath + "\u{1}" + media.outputPath) }
        return hasher.finalize()
    }
}
