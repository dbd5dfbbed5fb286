/// The binary form of a postings list: which documents hold a term, and with what weight (a
/// byte: 128 when the title has the term, plus its count, at most 15). `search.js` decodes it
/// (`decode`). The first byte says which of three forms follows, the smallest for the list:
/// - 0, **groups**: per weight, heaviest first, the weight, the number of documents (varint),
///   then the documents ascending, the first as it is and the rest as differences (varints);
/// - 1, **dense**: a bitmap of every document of the site (bit `d & 7` of byte `d >> 3`), each
///   listed document's count as a nibble in document order (low nibble first), then the
///   documents whose title has the term as in a group (count, then differences);
/// - 2, **bitmap**: the bitmap alone, every weight 1 (facet values' lists).
enum PostingsCoder {
    static let highestCount: UInt32 = 15

    static func weight(count: UInt32, inTitle: Bool) -> UInt8 {
        UInt8(min(count, highestCount)) | (inTitle ? 128 : 0)
    }

    /// A term's list: `docs` ascending, `weights` beside them, of `documentCount` documents.
    static func encode(docs: ArraySlice<Int32>, weights: ArraySlice<UInt8>, documentCount: Int) -> [UInt8] {
        let dense = (documentCount + 7) / 8 + (docs.count + 1) / 2
        // Groups cost at least a byte a document; only then can the dense form be smaller.
        if dense < docs.count {
            let groups = groups(docs: docs, weights: weights)
            if dense + 8 < groups.count {
                return denseForm(docs: docs, weights: weights, documentCount: documentCount)
            }
            return groups
        }
        return groups(docs: docs, weights: weights)
    }

    /// A facet value's list: every weight 1.
    static func encode(docs: ArraySlice<Int32>, documentCount: Int) -> [UInt8] {
        var groups: [UInt8] = [0, 1]
        appendVarint(docs.count, to: &groups)
        appendDeltas(docs, to: &groups)
        let bitmap = 1 + (documentCount + 7) / 8
        return bitmap < groups.count ? [2] + self.bitmap(docs, documentCount: documentCount) : groups
    }

    private static func groups(docs: ArraySlice<Int32>, weights: ArraySlice<UInt8>) -> [UInt8] {
        // A counting sort by weight, heaviest first, that keeps each group's documents ascending.
        var groupSize = [Int](repeating: 0, count: 256)
        for weight in weights { groupSize[Int(weight)] += 1 }
        var start = [Int](repeating: 0, count: 256)
        var total = 0
        for weight in stride(from: 255, through: 0, by: -1) {
            start[weight] = total
            total += groupSize[weight]
        }
        var sorted = [Int32](repeating: 0, count: docs.count)
        var next = start
        for (doc, weight) in zip(docs, weights) {
            sorted[next[Int(weight)]] = doc
            next[Int(weight)] += 1
        }
        var out: [UInt8] = [0]
        out.reserveCapacity(docs.count + 16)
        for weight in stride(from: 255, through: 0, by: -1) where groupSize[weight] > 0 {
            out.append(UInt8(weight))
            appendVarint(groupSize[weight], to: &out)
            appendDeltas(sorted[start[weight]..<start[weight] + groupSize[weight]], to: &out)
        }
        return out
    }

    private static func denseForm(docs: ArraySlice<Int32>, weights: ArraySlice<UInt8>, documentCount: Int)
        -> [UInt8]
    {
        var out: [UInt8] = [1]
        out.reserveCapacity((documentCount + 7) / 8 + docs.count / 2 + 64)
        out += bitmap(docs, documentCount: documentCount)
        var nibbles = [UInt8](repeating: 0, count: (docs.count + 1) / 2)
        for (n, weight) in weights.enumerated() {
            nibbles[n / 2] |= (weight & 0x0F) << (n % 2 == 0 ? 0 : 4)
        }
        out += nibbles
        let titled = zip(docs, weights).filter { $0.1 & 128 != 0 }.map(\.0)
        appendVarint(titled.count, to: &out)
        appendDeltas(titled[...], to: &out)
        return out
    }

    private static func bitmap(_ docs: ArraySlice<Int32>, documentCount: Int) -> [UInt8] {
        var bits = [UInt8](repeating: 0, count: (documentCount + 7) / 8)
        for doc in docs { bits[Int(doc) >> 3] |= 1 << UInt8(doc & 7) }
        return bits
    }

    private static func appendDeltas(_ docs: ArraySlice<Int32>, to out: inout [UInt8]) {
        var previous: Int32 = 0
        for (n, doc) in docs.enumerated() {
            appendVarint(Int(n == 0 ? doc : doc - previous), to: &out)
            previous = doc
        }
    }

    static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// Decodes any form into (document, weight) pairs, ascending by document; the reference
    /// for `search.js`, which the tests hold to it.
    static func decode(_ bytes: [UInt8], documentCount: Int) -> [(doc: Int, weight: UInt8)] {
        var i = 1
        func varint() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = bytes[i]
                i += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        func deltas(_ count: Int) -> [Int] {
            var doc = 0
            return (0..<count).map { n in
                doc = n == 0 ? varint() : doc + varint()
                return doc
            }
        }
        var out: [(doc: Int, weight: UInt8)] = []
        switch bytes.first {
        case 0:
            while i < bytes.count {
                let weight = bytes[i]
                i += 1
                out += deltas(varint()).map { ($0, weight) }
            }
        case 1, 2:
            let docs = (0..<documentCount).filter { bytes[1 + $0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
            if bytes[0] == 2 { return docs.map { ($0, 1) } }
            i = 1 + (documentCount + 7) / 8
            let counts = docs.indices.map { n in (bytes[i + n / 2] >> (n % 2 == 0 ? 0 : 4)) & 0x0F }
            i += (docs.count + 1) / 2
            let titled = Set(deltas(varint()))
            out = zip(docs, counts).map { ($0, $1 | (titled.contains($0) ? 128 : 0)) }
        default:
            break
        }
        return out.sorted { $0.doc < $1.doc }
    }
}
