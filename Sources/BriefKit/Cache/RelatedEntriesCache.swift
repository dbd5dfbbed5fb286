import Foundation

/// The related briefings of every briefing as the last build ranked them, with the key of what
/// they were ranked from (`SiteIndex.relatedKey`), kept in the build cache beside the record
/// (`<record>.bodies/related`): a build whose briefings have the same places, slugs, dates,
/// actors and topics (an edit of a title, a summary or a body) takes them instead of ranking
/// every briefing again.
struct RelatedEntriesCache: Sendable {
    /// The cache file.
    let path: String
    /// The brief whose lists are taken (this one; another in tests).
    var brief = BriefVersion.identity

    /// The lists kept for `key`, one per entry; nil when the file holds none for it (or is
    /// damaged, or was written by another brief).
    func load(key: UInt64) -> [[Int]]? {
        guard let data = FileBytes.read(path) else { return nil }
        return ByteReader.checked(data) { reader -> [[Int]]? in
            guard reader.string() == header, reader.number() == key, let count = reader.number(),
                count <= UInt64(data.count / 8)
            else { return nil }
            var lists: [[Int]] = []
            lists.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let length = reader.number(), length <= UInt64(SiteIndex.relatedLimit) else {
                    return nil
                }
                var list: [Int] = []
                for _ in 0..<length {
                    guard let entry = reader.number(), entry < count else { return nil }
                    list.append(Int(entry))
                }
                lists.append(list)
            }
            return lists
        }
    }

    /// Keeps `lists`, ranked for `key`; a file that cannot be written only costs the next build
    /// time.
    func save(key: UInt64, lists: [[Int]]) {
        guard StateFolder.prepare((path as NSString).deletingLastPathComponent) == nil else { return }
        var writer = ByteWriter()
        writer.bytes.reserveCapacity(64 + lists.count * 48)
        writer.string(header)
        writer.number(key)
        writer.number(UInt64(lists.count))
        for list in lists {
            writer.number(UInt64(list.count))
            for entry in list { writer.number(UInt64(entry)) }
        }
        writer.write(sealedTo: path)
    }

    /// The format and the brief that wrote the file: another brief may rank otherwise.
    private var header: String { "brief-related 1 " + brief }
}
