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

    /// Reads the site at `root`; missing folders are simply empty.
    public static func read(root: String) -> SiteInputs {
        var diagnostics: [Diagnostic] = []
        let walker = ContentWalker(siteRoot: root)
        var content: [ContentWalker.File] = []
        var templates: [ContentWalker.File] = []
        if FileManager.default.fileExists(atPath: root + "/Content") {
            content = walker.files(in: "Content", diagnostics: &diagnostics)
        }
        if FileManager.default.fileExists(atPath: root + "/Templates") {
            // The theme reports problems under Templates/ itself, when it loads.
            var ignored: [Diagnostic] = []
            templates = walker.files(in: "Templates", diagnostics: &ignored)
        }
        let config = ContentWalker.File(relativePath: "site.yml", absolutePath: root + "/site.yml")
        let all = [config] + content + templates
        let read = all.parallelMap { file -> File? in
            guard let data = FileBytes.read(file.absolutePath) else { return nil }
            let keep = [".md", ".yml", ".mustache"].contains { file.relativePath.hasSuffix($0) }
            return File(
                relativePath: file.relativePath, absolutePath: file.absolutePath, data: keep ? data : nil,
                hash: ContentHash(data))
        }
        var unreadable: [Diagnostic] = []
        for (file, result) in zip(content, read[1..<1 + content.count]) where result == nil {
            unreadable.append(.error(SourceLocation(path: file.relativePath), "cannot read file"))
        }
        return SiteInputs(
            content: read[1..<1 + content.count].compactMap { $0 },
            templates: read[(1 + content.count)...].compactMap { $0 },
            config: read[0],
            diagnostics: diagnostics + unreadable)
    }

    /// The build key: brief's own identity, the options that shape output, and every input's
    /// path and content hash. Equal keys mean byte-identical output.
    public func key(options: BuildOptions) -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(BriefVersion.identity)
        hasher.combine("drafts=\(options.drafts) strict=\(options.strict) links=\(options.checkLinks)")
        hasher.combine("base-url=\(options.baseURL ?? "")")
        for file in [config].compactMap({ $0 }) + content + templates {
            hasher.combine(file.relativePath)
            hasher.combine(file.hash)
        }
        return hasher.finalize()
    }
}

/// Whole-file reads with plain POSIX calls (FileManager's are several times slower per file).
enum FileBytes {
    static func read(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n == 0 }
                total += n
            }
            return true
        }
        guard ok else { return nil }
        // A file that shrank while being read: keep what is there.
        if total < data.count { data.removeSubrange(total...) }
        return data
    }
}
