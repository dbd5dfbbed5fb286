import Foundation

/// The Markdown stage's output for every briefing of the last build, kept in the build cache
/// beside its record (`<record>.bodies/`): in a site whose links resolve as before
/// (`SiteSession.linkEnvironment`, titles aside), a briefing whose body, file, first line and
/// listed actors are as before, and whose wikilinks the site answers as before (a linked
/// briefing's title is the only part of the site a body shows that the environment leaves
/// out), renders to the same output, so it is not rendered again — by the same brief: a file
/// names the brief that wrote it, and another's is not read. The outputs are
/// spread over `shardCount` files by key, read on all cores; a build writes again only the
/// files whose set of briefings changed, so an edited body rewrites one file.
struct BodyCache: Sendable {
    /// The cache folder.
    let path: String
    /// The brief whose outputs are taken (this one; another in tests).
    var brief = BriefVersion.identity

    static let shardCount = 64

    /// What each shard file held for this build's link environment when it was read: how many
    /// outputs and the wrapping sum of their keys (keys are hashes, so equal counts and sums
    /// are the same set; a set that only seemed the same would cost a later build time, never
    /// output: each kept output is taken by its key). A build rewrites the files that differ.
    struct Kept: Sendable {
        var shards: [(count: Int, sum: UInt64)]

        static let empty = Kept(shards: Array(repeating: (0, 0), count: BodyCache.shardCount))

        /// The count and sum of `keys`.
        static func summary(_ keys: some Sequence<UInt64>) -> (count: Int, sum: UInt64) {
            keys.reduce((0, 0)) { ($0.0 + 1, $0.1 &+ $1) }
        }
    }

    static func shard(of key: UInt64) -> Int { Int(key % UInt64(shardCount)) }

    /// What an entry's output depends on, besides the link environment (which leaves out
    /// briefings' titles) and the answers to its wikilinks, which the output keeps
    /// (`MarkdownRenderer.Output.lookups`) and the build asks again.
    static func key(of entry: SiteModel.Entry, recordLinks: Bool) -> UInt64 {
        // Numbers as numbers and the body as its hash: a key is made for every briefing of
        // every build that keeps bodies.
        var hasher = ContentHasher()
        hasher.combine(entry.briefing.path)
        for number in [entry.briefing.bodyFirstLine, recordLinks ? 1 : 0, entry.actors.count] + entry.actors {
            hasher.combine(ContentHash(value: UInt64(bitPattern: Int64(number))))
        }
        hasher.combine(entry.briefing.bodyHash)
        return hasher.finalize().value
    }

    /// The outputs one shard file keeps for `environment` (none from a file made for another),
    /// each with its HTML left in the file until it is read (`KeptHTML`); `reads` notes a file
    /// that no longer holds an HTML it listed.
    ///
    /// A file holds the outputs' HTML, then the list of outputs (where each HTML is, its key,
    /// and the rest of the output), then the list's length and hash: only the list is read
    /// here, and checked whole; each HTML is checked against its key when it is read.
    func load(shard: Int, environment: ContentHash, reads: KeptHTML.Reads = KeptHTML.Reads())
        -> [UInt64: MarkdownRenderer.Output]
    {
        guard let file = OpenFile(path: path + "/\(shard)"), file.size >= 16,
            let end = file.read(at: file.size - 16, count: 16)
        else { return [:] }
        let (length, seal) = end.withUnsafeBytes { raw -> (Int?, UInt64?) in
            var reader = ByteReader(bytes: raw)
            return (reader.number().flatMap { Int(exactly: $0) }, reader.number())
        }
        guard let length, length <= file.size - 16,
            let list = file.read(at: file.size - 16 - length, count: length), ContentHash(list).value == seal
        else { return [:] }
        let kept = KeptHTML.Shard(file: file, reads: reads)
        let htmlEnd = file.size - 16 - length
        return list.withUnsafeBytes { raw -> [UInt64: MarkdownRenderer.Output] in
            var reader = ByteReader(bytes: raw)
            guard reader.string() == header, reader.number() == environment.value, let count = reader.number()
            else { return [:] }
            var outputs: [UInt64: MarkdownRenderer.Output] = [:]
            outputs.reserveCapacity(Int(min(count, 1 << 20)))
            for _ in 0..<count {
                guard let key = reader.number(), let output = reader.output(keptIn: kept, htmlEnd: htmlEnd)
                else { return [:] }
                outputs[key] = output
            }
            return outputs
        }
    }

    /// Keeps `outputs` (made in `environment`), writing only the files whose briefings are
    /// not exactly those `kept` had; a cache that cannot be written only costs the next build
    /// time.
    func save(environment: ContentHash, keys: [UInt64], outputs: [MarkdownRenderer.Output], kept: Kept) {
        guard StateFolder.prepare(path) == nil else { return }
        var byShard = [[Int]](repeating: [], count: Self.shardCount)
        for (i, key) in keys.enumerated() { byShard[Self.shard(of: key)].append(i) }
        _ = (0..<Self.shardCount).parallelMap { shard -> Bool in
            let members = byShard[shard]
            let held = kept.shards[shard]
            guard Kept.summary(members.lazy.map { keys[$0] }) != held else { return false }
            // The HTML first, in the file's own buffer; the list after it.
            var file = ByteWriter()
            file.bytes.reserveCapacity(members.reduce(64) { $0 + outputs[$1].htmlByteCount + 256 })
            var list = ByteWriter()
            list.string(header)
            list.number(environment.value)
            list.number(UInt64(members.count))
            for i in members {
                list.number(keys[i])
                // A kept HTML its file no longer holds: this file is not written.
                guard list.output(outputs[i], storingHTMLIn: &file.bytes) else { return false }
            }
            file.bytes.append(contentsOf: list.bytes)
            file.number(UInt64(list.bytes.count))
            file.number(ContentHash(list.bytes).value)
            file.write(to: path + "/\(shard)")
            return true
        }
    }

