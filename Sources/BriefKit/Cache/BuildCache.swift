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
    public struct RecordedInput: Sendable {
        public var path: String
        public var stamp: InputStamp?
        public var hash: UInt64
        /// `BodyEdits.frontMatterHash` of a briefing's bytes; 0 for other files.
        public var frontMatter: UInt64 = 0
        /// The briefing's `BodyCache.key`; 0 when not kept.
        public var bodyKey: UInt64 = 0
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
    }

    public func load() -> Record? {
        guard let data = FileBytes.read(path) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Record? in
            var reader = LineReader(bytes: raw.bindMemory(to: UInt8.self))
            func text(_ line: UnsafeBufferPointer<UInt8>?) -> String? {
                line.map { String(decoding: $0, as: UTF8.self) }
            }
            guard text(reader.line()) == "brief-build-cache 5",
                let keyLine = text(reader.line()), keyLine.hasPrefix("key "),
                let key = ContentHash(hex: keyLine.dropFirst(4)),
                let summaryLine = reader.line(),
                let summary = try? JSONDecoder().decode(BuildSummary.self, from: Data(summaryLine)),
                let diagnosticsLine = reader.line(),
                let diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(diagnosticsLine))
            else { return nil }
            guard let countLine = text(reader.line()), countLine.hasPrefix("inputs "),
                let inputCount = Int(countLine.dropFirst(7))
            else { return nil }
            var inputs: [RecordedInput] = []
            for _ in 0..<inputCount {
                guard let line = reader.line() else { return nil }
                var fields = FieldReader(bytes: line)
                guard let size = fields.signed(), let inode = fields.number(), let modified = fields.number(),
                    let modifiedNanoseconds = fields.number(), let changed = fields.number(),
                    let changedNanoseconds = fields.number(), let hash = fields.hex(),
                    let frontMatter = fields.hex(), let bodyKey = fields.hex(), !fields.rest.isEmpty
                else { return nil }
                let stamp =
                    size < 0
                    ? nil
                    : InputStamp(
                        size: Int64(size), inode: UInt64(inode), modified: modified,
                        modifiedNanoseconds: modifiedNanoseconds, changed: changed,
                        changedNanoseconds: changedNanoseconds)
                inputs.append(
                    RecordedInput(
                        path: String(decoding: fields.rest, as: UTF8.self), stamp: stamp, hash: hash,
                        frontMatter: frontMatter, bodyKey: bodyKey))
            }
            guard let folderLine = text(reader.line()), folderLine.hasPrefix("folders "),
                let folderCount = Int(folderLine.dropFirst(8))
            else { return nil }
            var folders: [Stamp] = []
            for _ in 0..<folderCount {
                guard let line = reader.line(),
                    let (folder, _) = FieldReader(bytes: line).stamp(hashed: false)
                else { return nil }
                folders.append(folder)
            }
            var files: [Stamp] = []
            var hashes: [UInt64] = []
            while let line = reader.line() {
                guard let (file, hash) = FieldReader(bytes: line).stamp(hashed: true) else { return nil }
                files.append(file)
                hashes.append(hash)
            }
            return Record(
                key: key, diagnostics: diagnostics, summary: summary, inputs: inputs, folders: folders,
                files: files, hashes: hashes)
        }
    }

    /// Writes the record atomically; a cache that cannot be written only costs the next build time.
    public func save(_ record: Record) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let summary = try? encoder.encode(record.summary),
            let diagnostics = try? encoder.encode(record.diagnostics)
        else { return }
        var text: [UInt8] = []
        text.reserveCapacity(record.files.count * 96 + summary.count + diagnostics.count + 64)
        text += "brief-build-cache 5\nkey \(record.key)\n".utf8
        text += summary
        text.append(UInt8(ascii: "\n"))
        text += diagnostics
        text.append(UInt8(ascii: "\n"))
        // Digits written straight into the bytes: a record has hundreds of thousands of numbers.
        var reversed: [UInt8] = []
        func number(_ value: some BinaryInteger) {
            if value < 0 { text.append(UInt8(ascii: "-")) }
            var rest = UInt64(value.magnitude)
            reversed.removeAll(keepingCapacity: true)
            repeat {
                reversed.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            text.append(contentsOf: reversed.reversed())
            text.append(UInt8(ascii: " "))
        }
        let digits = Array("0123456789abcdef".utf8)
        func hex(_ hash: UInt64) {
            for shift in stride(from: 60, through: 0, by: -4) {
                text.append(digits[Int((hash >> UInt64(shift)) & 15)])
            }
            text.append(UInt8(ascii: " "))
        }
        text += "inputs \(record.inputs.count)\n".utf8
        for input in record.inputs {
            if let stamp = input.stamp {
                number(stamp.size)
                number(stamp.inode)
                number(stamp.modified)
                number(stamp.modifiedNanoseconds)
                number(stamp.changed)
                number(stamp.changedNanoseconds)
            } else {
                text += "-1 0 0 0 0 0 ".utf8
            }
            hex(input.hash)
            hex(input.frontMatter)
            hex(input.bodyKey)
            text += input.path.utf8
            text.append(UInt8(ascii: "\n"))
        }
        /// "size inode seconds nanoseconds [hash] path", as `FieldReader.stamp` reads it.
        func line(_ stamp: Stamp, hash: UInt64?) {
            number(stamp.size)
            number(stamp.inode)
            number(stamp.seconds)
            number(stamp.nanoseconds)
            if let hash { hex(hash) }
            text += stamp.path.utf8
            text.append(UInt8(ascii: "\n"))
        }
        text += "folders \(record.folders.count)\n".utf8
        for stamp in record.folders { line(stamp, hash: nil) }
        for (stamp, hash) in zip(record.files, record.hashes) { line(stamp, hash: hash) }
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(text).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Forgets the record (before the output folder changes).
    public func invalidate() {
        unlink(path)
    }

    /// The stamps of every file under `folder` (the marker aside), sorted by path; nil when
    /// the folder cannot be read.
    public static func stamps(of folder: String) -> [Stamp]? { tree(of: folder)?.files }

    /// The stamps of every file under `folder` (the marker aside) and of every folder ("." for
    /// `folder` itself), each sorted by path; nil when the folder cannot be read. Folders are
    /// read through descriptors, so each stat is one name lookup, not a whole path.
    static func tree(of folder: String) -> (files: [Stamp], folders: [Stamp])? {
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        defer { close(root) }
        var info = stat()
        guard fstat(root, &info) == 0 else { return nil }
        // Level by level, each level's folders on all cores: a 10k site has 10,000 of them.
        var stamps: [Stamp] = []
        var folders = [Stamp(path: ".", info)]
        var level = [""]
        while !level.isEmpty {
            let listed = level.parallelMap { list(root, $0) }
            level = []
            for result in listed {
                guard let (files, found) = result else { return nil }
                stamps += files
                folders += found
                level += found.map(\.path)
            }
        }
        return (stamps.sorted(by: Stamp.byPath), folders.sorted(by: Stamp.byPath))
    }

    /// True when every file and folder `record` stamped in `folder` still has its stamp, and
    /// the marker is there: nothing was written, added or removed since. Each is looked up by
    /// its path from the folder's descriptor, without listing any folder.
    static func verify(_ record: Record, in folder: String) -> Bool {
        guard !record.folders.isEmpty, record.hashes.count == record.files.count else { return false }
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return false }
        defer { close(root) }
        var marker = stat()
        guard fstatat(root, SiteWriter.marker, &marker, AT_SYMLINK_NOFOLLOW) == 0,
            (marker.st_mode & S_IFMT) == S_IFREG
        else { return false }
        func holds(_ stamp: Stamp, _ kind: mode_t) -> Bool {
            var info = stat()
            let found =
                stamp.path == "." ? fstat(root, &info) : fstatat(root, stamp.path, &info, AT_SYMLINK_NOFOLLOW)
            return found == 0 && (info.st_mode & S_IFMT) == kind && Stamp(path: stamp.path, info) == stamp
        }
        // In pieces of 1,024 on all cores.
        let pieces = stride(from: 0, to: record.files.count + record.folders.count, by: 1024).map { $0 }
        return pieces.parallelMap { start -> Bool in
            let end = min(start + 1024, record.files.count + record.folders.count)
            return (start..<end).allSatisfy { i in
                i < record.files.count
                    ? holds(record.files[i], S_IFREG) : holds(record.folders[i - record.files.count], S_IFDIR)
            }
        }.allSatisfy { $0 }
    }

    /// The files and folders of `record` after the files at `removed` went and the files at
    /// `written` were (re)written in `folder`: only those and the folders above them are looked
    /// at again. Nil when a written file cannot be stamped.
    static func restamped(_ record: Record, removed: [String], written: [String], in folder: String)
        -> (files: [Stamp], folders: [Stamp])?
    {
        var files: [String: Stamp?] = Dictionary(removed.map { ($0, nil) }, uniquingKeysWith: { a, _ in a })
        for path in written {
            var info = stat()
            guard lstat(folder + "/" + path, &info) == 0 else { return nil }
            files[path] = Stamp(path: path, info)
        }
        var touched = SiteWriter.withParents((removed + written).map(SiteWriter.folder(of:)))
        touched.insert(".")
        var folders: [String: Stamp?] = [:]
        for path in touched {
            var info = stat()
            let found =
                lstat(path == "." ? folder : folder + "/" + path, &info) == 0
                && (info.st_mode & S_IFMT) == S_IFDIR
            folders[path] = found ? Stamp(path: path, info) : nil
        }
        return (merging(files, into: record.files), merging(folders, into: record.folders))
    }

    /// `stamps` (in path order) with `changes` made: a path mapped to nil is removed, any other
    /// is replaced or added in its place. Only the changes are sorted.
    private static func merging(_ changes: [String: Stamp?], into stamps: [Stamp]) -> [Stamp] {
        guard !changes.isEmpty else { return stamps }
        var result: [Stamp] = []
        result.reserveCapacity(stamps.count + changes.count)
        var seen = Set<String>()
        for stamp in stamps {
            guard let change = changes[stamp.path] else {
                result.append(stamp)
                continue
            }
            seen.insert(stamp.path)
            if let replaced = change { result.append(replaced) }
        }
        let added = changes.compactMap { seen.contains($0.key) ? nil : $0.value }.sorted(by: Stamp.byPath)
        guard !added.isEmpty else { return result }
        // Two sorted lists into one.
        var merged: [Stamp] = []
        merged.reserveCapacity(result.count + added.count)
        var (i, j) = (0, 0)
        while i < result.count || j < added.count {
            if j == added.count || (i < result.count && Stamp.byPath(result[i], added[j])) {
                merged.append(result[i])
                i += 1
            } else {
                merged.append(added[j])
                j += 1
            }
        }
        return merged
    }

    /// The files and the folders (stamped) directly in `relative` under the folder `root`.
    private static func list(_ root: Int32, _ relative: String) -> ([Stamp], [Stamp])? {
        let fd = relative.isEmpty ? dup(root) : openat(root, relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard let directory = fdopendir(fd) else {
            close(fd)
            return nil
        }
        defer { closedir(directory) }
        let prefix = relative.isEmpty ? "" : relative + "/"
        var files: [Stamp] = []
        var folders: [Stamp] = []
        for name in DirectoryNames.read(directory) {
            if relative.isEmpty && name == SiteWriter.marker { continue }
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(Stamp(path: prefix + name, info))
            } else {
                files.append(Stamp(path: prefix + name, info))
            }
        }
        return (files, folders)
    }
}

