/// One document's words for `TermPostings`: counted now, or document `n` of the words a build
/// kept.
enum DocumentWords {
    case counted(DocumentTerms)
    case kept(Int)
}

/// Every term of the site with its postings, documents ascending.
struct TermPostings {
    /// Each term's folded bytes, and its hash.
    var terms: [[UInt8]] = []
    var termHashes: [UInt64] = []
    /// Term `t`'s documents are `docs[offsets[t]..<offsets[t + 1]]`, weights beside them.
    var offsets: [Int] = []
    var docs: [Int32] = []
    var weights: [UInt8] = []
    /// The words as the build cache keeps them, when asked for.
    var recorded: KeptWords?

    /// The postings of `count` documents whose words `documents` gives a range at a time, in
    /// order: each range's words are turned into term numbers and weights (five bytes a word)
    /// and let go before the next range is read, so a site's words are never all held at
    /// once (about 8 KB a briefing).
    init(count: Int, chunk: Int = 2_048, documents: (Range<Int>) -> [DocumentTerms]) {
        self.init(count: count, chunk: chunk, kept: nil) { range in
            documents(range).map(DocumentWords.counted)
        }
    }

    /// As above, with documents whose words are counted now or were kept by a build (`kept`,
    /// given up once every document is numbered): either way a term is numbered where it is
    /// first used, so the postings are those of the words counted afresh. With `keys` (each
    /// document's `SearchIndex.key(ofEntry:)`), the words are also kept in `recorded`, for
    /// the next build.
    init(
        count: Int, chunk: Int = 2_048, kept: consuming KeptWords?, keys: [UInt64]? = nil,
        documents: (Range<Int>) -> [DocumentWords]
    ) {
        var kept = kept
        var termOf = HashTable(capacity: 1_024)
        var counts: [Int] = []
        var ids: [[Int32]] = []
        var weightsOf: [[UInt8]] = []
        ids.reserveCapacity(count)
        weightsOf.reserveCapacity(count)
        // A kept term's number here, once a document has used it (-1 before).
        var numberOfKept = [Int32](repeating: -1, count: kept?.termCount ?? 0)
        for start in stride(from: 0, to: count, by: chunk) {
            for document in documents(start..<min(start + chunk, count)) {
                var termIds: [Int32] = []
                var termWeights: [UInt8] = []
                switch document {
                case .counted(let document):
                    termIds.reserveCapacity(document.count)
                    termWeights.reserveCapacity(document.count)
                    for k in 0..<document.count {
                        let term = termOf.find(document.hashes[k], new: Int32(terms.count))
                        if term == terms.count {
                            terms.append(Array(document.term(k)))
                            termHashes.append(document.hashes[k])
                            counts.append(1)
                        } else {
                            counts[Int(term)] += 1
                        }
                        termIds.append(term)
                        termWeights.append(
                            PostingsCoder.weight(count: document.counts[k], inTitle: document.inTitle[k]))
                    }
                case .kept(let d):
                    let source = kept!
                    let words = source.words(ofDocument: d)
                    termIds.reserveCapacity(words.count)
                    for w in words {
                        let old = Int(source.ids[w])
                        var term = numberOfKept[old]
                        if term < 0 {
                            let hash = source.termHashes[old]
                            term = termOf.find(hash, new: Int32(terms.count))
                            if term == terms.count {
                                terms.append(Array(source.term(old)))
                                termHashes.append(hash)
                                counts.append(0)
                            }
                            numberOfKept[old] = term
                        }
                        counts[Int(term)] += 1
                        termIds.append(term)
                    }
                    termWeights = Array(source.weights[words])
                }
                ids.append(termIds)
                weightsOf.append(termWeights)
            }
        }
        kept = nil
        if let keys, keys.count == ids.count {
            recorded = Self.kept(terms: terms, hashes: termHashes, keys: keys, ids: ids, weights: weightsOf)
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

    /// The words numbered, as the build cache keeps them; nil when a count does not fit.
    private static func kept(
        terms: [[UInt8]], hashes: [UInt64], keys: [UInt64], ids: [[Int32]], weights: [[UInt8]]
    ) -> KeptWords? {
        let (termBytes, postings) = (terms.reduce(0) { $0 + $1.count }, ids.reduce(0) { $0 + $1.count })
        guard termBytes <= Int(UInt32.max), postings <= Int(UInt32.max) else { return nil }
        var words = KeptWords(termHashes: hashes, keys: keys)
        words.termEnds.reserveCapacity(terms.count)
        words.termBytes.reserveCapacity(termBytes)
        for term in terms {
            words.termBytes += term
            words.termEnds.append(UInt32(words.termBytes.count))
        }
        words.wordEnds.reserveCapacity(ids.count)
        words.ids.reserveCapacity(postings)
        words.weights.reserveCapacity(postings)
        for (document, weights) in zip(ids, weights) {
            for id in document { words.ids.append(UInt32(id)) }
            words.weights += weights
            words.wordEnds.append(UInt32(words.ids.count))
        }
        return words
    }

    func range(_ term: Int) -> Range<Int> { offsets[term]..<offsets[term + 1] }
}
