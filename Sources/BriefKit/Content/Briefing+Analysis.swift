/// The analysis a briefing states beside its claims: key judgements, updates and corrections,
/// indicators to watch, and a lead image.
extension Briefing {
    /// A key judgement in ICD 203 estimative language. A judgement with an `id` is revised by
    /// later briefings that list the same id.
    public struct Judgement: Sendable, Hashable {
        /// ICD 203's seven terms of likelihood, each with its band of probability.
        public enum Likelihood: String, Sendable, CaseIterable {
            case almostNoChance = "almost no chance"
            case veryUnlikely = "very unlikely"
            case unlikely
            case roughlyEvenChance = "roughly even chance"
            case likely
            case veryLikely = "very likely"
            case almostCertain = "almost certain"

            /// The band ICD 203 gives the term.
            public var band: String {
                switch self {
                case .almostNoChance: "1–5%"
                case .veryUnlikely: "5–20%"
                case .unlikely: "20–45%"
                case .roughlyEvenChance: "45–55%"
                case .likely: "55–80%"
                case .veryLikely: "80–95%"
                case .almostCertain: "95–99%"
                }
            }

            /// ICD 203's paired terms and common variants, each read as the term it means:
            /// they are suggested, never accepted, so one site keeps one vocabulary.
            static let synonyms: [String: Likelihood] = [
                "remote": .almostNoChance, "remotely": .almostNoChance, "highly improbable": .veryUnlikely,
                "highly improbably": .veryUnlikely, "improbable": .unlikely, "improbably": .unlikely,
                "roughly even odds": .roughlyEvenChance, "even chance": .roughlyEvenChance,
                "probable": .likely, "probably": .likely, "highly probable": .veryLikely,
                "highly probably": .veryLikely, "nearly certain": .almostCertain,
                "almost certainly": .almostCertain, "nearly certainly": .almostCertain,
            ]
        }

        /// How sure the analyst is, shown apart from the likelihood.
        public enum Confidence: String, Sendable, CaseIterable {
            case low, moderate, high
        }

        /// The judgement's text; a later step of a tracked judgement may leave it out.
        public var text: String?
        public var id: Located<String>?
        /// Nil when not written: required at a judgement's first appearance, kept from the
        /// step before on a later one.
        public var likelihood: Likelihood?
        public var confidence: Confidence?
        public var location: SourceLocation
    }

    /// A dated update or correction of the entry, shown on it, newest first.
    public struct Update: Sendable, Hashable {
        /// A correction fixes an error and is listed on `/corrections/`; an update adds news.
        public enum Kind: String, Sendable, CaseIterable {
            case update, correction
        }

        public var date: EntryDate
        public var kind: Kind
        public var note: String
        public var location: SourceLocation
    }

    /// An indicator to watch for; later briefings revise its status by `id`.
    public struct Indicator: Sendable, Hashable {
        /// Whether what an indicator watches for has happened, or no longer can.
        public enum Status: String, Sendable, CaseIterable {
            case watching, observed, lapsed
        }

        public var text: String?
        public var id: Located<String>?
        /// Nil when not written: a new indicator is watched, a later step keeps the last status.
        public var status: Status?
        public var location: SourceLocation
    }

    /// The lead image: a file under `Content/media/` and its alternative text.
    public struct Image: Sendable, Hashable {
        /// The path below `Content/media/`, as `media/<path>` in the output.
        public var path: Located<String>
        public var alt: String
    }

    /// The date of the last substantive change: the later of `updated` and the newest update.
    public var lastModified: EntryDate? {
        let newest = updates.map(\.date).max()
        guard let updated else { return newest }
        guard let newest else { return updated }
        return newest > updated ? newest : updated
    }
}