/// Lines of a byte buffer, without copying.
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func line() -> UnsafeBufferPointer<UInt8>? {
        guard position < bytes.count else { return nil }
        var end = position
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[position..<end])
        position = end + 1
        return line
    }
}

/// Space-separated decimal numbers, then the rest of the line.
private struct FieldReader {
    var rest: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) { rest = bytes }

    mutating func number() -> Int? {
        var value = 0
        var digits = 0
        var index = 0
        while index < rest.count, rest[index] >= UInt8(ascii: "0"), rest[index] <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int(rest[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0, index < rest.count, rest[index] == UInt8(ascii: " ") else { return nil }
        rest = UnsafeBufferPointer(rebasing: rest[(index + 1)...])
        return value
    }

    /// A stamp line: "size inode seconds nanoseconds path", with the file's hash before the
    /// path when `hashed` (0 when not).
    func stamp(hashed: Bool) -> (BuildCache.Stamp, UInt64)? {
        var fields = self
        guard let size = fields.number(), let inode = fields.number(), let seconds = fields.number(),
            let nanoseconds = fields.number()
        else { return nil }
        let hash = hashed ? fields.hex() : 0
        guard let hash, !fields.rest.isEmpty else { return nil }
        let stamp = BuildCache.Stamp(
            path: String(decoding: fields.rest, as: UTF8.self), size: Int64(size), inode: UInt64(inode),
            seconds: seconds, nanoseconds: nanoseconds)
        return (stamp, hash)
    }

    /// A number that may be negative.
    mutating func signed() -> Int? {
        guard rest.first == UInt8(ascii: "-") else { return number() }
        rest = UnsafeBufferPointer(rebasing: rest[1...])
        return number().map { -$0 }
    }

    /// Sixteen hex digits (lowercase) and a space.
    mutating func hex() -> UInt64? {
        guard rest.count > 16, rest[16] == UInt8(ascii: " ") else { return nil }
        var value: UInt64 = 0
        var invalid: UInt8 = 0
        for index in 0..<16 {
            let digit = Self.hexDigits[Int(rest[index])]
            invalid |= digit
            value = value << 4 | UInt64(digit & 15)
        }
        guard invalid & 16 == 0 else { return nil }
        rest = UnsafeBufferPointer(rebasing: rest[17...])
        return value
    }

    /// Each byte's value as a lowercase hex digit, or 16 when it is not one.
    private static let hexDigits: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 16
        }
    }
}

extension BuildCache.Stamp {
    /// What `lstat` said of a file or folder at `path`.
    init(path: String, _ info: stat) {
        self.init(
            path: path, size: Int64(info.st_size), inode: UInt64(info.st_ino), seconds: info.st_mtim.tv_sec,
            nanoseconds: info.st_mtim.tv_nsec)
    }
}
