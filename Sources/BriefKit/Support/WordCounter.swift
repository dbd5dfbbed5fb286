import CBriefScan

/// Counts the words of a run of documents in C (`brief_tally`): the loop over every word of
/// every body is most of the search index's cost, and in C a word costs one probe of one table,
/// with no reference counting or bounds checks between them. This type owns the C counter and
/// copies out what it counted; `WordBatch` decides what a word is worth and folds the words
/// that are not ASCII.
final class WordCounter {
    private let tally: OpaquePointer

    /// What the counter counted: each document's terms (numbers into the run's terms) with
    /// their tallies, and the run's terms (hash, and bytes ending at `ends`) in order of first use.
    struct Counted {
        var ids: [Int32]
        var tallies: [UInt32]
        var hashes: [UInt64]
        var ends: [Int]
        var bytes: [UInt8]
    }

    /// A counter with room for `capacity` / 2 terms before its table grows.
    init(capacity: Int) {
        tally = brief_tally_create(capacity)
    }

    deinit { brief_tally_destroy(tally) }

    /// How many words (distinct terms of each document) the run holds so far.
    var words: Int { brief_tally_result(tally).pointee.words }

    /// Counts `amount` for each ASCII word of `text` of at most `longest` bytes (lowered; with
    /// `html`, tags and entities are not read) in the open document; `other` gets the place of
    /// each word with non-ASCII characters, in its turn, to count it with `count(hash:bytes:amount:)`.
    func count(
        _ text: borrowing Span<UInt8>, html: Bool, amount: UInt32, longest: Int, other: (Range<Int>) -> Void
    ) {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var position = 0
            var word = brief_word()
            while brief_tally_text(
                tally, base, buffer.count, &position, html ? 1 : 0, amount, longest, &word) != 0
            {
                let start = Int(word.start)
                other(start..<(start + Int(word.length)))
            }
        }
    }

    /// Counts `amount` for the term with `hash` and folded bytes `bytes` in the open document.
    func count(hash: UInt64, bytes: ArraySlice<UInt8>, amount: UInt32) {
        bytes.withUnsafeBufferPointer { buffer in
            brief_tally_term(tally, hash, buffer.baseAddress, buffer.count, amount)
        }
    }

    /// Closes the open document.
    func endDocument() { brief_tally_end_document(tally) }

    /// A copy of what was counted.
    var counted: Counted {
        let run = brief_tally_result(tally).pointee
        func copy<T>(_ items: UnsafeMutablePointer<T>?, _ count: Int) -> [T] {
            guard let items, count > 0 else { return [] }
            return Array(UnsafeBufferPointer(start: items, count: count))
        }
        return Counted(
            ids: copy(run.ids, run.words), tallies: copy(run.tallies, run.words),
            hashes: copy(run.hashes, run.terms), ends: copy(run.ends, run.terms).map { Int($0) },
            bytes: copy(run.bytes, run.byte_count))
    }
}
