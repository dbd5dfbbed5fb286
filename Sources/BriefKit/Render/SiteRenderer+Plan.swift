/// Which pages a site has: every job in output order, and how many pages each long list takes.
extension SiteRenderer {
    /// `page_size` items on a first page, `archive_size` on each archive page.
    var listPages: ListPages { ListPages(config: model.config) }

    /// Archive pages only (a year's timeline, the actor index): `archive_size` items each.
    var archivePages: ListPages {
        var pages = listPages
        pages.first = pages.rest
        return pages
    }

    /// How many pages actor `id` has: enough for the longest of its briefings, quotes, claims
    /// made, claims denied and indicators, each split the same way.
    func actorPageCount(_ id: Int) -> Int {
        let pages = listPages
        return [
            index.entriesByActor[id].count, quotesByActor[id].count, index.claims.madeBy[id].count,
            index.claims.deniedBy[id].count, index.analysis.indicatorsByActor[id].count,
        ].map(pages.count).max()!
    }

    /// How many pages topic `id` has (its briefings, claims and indicators).
    func topicPageCount(_ id: Int) -> Int {
        let pages = listPages
        return [
            index.entriesByTopic[id].count, index.claims.byTopic[id].count,
            index.analysis.indicatorsByTopic[id].count,
        ].map(pages.count).max()!
    }

    var actorIndexPageCount: Int { archivePages.count(model.actors.count) }
    var claimIndexPageCount: Int { archivePages.count(index.claims.all.count) }

    /// The years that have entries, newest first, each with its entries (a range of the
    /// newest-first entry list, which a year fills without gaps).
    static func years(_ entries: [SiteModel.Entry]) -> [(year: Int, entries: Range<Int>)] {
        var years: [(year: Int, entries: Range<Int>)] = []
        var start = 0
        for i in entries.indices
        where i + 1 == entries.count || entries[i + 1].day.year != entries[i].day.year {
            years.append((entries[i].day.year, start..<i + 1))
            start = i + 1
        }
        return years
    }

    /// Every job of the site, in output order.
    public func plan() -> [PageJob] {
        let listPages = model.listPageCount
        var jobs: [PageJob] = []
        jobs += (1...listPages).map { .home(page: $0) }
        jobs += (1...listPages).map { .briefingList(page: $0) }
        jobs += model.entries.indices.map { .briefing($0) }
        jobs.append(.actorIndex)
        if actorIndexPageCount > 1 { jobs += (2...actorIndexPageCount).map { .actorIndexPage($0) } }
        for id in model.actors.indices {
            jobs.append(.actor(id))
            let pages = actorPageCount(id)
            if pages > 1 { jobs += (2...pages).map { .actorPage(id, page: $0) } }
            jobs.append(.actorFeed(id))
        }
        jobs.append(.topicIndex)
        for id in model.topics.indices {
            jobs.append(.topic(id))
            let pages = topicPageCount(id)
            if pages > 1 { jobs += (2...pages).map { .topicPage(id, page: $0) } }
            jobs.append(.topicFeed(id))
        }
        jobs += (1...claimIndexPageCount).map { .claimIndex(page: $0) }
        jobs += model.claims.tracked.indices.map { .claim($0) }
        jobs.append(.sourceIndex)
        jobs += model.sources.indices.map { .source($0) }
        jobs += (1...archivePages.count(index.analysis.judgements.count)).map { .judgementIndex(page: $0) }
        jobs += (1...archivePages.count(index.analysis.indicators.count)).map { .indicatorIndex(page: $0) }
        jobs += (1...archivePages.count(index.analysis.corrections.count)).map { .correctionIndex(page: $0) }
        jobs.append(.correctionFeed)
        jobs.append(.timeline)
        for year in years {
            jobs += (1...archivePages.count(year.entries.count)).map { .timelineYear(year.year, page: $0) }
        }
        jobs.append(.search)
        jobs += search.files.indices.map { .searchFile($0) }
        jobs += (0..<search.documentFileCount).map { .searchDocuments($0) }
        jobs += [.siteFeed, .sitemap]
        jobs += (0..<SiteMapParts.count(urls: sitemapURLCount)).map { .sitemapPart($0 + 1) }
        jobs += [.robots, .notFound]
        jobs += model.pages.indices.map { .page($0) }
        jobs += theme.assets.indices.map { .asset($0) }
        jobs += model.media.indices.map { .media($0) }
        jobs += model.statics.indices.map { .staticFile($0) }
        return jobs
    }
}

extension SiteRenderer {
    /// How many URLs `sitemapURLs` lists, counted without making them.
    var sitemapURLCount: Int {
        // Counted in place: filtering would copy every entry.
        let published = model.entries.reduce(0) { $0 + ($1.briefing.draft ? 0 : 1) }
        let actorPages = model.actors.indices.reduce(0) { $0 + actorPageCount($1) }
        let topicPages = model.topics.indices.reduce(0) { $0 + topicPageCount($1) }
        let yearPages = years.reduce(0) { $0 + archivePages.count($1.entries.count) }
        return 2 * model.listPageCount + published + actorIndexPageCount + actorPages + 1 + topicPages + 1
            + claimIndexPageCount - 1 + model.claims.tracked.count + 1 + model.sources.count
            + archivePages.count(index.analysis.judgements.count)
            + archivePages.count(index.analysis.indicators.count)
            + archivePages.count(index.analysis.corrections.count) + 1 + yearPages + 1 + model.pages.count
    }
}
