import BriefTemplates

/// One output the render stage can produce on its own. The plan is a list of jobs in a fixed
/// order; jobs render independently (in parallel, in batches) and an incremental build re-runs
/// only the jobs a change affects.
public enum PageJob: Sendable, Hashable {
    case home(page: Int)
    case briefingList(page: Int)
    case briefing(Int)
    case actorIndex
    case actor(Int)
    case actorFeed(Int)
    case topicIndex
    case topic(Int)
    case topicFeed(Int)
    /// `/claims/`: every claim by current status.
    case claimIndex
    /// `/claims/<id>/`: one tracked claim's history.
    case claim(Int)
    /// `/sources/`: the source registry by grade.
    case sourceIndex
    /// `/sources/<slug>/`: one source, its briefings, claims and track record.
    case source(Int)
    /// `/judgements/`: current key judgements and their revisions.
    case judgementIndex
    /// `/indicators/`: indicators by status.
    case indicatorIndex
    /// `/corrections/` and its feed.
    case correctionIndex
    case correctionFeed
    case timeline
    case search
    case searchIndex
    case siteFeed
    /// `/sitemap.xml`: the URL set, or above `SiteMapParts.limit` URLs the index of the parts.
    case sitemap
    /// `/sitemap-N.xml`, part N (from 1) of a sitemap too large for one file.
    case sitemapPart(Int)
    case robots
    case notFound
    case page(Int)
    case asset(Int)
    case media(Int)
    case staticFile(Int)
}

extension PageJob {
    /// Every job of a site, in output order.
    static func plan(model: SiteModel, theme: Theme) -> [PageJob] {
        let listPages = model.listPageCount
        var jobs: [PageJob] = []
        jobs += (1...listPages).map { .home(page: $0) }
        jobs += (1...listPages).map { .briefingList(page: $0) }
        jobs += model.entries.indices.map { .briefing($0) }
        jobs.append(.actorIndex)
        jobs += model.actors.indices.flatMap { [PageJob.actor($0), .actorFeed($0)] }
        jobs.append(.topicIndex)
        jobs += model.topics.indices.flatMap { [PageJob.topic($0), .topicFeed($0)] }
        jobs.append(.claimIndex)
        jobs += model.claims.tracked.indices.map { .claim($0) }
        jobs.append(.sourceIndex)
        jobs += model.sources.indices.map { .source($0) }
        jobs += [.judgementIndex, .indicatorIndex, .correctionIndex, .correctionFeed]
        jobs += [.timeline, .search, .searchIndex, .siteFeed, .sitemap]
        jobs += (0..<SiteMapParts.count(urls: SiteMapParts.urlCount(model))).map { .sitemapPart($0 + 1) }
        jobs += [.robots, .notFound]
        jobs += model.pages.indices.map { .page($0) }
        jobs += theme.assets.indices.map { .asset($0) }
        jobs += model.media.indices.map { .media($0) }
        jobs += model.statics.indices.map { .staticFile($0) }
        return jobs
    }
}
