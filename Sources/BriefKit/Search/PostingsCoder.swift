/// The binary form of a postings list: which documents hold a term, and with what weight.
///
/// Documents are grouped by weight, heaviest first; each group is its weight (one byte: 128 if
/// the title has the term, plus its count capped at 127), the number of documents (varint),
/// then the document numbers ascending, the first as it is and the rest as differences
/// (varints). `search.js` decodes it (`decodePostings`).
enum PostingsCoder {
    static func weight(count: UInt32, inTitle: Bool) -> UInt8 {
        UInt8(min(count, 127)) | (inTitle ? 128 : 0)
    }

    /// `docs` ascending, `weights` beside them.
    static func encode(docs: ArraySlice<Int32>, weights: ArraySlice<UInt8>) -> [UInt8] {
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
        var out: [UInt8] = []
        out.reserveCapacity(docs.count + 16)
        for weight in stride(from: 255, through: 0, by: -1) where groupSize[weight] > 0 {
            out.append(UInt8(weight))
            appendVarint(groupSize[weight], to: &out)
            appendDeltas(sorted[start[weight]..<start[weight] + groupSize[weight]], to: &out)
        }
        return out
    }

    private static func appendDeltas(_ docs: ArraySlice<Int32>, to out: inout [UInt8]) {
        var previous: Int32 = 0
        for (n, doc) in docs.enumerated() {
            appendVarint(Int(n == 0 ? doc : doc - previous), to: &out)
            previous = doc
        }
    }

    /// A list where every document has weight 1 (a facet value's documents).
    static func encode(docs: ArraySlice<Int32>) -> [UInt8] {
        var out: [UInt8] = [1]
        out.reserveCapacity(docs.count + 8)
        appendVarint(docs.count, to: &out)
        appendDeltas(docs, to: &out)
        return out
    }

    static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// Decodes `encode`'s bytes into (document, weight) pairs, heaviest group first.
    static func decode(_ bytes: [UInt8]) -> [(doc: Int, weight: UInt8)] {
        var out: [(doc: Int, weight: UInt8)] = []
        var i = 0
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
        while i < bytes.count {
            let weight = bytes[i]
            i += 1
            var doc = 0
            for n in 0..<varint() {
                doc = n == 0 ? varint() : doc + varint()
                out.append((doc, weight))
            }
        }
        return out
    }
}
