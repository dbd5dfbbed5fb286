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
