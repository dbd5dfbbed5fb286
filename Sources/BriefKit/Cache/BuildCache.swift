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
    public struct RecordedInput: Sendable {
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
        // Each is made in a scratch array, least significant digit last, and appended as one
        // slice (a copy), instead of digit by digit.
        var scratch = [UInt8](repeating: 0, count: 20)
        func number(_ value: some BinaryInteger) {
            if value < 0 { text.append(UInt8(ascii: "-")) }
            var rest = UInt64(value.magnitude)
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            text.append(contentsOf: scratch[start...])
            text.append(UInt8(ascii: " "))
        }
        let digits = Array("0123456789abcdef".utf8)
        func hex(_ hash: UInt64) {
            for i in 0..<16 { scratch[i] = digits[Int((hash >> UInt64(60 - 4 * i)) & 15)] }
            scratch[16] = UInt8(ascii: " ")
            text.append(contentsOf: scratch[..<17])
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
        try? Data(adopting: text).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Forgets the record (before the output folder changes).
    public func invalidate() {
        unlink(path)
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
