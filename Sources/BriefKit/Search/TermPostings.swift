/// Every term of the site with its postings, documents ascending.
struct TermPostings {
    /// Each term's folded bytes.
    var terms: [[UInt8]] = []
    /// Term `t`'s documents are `docs[offsets[t]..<offsets[t + 1]]`, weights beside them.
    var offsets: [Int] = []
    var docs: [Int32] = []
    var weights: [UInt8] = []

    init(_ documents: [DocumentTerms]) {
        var termOf = HashTable()
        var counts: [Int] = []
        let ids = documents.map { document -> [Int32] in
            (0..<document.count).map { k in
                let term = termOf.find(document.hashes[k], new: Int32(terms.count))
                if term == terms.count {
                    terms.append(Array(document.term(k)))
                    counts.append(1)
                } else {
                    counts[Int(term)] += 1
                }
                return term
            }
        }
        offsets = [0]
        offsets.reserveCapacity(counts.count + 1)
        for count in counts { offsets.append(offsets.last! + count) }
        docs = Array(repeating: 0, count: offsets.last!)
        weights = Array(repeating: 0, count: offsets.last!)
        var next = Array(offsets.dropLast())
        for (doc, document) in documents.enumerated() {
            for (k, term) in ids[doc].enumerated() {
                let slot = next[Int(term)]
                docs[slot] = Int32(doc)
                weights[slot] = PostingsCoder.weight(count: document.counts[k], inTitle: document.inTitle[k])
                next[Int(term)] += 1
            }
        }
    }

    func range(_ term: Int) -> Range<Int> { offsets[term]..<offsets[term + 1] }
}

/// Open addressing from a term's hash (never 0) to its number. A hash stands for its word: two
/// words with one 64-bit hash (odds near n² / 2⁶⁵ for n distinct words) would be one term.
struct HashTable {
    private var hashes = [UInt64](repeating: 0, count: 1_024)
    private var values = [Int32](repeating: 0, count: 1_024)
    private var count = 0

    /// The number stored for `hash`, or `new` after storing it.
    mutating func find(_ hash: UInt64, new: Int32) -> Int32 {
        let mask = hashes.count - 1
        var slot = Self.slot(hash, mask: mask)
        while true {
            let found = hashes[slot]
            if found == hash { return values[slot] }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        values[slot] = new
        count += 1
        if count * 2 > hashes.count { grow() }
        return new
    }

    @inline(__always)
    static func slot(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = zip(hashes, values).filter { $0.0 != 0 }
        hashes = Array(repeating: 0, count: hashes.count * 2)
        values = Array(repeating: 0, count: hashes.count)
        let mask = hashes.count - 1
        for (hash, value) in old {
            var slot = Self.slot(hash, mask: mask)
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            values[slot] = value
        }
    }
}
