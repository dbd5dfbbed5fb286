import Foundation

/// Every file a build reads — `site.yml`, `Content/**`, `Templates/**` — read once, on all
/// cores, with a content hash each. The loader parses from these bytes; the build cache keys
/// on the hashes (never on modification times).
public struct SiteInputs: Sendable {
    /// One input file. Text (`.md`, `.yml`, `.mustache`) keeps its bytes for parsing; other
    /// files (media, static, assets) keep only their hash: they are copied at write time.
    public struct File: Sendable {
        public var relativePath: String
        public var absolutePath: String
        public var data: Data?
        public var hash: ContentHash
    }

    public var content: [File]
    public var templates: [File]
    /// `site.yml`, when it could be read.
    public var config: File?
    /// Problems met while walking and reading `Content/` (symlinks leading outside, loops…).
    public var diagnostics: [Diagnostic]
    /// Problems met while walking `Templates/`, which the theme reports when it loads.
    public var templateDiagnostics: [Diagnostic] = []

    /// Reads the site at `root`; missing folders are simply empty.
    public static func read(root: String) -> SiteInputs {
        var diagnostics: [Diagnostic] = []
        var templateDiagnostics: [Diagnostic] = []
        let walker = ContentWalker(siteRoot: root)
        var content: [ContentWalker.File] = []
        var templates: [ContentWalker.File] = []
        if FileManager.default.fileExists(atPath: root + "/Content") {
            content = walker.files(in: "Content", diagnostics: &diagnostics)
        }
        if FileManager.default.fileExists(atPath: root + "/Templates") {
            templates = walker.files(in: "Templates", diagnostics: &templateDiagnostics)
        }
        let config = ContentWalker.File(relativePath: "site.yml", absolutePath: root + "/site.yml")
        let all = [config] + content + templates
        let results = all.parallelMap { file -> (file: File?, errno: Int32) in
            let (data, failure) = FileBytes.readReportingError(file.absolutePath)
            guard let data else { return (nil, failure) }
            let keep = [".md", ".yml", ".mustache"].contains { file.relativePath.hasSuffix($0) }
            let read = File(
                relativePath: file.relativePath, absolutePath: file.absolutePath, data: keep ? data : nil,
                hash: ContentHash(data))
            return (read, 0)
        }
        let read = results.map(\.file)
        var unreadable: [Diagnostic] = []
        for (file, result) in zip(content, results[1..<1 + content.count]) where result.file == nil {
            unreadable.append(
                .error(
                    SourceLocation(path: file.relativePath),
                    "cannot read file: \(FileBytes.reason(result.errno))"))
        }
        // A site.yml that exists but cannot be read is reported as such, not as missing.
        if read[0] == nil && results[0].errno != ENOENT {
            unreadable.append(
                .error(
                    SourceLocation(path: "site.yml"),
                    "cannot read file: \(FileBytes.reason(results[0].errno))"))
        }
        return SiteInputs(
            content: read[1..<1 + content.count].compactMap { $0 },
            templates: read[(1 + content.count)...].compactMap { $0 },
            config: read[0],
            diagnostics: diagnostics + unreadable, templateDiagnostics: templateDiagnostics)
    }
}
