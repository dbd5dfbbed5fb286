/// The distinct search terms of one document (`WordBatch` holds the words, folded and split as
/// the search page does): each term and how often it occurs (`batch` also counts the title's).
struct DocumentTerms {
    /// Counts the words until `finish()`.
    private var counter: WordBatch.Counter? = WordBatch.Counter(capacity: 64)
    /// The document's words, as a run of one document (after `finish()`).
    private(set) var batch = WordBatch()

    var count: Int { batch.termCount }

    /// Ends the document once every word is added.
    mutating func finish() {
        guard var counter = counter.take() else { return }
        counter.endDocument()
        batch = counter.finished()
    }

    /// Term `i`'s folded bytes (terms in order of first occurrence).
    func term(_ i: Int) -> ArraySlice<UInt8> { batch.term(i) }

    /// How often each term occurs, over every field (after `finish`).
    var counts: [UInt32] { batch.tallies.map { $0 % WordBatch.titleMark } }

    /// Adds every word of `text`.
    mutating func add(_ text: String, title: Bool = false) { counter!.add(text, title: title) }

    /// Adds every word of the text of an HTML fragment (a rendered body).
    mutating func add(html: String) {
        let utf8 = html.utf8
        counter!.add(html: utf8.span)
    }
}
