import Foundation

/// Every file a build reads — `site.yml`, `Content/**`, `Templates/**` — read once, on all
/// cores, with a content hash each. The loader parses from these bytes; the build cache keys
/// on the hashes (never on modification times).
public struct SiteInputs: Sendable {
    /// One input file. Text (`.md`, `.yml`, `.mustache`) keeps its bytes for parsing; other
    /// files (media, static, assets) keep only their hash: they are copied at write time. A
    /// briefing whose parse the build cache kept is not read at all (`read(_:known:)`): it has
    /// the hash and stamp the cache knew, and no bytes.
    public struct File: Sendable {
        public var relativePath: String
        public var absolutePath: String
        public var data: Data?
        public var hash: ContentHash
        /// The file as `fstat` saw it just before it was read (nil when not read from disk).
        public var stamp: InputStamp? = nil
    }

    public var content: [File]
    public var templates: [File]
    /// `site.yml`, when it could be read.
    public var config: File?
    /// Problems met while walking and reading `Content/` (symlinks leading outside, loops…).
    public var diagnostics: [Diagnostic]
    /// Problems met while walking `Templates/`, which the theme reports when it loads.
    public var templateDiagnostics: [Diagnostic] = []

    /// The bytes of the briefings' files (front matter and body): what makes a site large. A
    /// file not read counts the size its stamp holds.
    public var briefingBytes: Int {
        content.reduce(0) { total, file in
            total + (Self.isBriefing(file.relativePath) ? file.data?.count ?? Int(file.stamp?.size ?? 0) : 0)
        }
    }

    /// Whether a site-relative path is a briefing's file: Markdown under `Content/briefings/`.
    static func isBriefing(_ path: String) -> Bool {
        path.hasPrefix("Content/briefings/") && path.hasSuffix(".md")
    }

    /// The files of a site, found but not read: `site.yml` first, then `Content/`, then
    /// `Templates/`.
    public struct Listing: Sendable {
        var files: [ContentWalker.File]
        var contentCount: Int
        var diagnostics: [Diagnostic]
        var templateDiagnostics: [Diagnostic]
    }

    /// Finds the files of the site at `root`; missing folders are simply empty.
    public static func list(root: String) -> Listing {
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
        return Listing(
            files: [config] + content + templates, contentCount: content.count, diagnostics: diagnostics,
            templateDiagnostics: templateDiagnostics)
    }

    /// Reads the site at `root`; missing folders are simply empty.
    public static func read(root: String) -> SiteInputs {
        read(list(root: root))
    }

    /// Reads the files of `listing`; a file `known` gives a hash and stamp for (by its place in
    /// `listing.files`) is not read: it has those, and no bytes.
    public static func read(
        _ listing: Listing, known: [(hash: ContentHash, stamp: InputStamp)?] = []
    ) -> SiteInputs {
        let (all, diagnostics, templateDiagnostics) = (
            listing.files, listing.diagnostics, listing.templateDiagnostics
        )
        let content = all[1..<1 + listing.contentCount]
        let results = all.indices.parallelMap { place -> (file: File?, errno: Int32) in
            let file = all[place]
            if place < known.count, let (hash, stamp) = known[place] {
                let unread = File(
                    relativePath: file.relativePath, absolutePath: file.absolutePath, data: nil, hash: hash,
                    stamp: stamp)
                return (unread, 0)
            }
            let (data, info, failure) = FileBytes.readWithInfo(file.absolutePath)
            guard let data else { return (nil, failure) }
            let keep = [".md", ".yml", ".mustache"].contains { file.relativePath.hasSuffix($0) }
            let read = File(
                relativePath: file.relativePath, absolutePath: file.absolutePath, data: keep ? data : nil,
                hash: ContentHash(data), stamp: InputStamp(info))
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
            content: read[1..<1 + listing.contentCount].compactMap { $0 },
            templates: read[(1 + listing.contentCount)...].compactMap { $0 },
            config: read[0],
            diagnostics: diagnostics + unreadable, templateDiagnostics: templateDiagnostics)
    }
}

/// An input file's identity on disk — size, inode, modification and change times — when a
/// build read it. A later build whose file has the same stamp takes the content hash the
/// build cache recorded instead of reading the file again (`SiteInputs.key(of:recorded:options:time:)`).
public struct InputStamp: Sendable, Equatable {
    var size: Int64
    var inode: UInt64
    var modified: Int
    var modifiedNanoseconds: Int
    var changed: Int
    var changedNanoseconds: Int

    /// This stamp, unless the file was written within the clock's resolution of `time` (when
    /// it was read, in seconds): its stamp then cannot tell an edit made just after the read.
    func trusted(at time: Int) -> InputStamp? { modified >= time - 1 ? nil : self }
}

extension InputStamp {
    /// What `stat` said of the file.
    init(_ info: stat) {
        self.init(
            size: Int64(info.st_size), inode: UInt64(info.st_ino), modified: info.st_mtim.tv_sec,
            modifiedNanoseconds: info.st_mtim.tv_nsec, changed: info.st_ctim.tv_sec,
            changedNanoseconds: info.st_ctim.tv_nsec)
    }
}
