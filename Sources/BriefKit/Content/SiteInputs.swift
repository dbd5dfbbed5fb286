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
        readReportingError(path).data
    }

    /// The bytes, or nil and the `errno` that stopped the read (EISDIR/EINVAL for a path that
    /// is not a regular file).
    static func readReportingError(_ path: String) -> (data: Data?, errno: Int32) {
        // O_NONBLOCK: a FIFO put where a file was expected must not hang the build.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return (nil, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return (nil, errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return (nil, EINVAL) }
        return (readOpen(fd, size: Int(info.st_size)), errno)
    }

    /// What `errno` means for a file that could not be read, in words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case EMFILE, ENFILE:
            "too many files are open (\(String(cString: strerror(code)))); raise the limit (ulimit -n) or close what holds them"
        case EINVAL: "it is not a regular file"
        default: String(cString: strerror(code))
        }
    }

    private static func readOpen(_ fd: Int32, size: Int) -> Data? {
        var data = Data(count: size)
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
