import Foundation

/// What the last successful build of one site into one output folder produced, kept outside
/// the output folder (in `$BRIEF_CACHE_DIR`, else `$XDG_CACHE_HOME/brief`, else
/// `~/.cache/brief`). When the next build has the same key — same brief binary, same options,
/// same content hashes of every input — and the output folder is exactly as that build left
/// it, there is nothing to do. Otherwise the content hash of every file it wrote tells the next
/// build which files it need not write again (`OutputState`).
public struct BuildCache: Sendable {
    /// The record file for this site and output folder.
    public let path: String

    /// The cache for building `siteRoot` into `outputPath` (both absolute).
    public init(siteRoot: String, outputPath: String) {
        self.path = Self.folder() + "/" + ContentHash(siteRoot + "\u{0}" + outputPath).description + ".record"
    }

    /// The Markdown outputs of the last build of this site into this folder.
    var bodies: BodyCache { BodyCache(path: String(path.dropLast(".record".count)) + ".bodies") }

    /// What each page of the last builds of this site into this folder was rendered from.
    var pageFingerprints: PageFingerprints { PageFingerprints(path: bodies.path + "/pages") }

    /// The briefings' front matter as the last builds of this site into this folder parsed it.
    var parses: ParsedBriefingsCache { ParsedBriefingsCache(path: bodies.path + "/sources") }

    /// The related briefings of every briefing as the last build of this site into this folder
    /// ranked them.
    var related: RelatedEntriesCache { RelatedEntriesCache(path: bodies.path + "/related") }

    /// The search words of the last build of this site into this folder.
    var searchWords: SearchWordsCache { SearchWordsCache(path: bodies.path + "/words") }

    /// The site model the last build of this site into this folder resolved.
    var model: ResolvedModelCache { ResolvedModelCache(path: bodies.path + "/model") }

    public static func folder() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["BRIEF_CACHE_DIR"], !folder.isEmpty { return folder }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty { return folder + "/brief" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/brief"
    }

    /// One file of the output as the build left it. Size, inode and modification time (not the
    /// change time, which a publish's hard links to the file move) tell whether
    /// anything touched it since; they never decide what to rebuild (content hashes do).
    public struct Stamp: Sendable, Equatable {
        public var path: String
        var size: Int64
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int

        /// Stamps in path order (bytewise), as records keep them.
        static func byPath(_ a: Stamp, _ b: Stamp) -> Bool {
            a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
        }
    }

    /// One input file as a build read it: its stamp (nil when it may have changed within the
    /// clock's resolution of the read, so it is always read again) and content hash; for a
    /// briefing, the hash of its front matter and the key of its Markdown output in the body
    /// cache (`BodyEdits` tells an edit of the body alone by them).
    public struct RecordedInput: Sendable, Equatable {
        public var path: String
        public var stamp: InputStamp?
        public var hash: UInt64
        /// `BodyEdits.frontMatterHash` of a briefing's bytes; 0 for other files.
        public var frontMatter: UInt64 = 0
        /// The briefing's `BodyCache.key`; 0 when not kept.
        public var bodyKey: UInt64 = 0

        /// Takes what `known` (the record's entry for this path) says of the file's parts, its
        /// front-matter hash and body key, when the file's bytes are the ones it recorded: read
        /// again but as before, they stand. True when it took them.
        @discardableResult
        mutating func takeParts(from known: RecordedInput?) -> Bool {
            guard let known, known.hash == hash else { return false }
            frontMatter = known.frontMatter
            bodyKey = known.bodyKey
            return true
        }
    }

    /// A successful build: its key, what it printed, the inputs it read, and the files it left
    /// with the content hash of each (`hashes[i]` is the hash of `files[i]`).
    public struct Record: Sendable {
        public var key: ContentHash
        public var diagnostics: [Diagnostic]
        public var summary: BuildSummary
        public var inputs: [RecordedInput] = []
        /// Every folder of the output ("." for the output folder itself): a file added or
        /// removed changes its folder's modification time.
        public var folders: [Stamp] = []
        public var files: [Stamp]
        public var hashes: [UInt64]
        /// The record file this record was read from or written to, named by the number its
        /// first line ends with (0: none): its journal names it too (`BuildCache+Journal`).
        var nonce: UInt64 = 0
        /// What the journal changed in that file, by place.
        var journal = Journal()
    }

