import CBriefScan

/// Finds the words of a text for the search index through `brief_find_words` (C, SSE2): the
/// loop over every byte of every body is most of the index's cost, and C reads each 64-byte
/// block's letters as one bit mask, so no branch depends on a word's length. This type only
/// hands the C function the text's bytes and a buffer for what it finds; `DocumentTerms`
/// decides what a word is worth.
enum WordScanner {
    /// A word of the text.
    struct Word {
        /// Where its bytes are in the text.
        var range: Range<Int>
        /// Whether every byte is an ASCII letter or digit.
        var isASCII: Bool
        /// For an ASCII word, `WordHasher`'s hash of its lowered bytes; else 0.
        var hash: UInt64
    }

    /// Words found per call into C.
    private static let batch = 256

    /// Calls `body` with each word of `text` in order; with `html`, tags and entities separate
    /// words and are not read.
    @inline(__always)
    static func forEachWord(in text: borrowing Span<UInt8>, html: Bool, _ body: (Word) -> Void) {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: brief_word.self, capacity: batch) { words in
                var position = 0
                while true {
                    let found = brief_find_words(
                        base, buffer.count, &position, html ? 1 : 0, words.baseAddress!, batch)
                    if found == 0 { return }
                    for k in 0..<found {
                        let word = words[k]
                        let start = Int(word.start)
                        body(
                            Word(
                                range: start..<(start + Int(word.length)), isASCII: word.ascii != 0,
                                hash: word.hash))
                    }
                }
            }
        }
    }
}
