import BriefKit
import Foundation

/// One complete build held in memory: every output file by its path in the site, as
/// `brief build` would write it. `serve` never writes `Site/`.
public struct PreviewSite: Sendable {
    public let files: [String: OutputFile]
    public let summary: BuildSummary
    /// The real path of the site root: media and static files are served only from inside it.
    public let sourceRoot: String

    /// The bytes of a file; media and static files are read from their source when asked for,
    /// and only while it still lies inside the site (`ConfinedFile`).
    public func data(at path: String) -> Data? {
        guard let file = files[path] else { return nil }
        switch file.content {
        case .bytes(let data): return data
        case .copy(let source): return ConfinedFile.read(source, within: sourceRoot)
        }
    }
}

/// Builds a site into memory with the same pipeline as `brief build`, then rebuilds only
/// what each change affects (`SiteSession`).
public final class PreviewBuilder: @unchecked Sendable {
    public let siteRoot: String
    public let drafts: Bool
    private let session: SiteSession

    public init(siteRoot: String, drafts: Bool) {
        self.siteRoot = siteRoot
        self.drafts = drafts
        self.session = SiteSession(siteRoot: siteRoot, drafts: drafts)
    }

    /// The new site, or the diagnostics that stopped it (with the build's warnings either
    /// way). `changed` are the paths (relative to the site root) changed since the last call;
    /// nil rebuilds everything.
    public func build(changed: [String]? = nil) -> (
        site: PreviewSite?, diagnostics: [Diagnostic], basePath: String?, outcome: SiteSession.Outcome
    ) {
        let outcome = session.rebuild(changed: changed)
        guard let files = outcome.files, let summary = outcome.summary else {
            return (nil, outcome.diagnostics, nil, outcome)
        }
        let basePath = Self.basePath(siteRoot: siteRoot)
        let site = PreviewSite(files: files, summary: summary, sourceRoot: ConfinedFile.root(of: siteRoot))
        return (site, outcome.diagnostics, basePath, outcome)
    }

    static func basePath(siteRoot: String) -> String? {
        SiteConfigLoader.loadLeniently(siteRoot: siteRoot)?.basePath
    }
}
