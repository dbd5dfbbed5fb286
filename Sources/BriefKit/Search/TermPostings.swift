/// Every term of the site with its postings, documents ascending.
struct TermPostings {
    /// Each term's folded bytes.
    var terms: [[UInt8]] = []
    /// Term `t`'s documents are `docs[offsets[t]..<offsets[t + 1]]`, weights beside them.
    var offsets: [Int] = []
    var docs: [Int32] = []
    var weights: [UInt8] = []

    init(_ documents: [DocumentTerms]) {
        self.init(count: documents.count) { range in Array(documents[range]) }
    }

    /// The postings of `count` documents whose words `documents` gives a range at a time, in
    /// order: each range's words are turned into term numbers and weights (five bytes a word)
    /// and let go before the next range is read, so a site's words are never all held at
    /// once (about 8 KB a briefing).
    init(count: Int, chunk: Int = 2_048, documents: (Range<Int>) -> [DocumentTerms]) {
        var termOf = HashTable(capacity: 1_024)
        var counts: [Int] = []
        var ids: [[Int32]] = []
        var weightsOf: [[UInt8]] = []
        ids.reserveCapacity(count)
        weightsOf.reserveCapacity(count)
        for start in stride(from: 0, to: count, by: chunk) {
            for document in documents(start..<min(start + chunk, count)) {
                var termIds: [Int32] = []
                var termWeights: [UInt8] = []
                termIds.reserveCapacity(document.count)
                termWeights.reserveCapacity(document.count)
                for k in 0..<document.count {
                    let term = termOf.find(document.hashes[k], new: Int32(terms.count))
                    if term == terms.count {
                        terms.append(Array(document.term(k)))
                        counts.append(1)
                    } else {
                        counts[Int(term)] += 1
                    }
                    termIds.append(term)
                    termWeights.append(
                        PostingsCoder.weight(count: document.counts[k], inTitle: document.inTitle[k]))
                }
                ids.append(termIds)
                weightsOf.append(termWeights)
            }
        }
        offsets = [0]
        offsets.reserveCapacity(counts.count + 1)
        for count in counts { offsets.append(offsets.last! + count) }
        docs = Array(repeating: 0, count: offsets.last!)
        weights = Array(repeating: 0, count: offsets.last!)
        var next = Array(offsets.dropLast())
        for doc in ids.indices {
            for (k, term) in ids[doc].enumerated() {
                let slot = next[Int(term)]
                docs[slot] = Int32(doc)
                weights[slot] = weightsOf[doc][k]
                next[Int(term)] += 1
            }
            // Each document's numbers go once placed.
            ids[doc] = []
            weightsOf[doc] = []
        }
    }

    func range(_ term: Int) -> Range<Int> { offsets[term]..<offsets[term + 1] }
}
