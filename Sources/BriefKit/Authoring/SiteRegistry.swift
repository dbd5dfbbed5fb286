/// Loads a site's registry for the authoring commands: the resolved model of `brief new` and
/// `brief import`, drafts included, or the diagnostics that stop it.
public enum SiteRegistry {
    public static func load(siteRoot: String) -> (SiteModel?, [Diagnostic]) {
        let options = BuildOptions(siteRoot: siteRoot)
        let (sources, loadDiagnostics) = ContentLoader(root: options.absoluteRoot).load()
        guard let sources else { return (nil, loadDiagnostics) }
        let (model, resolveDiagnostics) = SiteResolver(includeDrafts: true).resolve(sources)
        return (model, loadDiagnostics + resolveDiagnostics)
    }
}
