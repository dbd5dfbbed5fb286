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

    /// Every kept parse by key, and the keys each shard file held.
    func load() -> (parses: [UInt64: BriefingParse], kept: [Set<UInt64>]) {
        let shards = (0..<Self.shardCount).parallelMap { shard -> [UInt64: BriefingParse] in
            guard let data = FileBytes.read(path + "/\(shard)") else { return [:] }
            return Self.parses(in: data, header: header)
        }
        var parses: [UInt64: BriefingParse] = [:]
        parses.reserveCapacity(shards.reduce(0) { $0 + $1.count })
        for shard in shards { parses.merge(shard) { a, _ in a } }
        return (parses, shards.map { Set($0.keys) })
    }

    /// Keeps `parses` (by key), writing only the shard files whose keys are not those `kept`
    /// had; a cache that cannot be written only costs the next build time.
    func save(_ parses: [UInt64: BriefingParse], kept: [Set<UInt64>]) {
        guard StateFolder.prepare(path) == nil else { return }
        var byShard = [[UInt64]](repeating: [], count: Self.shardCount)
        for key in parses.keys.sorted() { byShard[Self.shard(of: key)].append(key) }
        _ = (0..<Self.shardCount).parallelMap { shard -> Bool in
            let members = byShard[shard]
            guard kept.count != Self.shardCount || Set(members) != kept[shard] else { return false }
            var writer = ByteWriter()
            writer.string(header)
            writer.number(UInt64(members.count))
            for key in members {
                writer.number(key)
                writer.parse(parses[key]!)
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
