/// The search terms of a run of documents, counted one document after another by one thread:
/// each term of the run (its folded bytes and hash, in order of first use) and, per document,
/// the terms it has in order of first occurrence with how often it has each — or, for a
/// document whose words a build kept, the number of those words (`KeptWords`).
///
/// Words are folded as the name normaliser folds names (`NameKey`: case, marks, "ł" → "l"),
/// then split on everything that is not a letter or a digit, so "Erdoğan" and "Erdogan" are one
/// term, and "K-2" is the terms "k" and "2". The search page folds a query the same way.
///
/// One look-up table serves the whole run (`WordCounter`): a word is counted where the table
/// holds its term, beside the document that last had it and where that document's tally is,
/// so counting reads and writes one place in memory, and a run's documents share its room.
struct WordBatch: Sendable {
    /// The run's terms' folded UTF-8 bytes, one after another, in order of first use.
    private(set) var bytes: [UInt8] = []
    /// Where each term's bytes end in `bytes`.
    private(set) var ends: [Int] = []
    /// Each term's `WordHasher` hash (never 0).
    private(set) var hashes: [UInt64] = []
    /// Where each document's words end in `ids` and `tallies`.
    private(set) var wordEnds: [Int] = []
    /// Each document's terms (numbers into the run's terms), and each one's tally: how often
    /// the document has it, plus `titleMark` for each time its title does.
    private(set) var ids: [Int32] = []
    private(set) var tallies: [UInt32] = []
    /// For each document, the number of its kept words, or -1 when counted here.
    private(set) var keptDocuments: [Int32] = []

    var termCount: Int { ends.count }
    var documentCount: Int { wordEnds.count }

    /// Term `t`'s folded bytes.
    func term(_ t: Int) -> ArraySlice<UInt8> { bytes[(t == 0 ? 0 : ends[t - 1])..<ends[t]] }

    /// Where document `d`'s words lie in `ids` and `tallies`.
    func words(ofDocument d: Int) -> Range<Int> { (d == 0 ? 0 : wordEnds[d - 1])..<wordEnds[d] }

    /// The number of document `d`'s kept words, or nil when its words were counted here.
    func kept(_ d: Int) -> Int? { keptDocuments[d] < 0 ? nil : Int(keptDocuments[d]) }

    /// Added to a term's tally for each time the title has the word: far above any count.
    static let titleMark: UInt32 = 1 << 20

    /// Words longer than this are not indexed (encoded data, long URLs).
    static let longestTerm = 64

    /// The terms of a word that holds non-ASCII letters: folded by `NameKey`, split on
    /// whatever is not a letter or a digit.
    static func foldedPieces(_ word: String) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var piece: [UInt8] = []
        for scalar in NameKey.normalize(word).unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                piece.append(contentsOf: String(scalar).utf8)
            } else if !piece.isEmpty {
                pieces.append(piece)
                piece = []
            }
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// Counts a run's documents one after another, and gives the run (`finished()`).
    struct Counter {
        private var batch = WordBatch()
        private let counter: WordCounter

        /// A counter with room for `capacity` / 2 terms before its table grows.
        init(capacity: Int = 4_096) {
            counter = WordCounter(capacity: capacity)
        }

        /// A document whose words a build kept as document `n` of its `KeptWords`.
        mutating func addKept(_ n: Int) {
            batch.keptDocuments.append(Int32(n))
            batch.wordEnds.append(counter.words)
        }

        /// Ends the document whose words were added since the last one ended.
        mutating func endDocument() {
            counter.endDocument()
            batch.keptDocuments.append(-1)
            batch.wordEnds.append(counter.words)
        }

        /// The run, once every document is added.
        consuming func finished() -> WordBatch {
            let counted = counter.counted
            (batch.ids, batch.tallies, batch.hashes, batch.ends, batch.bytes) = (
                counted.ids, counted.tallies, counted.hashes, counted.ends, counted.bytes
            )
            return batch
        }

        /// Adds every word of `text`.
        mutating func add(_ text: String, title: Bool = false) {
            let utf8 = text.utf8
            add(utf8.span, title: title, html: false)
        }

        /// Adds every word of the text of an HTML fragment (a rendered body, as UTF-8 bytes): tags
        /// and entities separate words and are not indexed (every entity cmark writes stands for
        /// punctuation).
        mutating func add(html: borrowing Span<UInt8>) {
            add(html, title: false, html: true)
        }

        /// Adds every term of the one document of `other` (finished) with its tally, as if its
        /// text were added here: an actor's name and aliases are read once for all the briefings
        /// that list it.
        mutating func add(_ other: borrowing WordBatch) {
            for k in 0..<other.ids.count {
                let t = Int(other.ids[k])
                counter.count(hash: other.hashes[t], bytes: other.term(t), amount: other.tallies[k])
            }
        }

        /// Adds every word of `text` (UTF-8 bytes), skipping tags and entities when `html`: ASCII
        /// words are counted in C, a word with other characters is folded here.
        private mutating func add(_ text: borrowing Span<UInt8>, title: Bool, html: Bool) {
            // What one occurrence adds to a term's tally.
            let occurrence: UInt32 = title ? WordBatch.titleMark + 1 : 1
            counter.count(text, html: html, amount: occurrence, longest: WordBatch.longestTerm) { range in
                var folded: [UInt8] = []
                folded.reserveCapacity(range.count)
                for k in range { folded.append(text[k]) }
                for piece in WordBatch.foldedPieces(String(decoding: folded, as: UTF8.self))
                where piece.count <= WordBatch.longestTerm {
                    counter.count(hash: WordHasher.hash(piece), bytes: piece[...], amount: occurrence)
                }
            }
        }
    }
}