    /// The format and the brief that wrote the file: another brief may render Markdown
    /// otherwise, so its outputs are not taken.
    private var header: String { "brief-bodies 5 " + brief }
}

extension ByteWriter {
    /// An output, its HTML appended to `html` as it is held (plain, or packed): its `htmlKey`,
    /// whether the HTML is packed, its length, where it is in `html` and how many bytes, then
    /// the rest. False when the HTML was left in a file that no longer holds it.
    mutating func output(_ output: MarkdownRenderer.Output, storingHTMLIn html: inout [UInt8]) -> Bool {
        let offset = html.count
        let (packed, length): (Bool, Int)
        switch output.storedHTML {
        case .plain(let text):
            html.append(contentsOf: text.utf8)
            (packed, length) = (false, text.utf8.count)
        case .packed(let text):
            html.append(contentsOf: text.packedBytes)
            (packed, length) = (true, text.byteCount)
        case .kept(let kept):
            guard let bytes = kept.storedBytes() else { return false }
            html.append(contentsOf: bytes)
            (packed, length) = (kept.packed, kept.length)
        }
        number(output.htmlKey)
        number(packed ? 1 : 0)
        number(UInt64(length))
        number(UInt64(offset))
        number(UInt64(html.count - offset))
        number(output.firstParagraph == nil ? 0 : 1)
        string(output.firstParagraph ?? "")
        number(UInt64(output.anchors.count))
        for anchor in output.anchors { string(anchor) }
        number(UInt64(output.quotes.count))
        for quote in output.quotes {
            number(UInt64(quote.actor))
            string(quote.text)
            string(quote.anchor)
        }
        number(UInt64(output.links.count))
        for link in output.links {
            string(link.value)
            location(link.location)
        }
        number(UInt64(output.lookups.count))
        for lookup in output.lookups {
            string(lookup.kind)
            string(lookup.target)
            switch lookup.answer {
            case .found(let url, let title):
                number(0)
                string(url)
                optional(title)
            case .ambiguous(let candidates):
                number(1)
                number(UInt64(candidates.count))
                for candidate in candidates { string(candidate) }
            case .unknown(let suggestion):
                number(2)
                optional(suggestion)
            }
        }
        diagnostics(output.diagnostics)
        return true
    }
}

extension ByteReader {
    /// An output `ByteWriter.output` listed, its HTML left in `shard` (whose HTML ends at
    /// `htmlEnd`) until it is read.
    mutating func output(keptIn shard: KeptHTML.Shard, htmlEnd: Int) -> MarkdownRenderer.Output? {
        guard let htmlKey = number(), let packed = number(), packed <= 1,
            let length = number().flatMap({ Int(exactly: $0) }),
            let offset = number().flatMap({ Int(exactly: $0) }),
            let count = number().flatMap({ Int(exactly: $0) }),
            offset <= htmlEnd, count <= htmlEnd - offset
        else { return nil }
        guard let hasFirst = number(), let first = string(), let anchorCount = number() else { return nil }
        var anchors: [String] = []
        for _ in 0..<anchorCount {
            guard let anchor = string() else { return nil }
            anchors.append(anchor)
        }
        guard let quoteCount = number() else { return nil }
        var quotes: [Quote] = []
        for _ in 0..<quoteCount {
            guard let actor = number(), let text = string(), let anchor = string() else { return nil }
            quotes.append(Quote(actor: Int(actor), text: text, anchor: anchor))
        }
        guard let linkCount = number() else { return nil }
        var links: [Located<String>] = []
        for _ in 0..<linkCount {
            guard let value = string(), let location = location() else { return nil }
            links.append(Located(value, at: location))
        }
        guard let lookupCount = number() else { return nil }
        var lookups: [WikilinkLookup] = []
        for _ in 0..<lookupCount {
            guard let kind = string(), let target = string(), let tag = number() else { return nil }
            let answer: LinkResolver.Lookup
            switch tag {
            case 0:
                guard let url = string(), let title = optional() else { return nil }
                answer = .found(url: url, title: title)
            case 1:
                guard let count = number() else { return nil }
                var candidates: [String] = []
                for _ in 0..<count {
                    guard let candidate = string() else { return nil }
                    candidates.append(candidate)
                }
                answer = .ambiguous(candidates)
            case 2:
                guard let suggestion = optional() else { return nil }
                answer = .unknown(suggestion: suggestion)
            default: return nil
            }
            lookups.append(WikilinkLookup(kind: kind, target: target, answer: answer))
        }
        guard let diagnostics = diagnostics() else { return nil }
        var output = MarkdownRenderer.Output(
            html: "", diagnostics: diagnostics, firstParagraph: hasFirst == 1 ? first : nil,
            anchors: anchors,
            quotes: quotes, links: links, lookups: lookups)
        output.hold(
            kept: KeptHTML(
                shard: shard, offset: offset, count: count, length: length, packed: packed == 1, key: htmlKey)
        )
        return output
    }
}
