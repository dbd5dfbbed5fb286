/// Every term of the site with its postings, documents ascending.
struct TermPostings {
    /// Each term's folded bytes.
    var terms: [[UInt8]] = []
    /// Term `t`'s documents are `docs[offsets[t]..<offsets[t + 1]]`, weights beside them.
    var offsets: [Int] = []
    var docs: [Int32] = []
    var weights: [UInt8] = []

    init(_ documents: [DocumentTerms]) {
        var termOf = HashTable(capacity: 1_024)
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
