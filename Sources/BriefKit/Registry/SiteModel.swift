/// Stage 2's result: content with every reference resolved to an id, drafts filtered, sorted.
public struct SiteModel: Sendable {
    /// An actor page: registered in `Content/actors/`, or made for a name no file knows.
    public struct ActorRecord: Sendable {
        public var name: String
        public var slug: String
        public var kind: Actor.Kind?
        public var aliases: [String]
        public var role: String?
        public var affiliation: Int?
        public var profile: String
        public var path: String?
        public var bodyFirstLine: Int
        public var params: ParamValue
    }

    /// A topic page, registered or implicit.
    public struct TopicRecord: Sendable {
        public var name: String
        public var slug: String
        public var aliases: [String]
        public var summary: String?
        public var description: String
        public var path: String?
        public var bodyFirstLine: Int
        public var params: ParamValue
    }

    /// A registered source of reporting, with its Admiralty reliability grade.
    public struct SourceRecord: Sendable {
        public var name: String
        public var slug: String
        public var aliases: [String]
        public var kind: GradedSource.Kind?
        public var reliability: GradedSource.Reliability
        public var url: String?
        /// Markdown: why the grade.
        public var about: String
        public var path: String
        public var bodyFirstLine: Int
        public var params: ParamValue
    }

    /// A claim with its claimants and deniers resolved to actor ids, and its source to a
    /// registered source. For a step of a tracked claim, `text` is the claim's first text and
    /// `status` the one this step gives (or the last one when it gives none).
    public struct ResolvedClaim: Sendable {
        public var text: String
        public var status: Briefing.Claim.Status
        public var by: [Int]
        public var deniedBy: [Int]
        /// The claim's own `source`, else the briefing's publisher, when registered.
        public var source: Int? = nil
        public var credibility: Int? = nil
        public var note: String? = nil
        /// The claim's place in `SiteModel.claims.tracked` when it has an id.
        public var tracked: Int? = nil
    }

    /// A key judgement; for a step of a tracked one, `text` is its first text and the
    /// likelihood and confidence are this step's (or the step before's when it gives none).
    public struct ResolvedJudgement: Sendable {
        public var text: String
        public var likelihood: Briefing.Judgement.Likelihood
        public var confidence: Briefing.Judgement.Confidence
        /// The judgement's place in `SiteModel.judgements.tracked` when it has an id.
        public var tracked: Int? = nil
    }

    /// An indicator; for a step of a tracked one, `text` is its first text and `status` this
    /// step's (or the step before's).
    public struct ResolvedIndicator: Sendable {
        public var text: String
        public var status: Briefing.Indicator.Status
        public var tracked: Int? = nil
    }

    /// A briefing with its references resolved.
    public struct Entry: Sendable {
        public var briefing: Briefing
        public var slug: String { briefing.slug.value }
        public var actors: [Int]
        public var topics: [Int]
        public var claims: [ResolvedClaim]
        /// The briefing's `source.publisher` in the source registry, when registered.
        public var source: Int? = nil
        public var judgements: [ResolvedJudgement] = []
        public var indicators: [ResolvedIndicator] = []
        /// Seconds since the epoch, for ordering (date-only entries at midnight in the site zone).
        public var instant: Int
        /// The calendar day the entry belongs to in the site's time zone.
        public var day: CalendarDay
    }

    public var config: SiteConfig
    public var root: String
    /// Newest first; ties broken by slug.
    public var entries: [Entry]
    /// Sorted by slug.
    public var actors: [ActorRecord]
    public var topics: [TopicRecord]
    /// The source registry, in file order.
    public var sources: [SourceRecord] = []
    /// Tracked claims, judgements and indicators, and their histories.
    public var claims = TrackedLedger()
    public var judgements = TrackedLedger()
    public var indicators = TrackedLedger()
    public var pages: [StaticPage]
    public var media: [SiteSources.CopiedFile]
    public var statics: [SiteSources.CopiedFile]
}

extension SiteModel {
    /// How many pages the home page and the briefing list each have (at least one).
    var listPageCount: Int {
        max(1, (entries.count + config.pageSize - 1) / config.pageSize)
    }
}
