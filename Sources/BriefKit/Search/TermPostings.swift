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

    /// The postings of `count` documents whose words `batch` counts a run at a time (runs of
    /// `batchSize` documents, counted side by side: `batch` is called from many threads).
    /// The runs of `chunk` documents are numbered while the next chunk's are counted, and let
    /// go then, so a site's words are never all held at once (about 8 KB a briefing). A
    /// document's words are counted now or were kept by a build (`kept`, given up once every
    /// document is numbered): either way the postings are those of the words counted afresh.
    /// Terms are numbered as `kept` numbered them, then in order of first use; a kept term no
    /// document has any more has no postings (`used`). With `keys` (each document's
    /// `SearchIndex.key(ofEntry:)`), the words are also kept in `recorded`, for the next build.
    init(
        count: Int, batchSize: Int = 32, chunk: Int = 2_048, kept: consuming KeptWords?,
        keys: [UInt64]? = nil,
        batch: (Range<Int>) -> WordBatch
    ) {
        var numbering = Numbering(count: count, kept: kept)
        numbering.seed()
        var counted: [WordBatch] = []
        for start in stride(from: 0, to: count, by: chunk) {
            let end = min(start + chunk, count)
            let runs = stride(from: start, to: end, by: batchSize).map { $0..<min($0 + batchSize, end) }
            // Task 0 numbers the last chunk's runs while the others count this chunk's.
            let last = counted
            counted = Array(0...runs.count).parallelMap { task -> WordBatch? in
                if task == 0 {
                    for run in last { numbering.add(run) }
                    return nil
                }
                return batch(runs[task - 1])
            }.compactMap { $0 }
        }
        for run in counted { numbering.add(run) }
        numbering.kept = nil
        (terms, termHashes) = (numbering.terms, numbering.termHashes)
        var (ids, weightsOf, wordEnds) = (numbering.ids, numbering.weights, numbering.wordEnds)
        numbering = Numbering(count: 0, kept: nil)
        // Each term's document count.
        var documents = [Int](repeating: 0, count: terms.count)
        for id in ids { documents[Int(id)] += 1 }
        // Kept terms no document uses any more are numbered on (they have no postings) until
        // they are one term in sixteen; then the terms are numbered again without them.
        let unused = documents.count { $0 == 0 }
        if unused * 16 > terms.count {
            var number = [UInt32](repeating: 0, count: terms.count)
            var used = 0
            for t in terms.indices where documents[t] > 0 {
                number[t] = UInt32(used)
                used += 1
            }
            let kept = terms.indices.filter { documents[$0] > 0 }
            (terms, termHashes, documents) = (
                kept.map { terms[$0] }, kept.map { termHashes[$0] }, kept.map { documents[$0] }
            )
            for w in ids.indices { ids[w] = number[Int(ids[w])] }
        }
        if let keys, keys.count == wordEnds.count {
            recorded = Self.kept(
                terms: terms, hashes: termHashes, keys: keys, wordEnds: wordEnds, ids: ids, weights: weightsOf
            )
        }
        offsets = [0]
        offsets.reserveCapacity(terms.count + 1)
        for count in documents { offsets.append(offsets.last! + count) }
        docs = Array(repeating: 0, count: offsets.last!)
        weights = Array(repeating: 0, count: offsets.last!)
        var next = Array(offsets.dropLast())
        var word = 0
        for doc in wordEnds.indices {
            let end = wordEnds[doc]
            while word < end {
                let term = Int(ids[word])
                let slot = next[term]
                docs[slot] = Int32(doc)
                weights[slot] = weightsOf[word]
                next[term] += 1
                word += 1
            }
        }
    }

    /// Numbers the site's terms in order of first use, document after document, and holds
    /// every document's term numbers and weights one after another.
    private struct Numbering {
        var terms: [[UInt8]] = []
        var termHashes: [UInt64] = []
        var ids: [UInt32] = []
        var weights: [UInt8] = []
        /// Where each document's words end in `ids` and `weights`.
        var wordEnds: [Int] = []
        var kept: KeptWords?
        private var termOf = HashTable(capacity: 1_024)
        /// A kept term's number here, once a document has used it (-1 before).
        private var numberOfKept: [Int32]

        /// True when every kept term has its kept number here (`seeded`): a kept document's
        /// words are then taken as they are.
        private var keptNumbers = false

        init(count: Int, kept: consuming KeptWords?) {
            numberOfKept = [Int32](repeating: -1, count: kept?.termCount ?? 0)
            self.kept = kept
            wordEnds.reserveCapacity(count)
        }

        /// Numbers every kept term as the kept words do, before any document is added, so a
        /// kept document's words need no numbering; a term no document uses any more then has
        /// no postings (`TermPostings.used`). Nothing is numbered when two kept terms share a
        /// hash (words that do not hold together): terms are then numbered as they are used.
        mutating func seed() {
            guard let kept, terms.isEmpty else { return }
            var table = HashTable(capacity: 1_024)
            for (t, hash) in kept.termHashes.enumerated() where table.find(hash, new: Int32(t)) != Int32(t) {
                return
            }
            termOf = table
            termHashes = kept.termHashes
            terms = (0..<kept.termCount).map { Array(kept.term($0)) }
            numberOfKept = Array(0..<Int32(kept.termCount))
            keptNumbers = true
        }

        /// The number here of the term with `hash` and bytes `bytes()`, numbering it if new.
        @inline(__always)
        private mutating func number(_ hash: UInt64, _ bytes: () -> ArraySlice<UInt8>) -> Int32 {
            let term = termOf.find(hash, new: Int32(terms.count))
            if term == terms.count {
                terms.append(Array(bytes()))
                termHashes.append(hash)
            }
            return term
        }

        /// Adds the documents of `batch`, in order.
        mutating func add(_ batch: WordBatch) {
            // A term of the run's number here, once a document has used it (-1 before).
            var numberOfRun = [Int32](repeating: -1, count: batch.termCount)
            var d = 0
            while d < batch.documentCount {
                if keptNumbers, let first = batch.kept(d), let source = kept {
                    // Kept documents whose words lie one after another in the kept words, taken
                    // as they are at once.
                    var last = first
                    d += 1
                    while d < batch.documentCount, batch.kept(d) == last + 1 { (last, d) = (last + 1, d + 1) }
                    let start = source.words(ofDocument: first).lowerBound
                    let end = source.words(ofDocument: last).upperBound
                    let base = ids.count - start
                    ids += source.ids[start..<end]
                    weights += source.weights[start..<end]
                    for n in first...last { wordEnds.append(base + Int(source.wordEnds[n])) }
                    continue
                }
                defer { d += 1 }
                if let n = batch.kept(d) {
                    let source = kept!
                    let words = source.words(ofDocument: n)
                    for w in words {
                        let old = Int(source.ids[w])
                        var term = numberOfKept[old]
                        if term < 0 {
                            term = number(source.termHashes[old]) { source.term(old) }
                            numberOfKept[old] = term
                        }
                        ids.append(UInt32(term))
                    }
                    weights += source.weights[words]
                } else {
                    for w in batch.words(ofDocument: d) {
                        let t = Int(batch.ids[w])
                        var term = numberOfRun[t]
                        if term < 0 {
                            term = number(batch.hashes[t]) { batch.term(t) }
                            numberOfRun[t] = term
                        }
                        ids.append(UInt32(term))
                        let tally = batch.tallies[w]
                        weights.append(
                            PostingsCoder.weight(
                                count: tally % WordBatch.titleMark, inTitle: tally >= WordBatch.titleMark))
                    }
                }
                wordEnds.append(ids.count)
            }
        }
    }

    /// The words numbered, as the build cache keeps them; nil when a count does not fit.
    private static func kept(
        terms: [[UInt8]], hashes: [UInt64], keys: [UInt64], wordEnds: [Int], ids: [UInt32], weights: [UInt8]
    ) -> KeptWords? {
        let termBytes = terms.reduce(0) { $0 + $1.count }
        guard termBytes <= Int(UInt32.max), ids.count <= Int(UInt32.max) else { return nil }
        var words = KeptWords(termHashes: hashes, keys: keys)
        words.termEnds.reserveCapacity(terms.count)
        words.termBytes.reserveCapacity(termBytes)
        for term in terms {
            words.termBytes += term
            words.termEnds.append(UInt32(words.termBytes.count))
        }
        (words.wordEnds, words.ids, words.weights) = (wordEnds.map { UInt32($0) }, ids, weights)
        return words
    }

    func range(_ term: Int) -> Range<Int> { offsets[term]..<offsets[term + 1] }

    /// True when some document has term `term` (a kept term may have none: `Numbering.seed`).
    func used(_ term: Int) -> Bool { offsets[term] < offsets[term + 1] }
}
