import Foundation

/// The records of the last build's search index (`SearchIndex.Builder.Record`: a term's or a
/// facet value's document count, postings and facet counts), kept in the build cache beside
/// the kept words (`<record>.bodies/records`) by the key of the list each was made from
/// (`SearchIndex.Builder.listKey`): a build whose documents have the same facets makes again
/// only the records whose lists changed (an edited body changes a few terms' lists). The file
/// is the header (the format and the brief that wrote it), the key of the facets the records
/// were counted with (`SearchIndex.Builder.facetsKey`), then each record; it ends with the
/// hash of all before it, and a file that does not is not read.
struct SearchRecordsCache: Sendable {
    /// The file.
    let path: String
    /// The brief whose records are taken (this one; another in tests).
    var brief = BriefVersion.identity

    /// The records kept for `facets`, by list key; empty when the file holds none for them (or
    /// is damaged, or was written by another brief).
    func load(facets: UInt64) -> [UInt64: SearchIndex.Builder.Record] {
        stored(for: facets)?.records ?? [:]
    }

    /// The file's facets key and records; with `facets`, nil unless they are the file's.
    func stored(for facets: UInt64? = nil) -> (facets: UInt64, records: [UInt64: SearchIndex.Builder.Record])?
    {
        guard StateFolder.kind(path) == .file, let data = FileBytes.read(path) else { return nil }
        return ByteReader.checked(data) { reader -> (UInt64, [UInt64: SearchIndex.Builder.Record])? in
            guard reader.string() == header, let found = reader.number(), facets == nil || found == facets,
                let count = reader.number(), count <= UInt64(data.count / 24)
            else { return nil }
            var records: [UInt64: SearchIndex.Builder.Record] = [:]
            records.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let key = reader.number(),
                    let documents = reader.number().flatMap({ Int(exactly: $0) }),
                    let postings = reader.block(), let hasTops = reader.number(), hasTops <= 1,
                    let tops = reader.block()
                else { return nil }
                records[key] = SearchIndex.Builder.Record(
                    count: documents, postings: postings, tops: hasTops == 1 ? tops : nil)
            }
            return (found, records)
        }
    }

    /// Keeps `records`, counted with `facets`, in place of the file; a file that cannot be
    /// written only costs the next build time.
    func save(facets: UInt64, records: [UInt64: SearchIndex.Builder.Record]) {
        guard StateFolder.prepare((path as NSString).deletingLastPathComponent) == nil else { return }
        var writer = ByteWriter()
        writer.bytes.reserveCapacity(
            records.values.reduce(64) { $0 + $1.postings.count + ($1.tops?.count ?? 0) + 40 })
        writer.string(header)
        writer.number(facets)
        writer.number(UInt64(records.count))
        for (key, record) in records {
            writer.number(key)
            writer.number(UInt64(record.count))
            writer.block(record.postings)
            writer.number(record.tops == nil ? 0 : 1)
            writer.block(record.tops ?? [])
        }
        writer.write(sealedTo: path)
    }

    /// The format and the brief that wrote the file: another brief may encode otherwise.
    private var header: String { "brief-search-records 1 " + brief }
}