    /// The record of the last build, with its journal's changes made, or nil when there is
    /// none, it is damaged, or its journal says a build was writing the output.
    public func load() -> Record? {
        guard let data = FileBytes.read(path) else { return nil }
        let record = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Record? in
            var reader = LineReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let first = reader.text(), first.hasPrefix(Self.format + " "),
                let nonce = UInt64(first.dropFirst(Self.format.count + 1), radix: 16),
                let (key, summary, diagnostics) = reader.outcome()
            else { return nil }
            guard let inputCount = reader.count("inputs") else { return nil }
            var inputs: [RecordedInput] = []
            inputs.reserveCapacity(inputCount)
            for _ in 0..<inputCount {
                guard let line = reader.line(), let input = FieldReader(bytes: line).input() else {
                    return nil
                }
                inputs.append(input)
            }
            guard let folderCount = reader.count("folders") else { return nil }
            var folders: [Stamp] = []
            for _ in 0..<folderCount {
                guard let line = reader.line(),
                    let (folder, _) = FieldReader(bytes: line).stamp(hashed: false)
                else { return nil }
                folders.append(folder)
            }
            // As many files as the record says, and nothing after them: a record cut short
            // within a file's path is no record.
            guard let fileCount = reader.count("files") else { return nil }
            var files: [Stamp] = []
            var hashes: [UInt64] = []
            files.reserveCapacity(fileCount)
            hashes.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                guard let line = reader.line(),
                    let (file, hash) = FieldReader(bytes: line).stamp(hashed: true)
                else { return nil }
                files.append(file)
                hashes.append(hash)
            }
            guard reader.line() == nil else { return nil }
            return Record(
                key: key, diagnostics: diagnostics, summary: summary, inputs: inputs, folders: folders,
                files: files, hashes: hashes, nonce: nonce)
        }
        guard var record else { return nil }
        return applyingJournal(to: &record) ? record : nil
    }

    /// The first line of a record file, before its number.
    static let format = "brief-build-cache 7"

    /// Keeps `record`: as changes to the record file `previous` was read from, in its journal,
    /// when they are few and every input and output file is where that file has it; else as a
    /// new record file. A cache that cannot be written only costs the next build time.
    public func save(_ record: Record, over previous: Record? = nil) {
        if let previous, let journal = Journal(from: previous, to: record),
            writeJournal(journal, of: record, nonce: previous.nonce)
        {
            return
        }
        var text = RecordWriter()
        let nonce = UInt64.random(in: 1...UInt64.max)
        text.bytes.reserveCapacity(record.files.count * 96 + record.inputs.count * 128 + 4_096)
        text.append("\(Self.format) \(String(nonce, radix: 16))\n")
        guard text.outcome(of: record) else { return }
        text.append("inputs \(record.inputs.count)\n")
        for input in record.inputs { text.input(input) }
        text.append("folders \(record.folders.count)\n")
        for stamp in record.folders { text.stamp(stamp, hash: nil) }
        text.append("files \(record.files.count)\n")
        for (stamp, hash) in zip(record.files, record.hashes) { text.stamp(stamp, hash: hash) }
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(adopting: text.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        // A journal of the file replaced names another number: it is not read; it goes.
        unlink(journalPath)
    }

    /// Makes the record of the last build (`previous`, as read) unreadable before the output
    /// folder changes: its journal says a build is writing the output, so a build killed from
    /// here on leaves no record, and the next reads the output folder. Without a journal to
    /// write, the record file goes.
    public func invalidate(_ previous: Record?) {
        guard let previous, previous.nonce != 0, writeOpenJournal(nonce: previous.nonce) else {
            unlink(path)
            unlink(journalPath)
            return
        }
    }
}
