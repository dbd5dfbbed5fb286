import BriefKit
import Foundation

/// One complete build held in memory: every output file by its path in the site, as
/// `brief build` would write it. `serve` never writes `Site/`.
public struct PreviewSite: Sendable {
    public let files: [String: OutputFile]
    public let summary: BuildSummary

    /// The bytes of a file; media and static files are read from their source when asked for.
    public func data(at path: String) -> Data? {
        guard let file = files[path] else { return nil }
        switch file.content {
        case .bytes(let data): return data
        case .copy(let source): return FileManager.default.contents(atPath: source)
        }
    }
}

/// Builds a site into memory with the same pipeline as `brief build`.
public struct PreviewBuilder: Sendable {
    public var siteRoot: String
    public var drafts: Bool

    public init(siteRoot: String, drafts: Bool) {
        self.siteRoot = siteRoot
        self.drafts = drafts
    }

    /// The new site, or the diagnostics that stopped it (with the build's warnings either way).
    public func build() -> (site: PreviewSite?, diagnostics: [Diagnostic], basePath: String?) {
        let collected = FileCollector()
        let options = BuildOptions(siteRoot: siteRoot, drafts: drafts, writes: false)
        let result = SiteBuilder(options: options).build { files in collected.add(files) }
        guard let summary = result.summary else { return (nil, result.printedDiagnostics, nil) }
        let files = collected.files
        let basePath = Self.basePath(siteRoot: siteRoot)
        return (PreviewSite(files: files, summary: summary), result.printedDiagnostics, basePath)
    }

    static func basePath(siteRoot: String) -> String? {
        SiteConfigLoader.loadLeniently(siteRoot: siteRoot)?.basePath
    }
}

/// Gathers the batches the builder renders (called on the builder's thread, one batch at a time).
final class FileCollector: @unchecked Sendable {
    private(set) var files: [String: OutputFile] = [:]

    func add(_ batch: [OutputFile]) {
        for file in batch { files[file.path] = file }
    }
}
