/// The distinct search terms of one document: each folded word, how often it occurs, and
/// whether the title has it.
///
/// Words are folded as the name normaliser folds names (`NameKey`: case, marks, "ł" → "l"),
/// then split on everything that is not a letter or a digit, so "Erdoğan" and "Erdogan" are one
/// term, and "K-2" is the terms "k" and "2". The search page folds a query the same way.
struct DocumentTerms {
    /// The distinct terms' folded UTF-8 bytes, one after another, in order of first occurrence.
    private(set) var bytes: [UInt8] = []
    /// Where each term's bytes end in `bytes`.
    private(set) var ends: [Int] = []
    /// Each term's `WordHasher` hash (never 0).
    private(set) var hashes: [UInt64] = []
    /// How often each term occurs, over every field (after `finish`).
    private(set) var counts: [UInt32] = []
    /// Whether each term occurs in the title (after `finish`).
    private(set) var inTitle: [Bool] = []
    /// Each term's number and its count so far (plus `titleMark` for each time the title has
    /// it), while words are added.
    private var table = WordTally(capacity: 512)

    var count: Int { ends.count }

    /// Copies the counts out of the look-up table and lets it go, once every word is added: a
    /// site keeps every document's terms until the index is built.
    mutating func finish() {
        let tallies = table.tallies
        counts = tallies.map { $0 % Self.titleMark }
        inTitle = tallies.map { $0 >= Self.titleMark }
        table = WordTally(capacity: 0)
    }

    /// Term `i`'s folded bytes.
    func term(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }

    /// Words longer than this are not indexed (encoded data, long URLs).
    static let longestTerm = 64

    /// Adds every word of `text`.
    mutating func add(_ text: String, title: Bool = false) {
        let utf8 = text.utf8
        add(utf8.span, title: title, html: false)
    }

    /// Adds every word of the text of an HTML fragment (a rendered body): tags and entities
    /// separate words and are not indexed (every entity cmark writes stands for punctuation).
    mutating func add(html: String) {
        let utf8 = html.utf8
        add(utf8.span, title: false, html: true)
    }

    /// Adds every term of `other` (finished) with its count, as if its text were added here:
    /// an actor's name and aliases are read once for all the briefings that list the actor.
    mutating func add(_ other: borrowing DocumentTerms) {
        for k in 0..<other.count where tally(hash: other.hashes[k], by: other.counts[k]) {
            bytes.append(contentsOf: other.term(k))
            ends.append(bytes.count)
        }
    }

    /// Adds every word of `text` (UTF-8 bytes), skipping tags and entities when `html`. The
    /// bytes are read where the string holds them (`WordScanner`).
    private mutating func add(_ text: borrowing Span<UInt8>, title: Bool, html: Bool) {
        // What one occurrence adds to a term's tally.
        let occurrence: UInt32 = title ? Self.titleMark + 1 : 1
        WordScanner.forEachWord(in: text, html: html) { word in
            if word.isASCII {
                if word.range.count <= Self.longestTerm && tally(hash: word.hash, by: occurrence) {
                    // A new term: its bytes, lowered (0x20 lowers an ASCII letter, keeps a digit).
                    for k in word.range { bytes.append(text[k] | 0x20) }
                    ends.append(bytes.count)
                }
            } else {
                var folded: [UInt8] = []
                folded.reserveCapacity(word.range.count)
                for k in word.range { folded.append(text[k]) }
                for piece in Self.foldedPieces(String(decoding: folded, as: UTF8.self))
                where piece.count <= Self.longestTerm && tally(hash: WordHasher.hash(piece), by: occurrence) {
                    bytes.append(contentsOf: piece)
                    ends.append(bytes.count)
                }
            }
        }
    }

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

    /// Adds `tally` to the word with `hash` (1 an occurrence, plus `titleMark` in the title);
    /// true when it is new, and the caller then appends its bytes (no slice of the text is made
    /// for a word seen before).
    @inline(__always)
    private mutating func tally(hash rawHash: UInt64, by tally: UInt32) -> Bool {
        let hash = rawHash == 0 ? 1 : rawHash
        guard table.add(hash, tally) else { return false }
        hashes.append(hash)
        return true
    }

    /// Added to a term's tally for each time the title has the word: far above any count.
    private static let titleMark: UInt32 = 1 << 20
}

/// A 64-bit hash of a word's bytes, added one at a time: eight bytes are gathered into a word
/// (a shift and an or per byte, no multiply) and each full word is mixed in. A word of up to
/// seven bytes (most words) is its own hash, its bytes beside its length, so no two of them
/// collide; longer words end with a mix. `brief_find_words` (C) hashes ASCII words the same
/// way, from whole 8-byte loads; `WordScannerTests` hold the two together.
struct WordHasher {
    private var gathered: UInt64 = 0
    private var mixed: UInt64 = 0
    private var length: UInt64 = 0

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        gathered = gathered << 8 | UInt64(byte)
        length &+= 1
        if length & 7 == 0 {
            mixed = Self.mix(mixed ^ gathered)
            gathered = 0
        }
    }

    var hash: UInt64 {
        length < 8 ? gathered | length << 56 : Self.mix(mixed ^ gathered ^ length << 56)
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = WordHasher()
        for byte in bytes { hasher.add(byte) }
        return hasher.hash
    }

    /// A bijection that spreads every input bit over the output (splitmix64's finaliser).
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
