/// Everything loaded from a site root: the configuration, typed content and files to copy.
public struct SiteSources: Sendable {
    /// A file copied to the output unchanged (media, static files, theme assets).
    public struct CopiedFile: Sendable, Hashable {
        /// Absolute path to read from.
        public var sourcePath: String
        /// Path inside the output folder, with `/` separators and no leading slash.
        public var outputPath: String
        /// Path relative to the site root, for diagnostics.
        public var displayPath: String
    }

    public var root: String
    public var config: SiteConfig
    public var briefings: [Briefing]
    public var actors: [Actor]
    public var topics: [Topic]
    /// The source registry, `Content/sources/`.
    public var gradedSources: [GradedSource] = []
    /// Briefings whose front matter has errors, kept (with placeholders for bad fields) so a
    /// failing build still checks their bodies and links to them: their paths.
    public var salvaged: Set<String> = []
    /// Each briefing file's parse without errors, by `BriefingParse.key`, when the loader was
    /// asked to collect them (for `ParsedBriefingsCache`).
    var parses = ShardedParses()
    public var pages: [StaticPage]
    public var media: [CopiedFile]
    public var statics: [CopiedFile]
}
