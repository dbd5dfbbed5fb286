@testable import BriefKit

// Postings from documents given one at a time, as the tests build them (brief counts runs of
// documents: `TermPostings.init(count:batchSize:chunk:kept:keys:batch:)`).

/// One document's words for `TermPostings`: counted now, or document `n` of the words a build
/// kept.
enum DocumentWords {
    case counted(DocumentTerms)
    case kept(Int)
}

extension TermPostings {
    /// The postings of `count` documents whose words `documents` gives a range at a time.
    init(count: Int, chunk: Int = 2_048, documents: (Range<Int>) -> [DocumentTerms]) {
        self.init(count: count, chunk: chunk, kept: nil) { range in
            documents(range).map(DocumentWords.counted)
        }
    }

    /// The postings of `count` documents whose words `documents` gives a range at a time,
    /// counted or kept (`kept`, `keys` as in the initialiser brief uses).
    init(
        count: Int, chunk: Int = 2_048, kept: consuming KeptWords?, keys: [UInt64]? = nil,
        documents: (Range<Int>) -> [DocumentWords]
    ) {
        self.init(count: count, chunk: chunk, kept: kept, keys: keys) { range in
            var batch = WordBatch.Counter(capacity: 16)
            for document in documents(range) {
                switch document {
                case .counted(var terms):
                    terms.finish()
                    batch.add(terms.batch)
                    batch.endDocument()
                case .kept(let n):
                    batch.addKept(n)
                }
            }
            return batch.finished()
        }
    }
}
