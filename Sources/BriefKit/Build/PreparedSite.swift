import BriefTemplates

/// A site taken through every stage but writing: the values `SiteBuilder` renders from, kept
/// whole by `SiteSession` so a later rebuild can redo only what a change affects.
public struct PreparedSite: Sendable {
    public var model: SiteModel
    public var theme: Theme
    public var bodies: RenderedBodies
    public var index: SiteIndex
    public var renderer: SiteRenderer
    public var jobs: [PageJob]
    /// Resolves wikilinks and content links in Markdown (site-relative URLs), and with
    /// absolute URLs for the site feed.
    public var links: LinkResolver
    public var absoluteLinks: LinkResolver
    /// Diagnostics by stage (Markdown's are in `bodies`).
    public var loadDiagnostics: [Diagnostic]
    /// The parsed sources the model was resolved from, when kept (`SiteSession` re-resolves
    /// them after an edit instead of parsing every file again).
    public var sources: SiteSources?
    public var themeDiagnostics: [Diagnostic]
    public var resolveDiagnostics: [Diagnostic]

    public var diagnostics: [Diagnostic] {
        loadDiagnostics + themeDiagnostics + resolveDiagnostics + bodies.diagnostics
    }
}

extension SiteBuilder {
    /// Loads, resolves, renders Markdown and indexes the site from `inputs`. Nil (with every
    /// diagnostic found) when the site cannot be rendered.
    ///
    /// Every stage's input is let go once the next has what it needs (the read bytes once
    /// parsed, the parsed sources once resolved, each entry's Markdown once rendered), so the
    /// Markdown, its HTML and the bytes it came from are never all in memory together.
    func prepare(_ inputs: consuming SiteInputs, timer: inout StageTimer, keepSources: Bool = false)
        -> (PreparedSite?, [Diagnostic])
    {
        let root = options.absoluteRoot
        var diagnostics: [Diagnostic] = []
        var (loaded, loadDiagnostics) = ContentLoader(root: root, baseURLOverride: options.baseURL).load(
            consume inputs)
        diagnostics += loadDiagnostics
        timer.lap("load")
        let (theme, themeDiagnostics) = Theme.load(siteRoot: root)
        diagnostics += themeDiagnostics
        guard let sources = loaded.take(), let theme else { return (nil, diagnostics) }
        let kept = keepSources ? sources : nil
        var (resolved, resolveDiagnostics) = SiteResolver(includeDrafts: options.drafts).resolve(
            consume sources)
        diagnostics += resolveDiagnostics
        guard var model = resolved.take() else { return (nil, diagnostics) }
        timer.lap("resolve")
        let links = LinkResolver.forSite(model, basePath: model.config.basePath)
        let absoluteLinks = links.rebased(model.config.absoluteBase)
        let bodies = RenderedBodies.render(
            &model, resolver: links, absolute: absoluteLinks, recordLinks: options.checkLinks,
            dropEntrySources: true)
        diagnostics += bodies.diagnostics
        timer.lap("markdown")
        if diagnostics.fails(strict: options.strict) { return (nil, diagnostics) }
        let index = SiteIndex(model: model)
        timer.lap("index")
        let renderer = SiteRenderer(model: model, index: index, theme: theme, bodies: bodies)
        let jobs = PageJob.plan(model: model, theme: theme)
        timer.lap("contexts")
        let prepared = PreparedSite(
            model: model, theme: theme, bodies: bodies, index: index, renderer: renderer, jobs: jobs,
            links: links, absoluteLinks: absoluteLinks, loadDiagnostics: loadDiagnostics, sources: kept,
            themeDiagnostics: themeDiagnostics,
            resolveDiagnostics: resolveDiagnostics)
        return (prepared, diagnostics)
    }
}
