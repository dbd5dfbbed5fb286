/// Every published briefing's search words as one build numbered them, in the form the build
/// cache keeps (`SearchWordsCache`): the terms (hash and folded bytes, in order of first use)
/// and each document's key (`SearchIndex.key(ofEntry:)`) with its term numbers and weights. A
/// later build takes a document's words from here when its key is the same, instead of reading
/// its texts again.
struct KeptWords: Sendable, Equatable {
    var termHashes: [UInt64] = []
    /// Where each term's bytes end in `termBytes`.
    var termEnds: [UInt32] = []
    var termBytes: [UInt8] = []
    var keys: [UInt64] = []
    /// Each document's `SearchIndex.frontKey(ofEntry:…)`, and the key of the model they were
    /// found in (`ResolvedModelCache.key`; 0 when not known): a build from a model with that
    /// key takes them instead of hashing every briefing's texts again.
    var frontKeys: [UInt64] = []
    var modelKey: UInt64 = 0
    /// Where each document's words end in `ids` and `weights`.
    var wordEnds: [UInt32] = []
    /// Term numbers (into `termHashes`), and each one's weight (`PostingsCoder.weight`).
    var ids: [UInt32] = []
    var weights: [UInt8] = []

    var termCount: Int { termHashes.count }

    /// Term `t`'s folded bytes.
    func term(_ t: Int) -> ArraySlice<UInt8> {
        termBytes[(t == 0 ? 0 : Int(termEnds[t - 1]))..<Int(termEnds[t])]
    }

    /// Where document `d`'s words lie in `ids` and `weights`.
    func words(ofDocument d: Int) -> Range<Int> {
        (d == 0 ? 0 : Int(wordEnds[d - 1]))..<Int(wordEnds[d])
    }

    /// True when the parts agree: as many ends as terms and documents, ends ascending within
    /// their arrays, every term number a term. A file read back is checked so before use.
    var isConsistent: Bool {
        func ascending(_ ends: [UInt32], within count: Int) -> Bool {
            var last: UInt32 = 0
            for end in ends {
                guard end >= last else { return false }
                last = end
            }
            return Int(last) == count
        }
        guard termEnds.count == termHashes.count, wordEnds.count == keys.count, ids.count == weights.count,
            frontKeys.isEmpty || frontKeys.count == keys.count,
            ascending(termEnds, within: termBytes.count), ascending(wordEnds, within: ids.count),
            !termHashes.contains(0)
        else { return false }
        let terms = UInt32(termCount)
        return ids.allSatisfy { $0 < terms }
    }
}
