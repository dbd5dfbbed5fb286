import CBriefScan

/// The words `brief_find_words` (C, SSE2) finds, one at a time, for `WordScannerTests` to hold
/// against a byte-by-byte reading of the rules (brief itself counts them in C: `WordCounter`).
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
