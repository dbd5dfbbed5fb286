import Foundation

/// Each briefing file's front matter as the last build parsed it, by the file's path and
/// content hash (`BriefingParse.key`), kept in the build cache beside the record
/// (`<record>.bodies/sources/`): a later build takes the parse of every briefing whose file it
/// did not need to read (its stamp is the one the record holds) instead of reading and parsing
/// the file again. The body is not kept: a parse taken from here holds the body's hash and
/// length (`Briefing.KeptBody`), which is all a build needs of a body whose output the body
/// cache has; any other body is read from its file (`Briefing.readingBody`). Only parses
/// without errors are kept, with their warnings. The parses are spread over `shardCount` files
/// by key; a build rewrites only the files whose set of keys changed, so an edited briefing
/// rewrites at most two.
struct ParsedBriefingsCache: Sendable {
    /// The cache folder.
    let path: String
    /// The brief whose parses are taken (this one; another in tests).
    var brief = BriefVersion.identity

    static let shardCount = 32

    static func shard(of key: UInt64) -> Int { Int(key % UInt64(shardCount)) }

    /// Every kept parse by key, as the shard files hold them.
    func load() -> ShardedParses {
        ShardedParses(
            shards: (0..<Self.shardCount).parallelMap { shard -> [UInt64: BriefingParse] in
                guard let data = FileBytes.read(path + "/\(shard)") else { return [:] }
                return Self.parses(in: data, header: header)
            })
    }

    /// Keeps `parses`, writing only the shard files whose keys are not those `kept` (as
    /// loaded) had; a cache that cannot be written only costs the next build time.
    func save(_ parses: ShardedParses, over kept: ShardedParses?) {
        guard StateFolder.prepare(path) == nil else { return }
        _ = (0..<Self.shardCount).parallelMap { shard -> Bool in
            let members = parses.shards[shard]
            if let kept, members.count == kept.shards[shard].count,
                members.keys.allSatisfy({ kept.shards[shard][$0] != nil })
            {
                return false
            }
            var writer = ByteWriter()
            writer.string(header)
            writer.number(UInt64(members.count))
            for key in members.keys.sorted() {
                writer.number(key)
                writer.parse(members[key]!)
            }
            writer.write(sealedTo: path + "/\(shard)")
            return true
        }
    }

    /// The parses of one shard file's bytes; none unless the file was written by this brief
    /// and ends with the hash of the rest (a file cut short or damaged is not read).
    private static func parses(in data: Data, header: String) -> [UInt64: BriefingParse] {
        ByteReader.checked(data) { reader -> [UInt64: BriefingParse]? in
            guard reader.string() == header, let count = reader.number() else { return [:] }
            var parses: [UInt64: BriefingParse] = [:]
            parses.reserveCapacity(Int(min(count, 1 << 20)))
            for _ in 0..<count {
                guard let key = reader.number(), let parse = reader.parse() else { return [:] }
                parses[key] = parse
            }
            return parses
        } ?? [:]
    }

    /// The format and the brief that wrote the file: another brief may parse otherwise.
    private var header: String { "brief-sources 2 " + brief }
}

/// Briefing parses by key (`BriefingParse.key`), held as `ParsedBriefingsCache` keeps them: one
/// table per shard file, so a build reads, compares and writes a shard's parses on their own.
struct ShardedParses: Sendable {
    private(set) var shards: [[UInt64: BriefingParse]]

    init(shards: [[UInt64: BriefingParse]]) {
        precondition(shards.count == ParsedBriefingsCache.shardCount)
        self.shards = shards
    }

    init() { shards = Array(repeating: [:], count: ParsedBriefingsCache.shardCount) }

    init(_ parses: [UInt64: BriefingParse]) {
        self.init()
        for (key, parse) in parses { self[key] = parse }
    }

    var count: Int { shards.reduce(0) { $0 + $1.count } }

    subscript(key: UInt64) -> BriefingParse? {
        get { shards[ParsedBriefingsCache.shard(of: key)][key] }
        set { shards[ParsedBriefingsCache.shard(of: key)][key] = newValue }
    }

    /// Drops from each shard of `chosen` every parse whose key is not one of `keys`.
    mutating func dropAll(but keys: [UInt64], inShards chosen: [Int]) {
        for shard in chosen {
            var members: [UInt64: BriefingParse] = [:]
            for key in keys where ParsedBriefingsCache.shard(of: key) == shard {
                members[key] = shards[shard][key]
            }
            shards[shard] = members
        }
    }
}
