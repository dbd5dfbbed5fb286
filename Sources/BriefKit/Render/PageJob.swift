import BriefTemplates

/// One output the render stage can produce on its own. The plan is a list of jobs in a fixed
/// order; jobs render independently (in parallel, in batches) and an incremental build re-runs
/// only the jobs a change affects.
public enum PageJob: Sendable, Hashable {
    case home(page: Int)
    case briefingList(page: Int)
    case briefing(Int)
    case actorIndex
    /// `/actors/page/N/`, N from 2: the actor index continued.
    case actorIndexPage(Int)
    case actor(Int)
    /// `/actors/<slug>/page/N/`, N from 2: the actor's older briefings, quotes and claims.
    case actorPage(Int, page: Int)
    case actorFeed(Int)
    case topicIndex
    case topic(Int)
    /// `/topics/<slug>/page/N/`, N from 2.
    case topicPage(Int, page: Int)
    case topicFeed(Int)
    /// `/claims/` (page 1) and `/claims/page/N/`: every claim by current status.
    case claimIndex(page: Int)
    /// `/claims/<id>/`: one tracked claim's history.
    case claim(Int)
    /// `/sources/`: the source registry by grade.
    case sourceIndex
    /// `/sources/<slug>/`: one source, its briefings, claims and track record.
    case source(Int)
    /// `/judgements/` (+ `page/N/`): current key judgements and their revisions.
    case judgementIndex(page: Int)
    /// `/indicators/` (+ `page/N/`): indicators by status.
    case indicatorIndex(page: Int)
    /// `/corrections/` (+ `page/N/`) and its feed.
    case correctionIndex(page: Int)
    case correctionFeed
    /// `/timeline/`: years and months with counts.
    case timeline
    /// `/timeline/<year>/` (page 1) and `/timeline/<year>/page/N/`: that year's briefings by month.
    case timelineYear(Int, page: Int)
    case search
    /// File N of the search index (`SearchIndex.files`): manifest, shards, postings, facets.
    case searchFile(Int)
    /// `search/doc/N.json`: the search records of documents 8N to 8N + 7 (title, date,
    /// summary, facets).
    case searchDocuments(Int)
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
    /// A hash of this job that is the same in every run (`Hashable`'s is seeded per process).
    var planHash: UInt64 {
        let (kind, a, b): (UInt64, Int, Int) =
            switch self {
            case .home(let page): (1, page, 0)
            case .briefingList(let page): (2, page, 0)
            case .briefing(let i): (3, i, 0)
            case .actorIndex: (4, 0, 0)
            case .actorIndexPage(let page): (5, page, 0)
            case .actor(let i): (6, i, 0)
            case .actorPage(let i, let page): (7, i, page)
            case .actorFeed(let i): (8, i, 0)
            case .topicIndex: (9, 0, 0)
            case .topic(let i): (10, i, 0)
            case .topicPage(let i, let page): (11, i, page)
            case .topicFeed(let i): (12, i, 0)
            case .claimIndex(let page): (13, page, 0)
            case .claim(let i): (14, i, 0)
            case .sourceIndex: (15, 0, 0)
            case .source(let i): (16, i, 0)
            case .judgementIndex(let page): (17, page, 0)
            case .indicatorIndex(let page): (18, page, 0)
            case .correctionIndex(let page): (19, page, 0)
            case .correctionFeed: (20, 0, 0)
            case .timeline: (21, 0, 0)
            case .timelineYear(let year, let page): (22, year, page)
            case .search: (23, 0, 0)
            case .searchFile(let i): (24, i, 0)
            case .searchDocuments(let i): (25, i, 0)
            case .siteFeed: (26, 0, 0)
            case .sitemap: (27, 0, 0)
            case .sitemapPart(let i): (28, i, 0)
            case .robots: (29, 0, 0)
            case .notFound: (30, 0, 0)
            case .page(let i): (31, i, 0)
            case .asset(let i): (32, i, 0)
            case .media(let i): (33, i, 0)
            case .staticFile(let i): (34, i, 0)
            }
        // The three words hashed as they lie, without a buffer (a plan has a job per file).
        let words = (kind, UInt64(bitPattern: Int64(a)), UInt64(bitPattern: Int64(b)))
        return withUnsafeBytes(of: words) { ContentHash($0).value }
    }

    /// The wrapping sum of the jobs' `planHash`: the same for the same jobs in any order.
    static func planSum(_ jobs: [PageJob]) -> UInt64 {
        parallelRuns(of: jobs.count, run: 2_048) { run in
            jobs[run].reduce(UInt64(0)) { $0 &+ $1.planHash }
        }.reduce(0, &+)
    }
}
