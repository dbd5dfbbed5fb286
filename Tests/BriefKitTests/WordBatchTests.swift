import XCTest

@testable import BriefKit

/// `WordBatch.Counter` (C, one table for a run of documents) gives each document the terms
/// and tallies a plain reading of the index's rules gives it: words found as
/// `WordScannerTests.reference` finds them, ASCII lowered, others folded, long ones left out.
final class WordBatchTests: XCTestCase {
    /// One document's terms in order of first occurrence, each with its tally.
    typealias Tallied = [(term: [UInt8], tally: UInt32)]

    /// The rules read plainly: `texts` (bytes, read as HTML or not, in the title or not).
    static func reference(_ texts: [(bytes: [UInt8], html: Bool, title: Bool)]) -> Tallied {
        var order: [[UInt8]] = []
        var tallies: [[UInt8]: UInt32] = [:]
        func add(_ term: [UInt8], _ amount: UInt32) {
            guard term.count <= WordBatch.longestTerm else { return }
            if tallies[term] == nil { order.append(term) }
            tallies[term, default: 0] += amount
        }
        for text in texts {
            let amount: UInt32 = text.title ? WordBatch.titleMark + 1 : 1
            for word in WordScannerTests.reference(text.bytes, html: text.html) {
                let bytes = Array(text.bytes[word.range])
                if word.ascii {
                    add(bytes.map { $0 | 0x20 }, amount)
                } else {
                    for piece in WordBatch.foldedPieces(String(decoding: bytes, as: UTF8.self)) {
                        add(piece, amount)
                    }
                }
            }
        }
        return order.map { ($0, tallies[$0]!) }
    }

    func testEachDocumentOfARunHasTheTermsTheRulesGiveIt() {
        var generator = SystemRandomNumberGenerator()
        // Words enough for the run's table to grow more than once.
        let many = (0..<3_000).map { "w\($0)" }
        for round in 0..<300 {
            var counter = WordBatch.Counter(capacity: 16)
            var expected: [Tallied?] = []
            for document in 0..<Int.random(in: 1...8, using: &generator) {
                if Bool.random(using: &generator) && document % 3 == 2 {
                    counter.addKept(document)
                    expected.append(nil)
                    continue
                }
                var texts: [(bytes: [UInt8], html: Bool, title: Bool)] = []
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    var text = ""
                    for _ in 0..<Int.random(in: 0...60, using: &generator) {
                        text +=
                            Bool.random(using: &generator)
                            ? WordScannerTests.pieces.randomElement(using: &generator)!
                            : " " + many.randomElement(using: &generator)! + " "
                    }
                    let html = Bool.random(using: &generator)
                    let title = !html && Int.random(in: 0..<4, using: &generator) == 0
                    texts.append((Array(text.utf8), html, title))
                    if html {
                        counter.add(html: Array(text.utf8).span)
                    } else {
                        counter.add(text, title: title)
                    }
                }
                counter.endDocument()
                expected.append(Self.reference(texts))
            }
            let batch = counter.finished()
            XCTAssertEqual(batch.documentCount, expected.count)
            XCTAssertEqual(Set((0..<batch.termCount).map { Array(batch.term($0)) }).count, batch.termCount)
            for t in 0..<batch.termCount {
                let hash = WordHasher.hash(Array(batch.term(t)))
                XCTAssertEqual(batch.hashes[t], hash == 0 ? 1 : hash)
            }
            for (d, want) in expected.enumerated() {
                guard let want else {
                    XCTAssertEqual(batch.kept(d), d)
                    XCTAssertTrue(batch.words(ofDocument: d).isEmpty)
                    continue
                }
                XCTAssertNil(batch.kept(d))
                let got = batch.words(ofDocument: d).map {
                    (Array(batch.term(Int(batch.ids[$0]))), batch.tallies[$0])
                }
                if !got.elementsEqual(want, by: { $0.0 == $1.term && $0.1 == $1.tally }) {
                    XCTFail("round \(round), document \(d): \(got.count) terms, expected \(want.count)")
                    return
                }
            }
        }
    }

    func testNamesAddTheirTermsWithTheirTallies() {
        var names = DocumentTerms()
        names.add("Recep Tayyip Erdoğan", title: false)
        names.add("Erdogan")
        names.finish()
        var counter = WordBatch.Counter()
        counter.add("Erdogan spoke", title: true)
        counter.add(names.batch)
        counter.endDocument()
        let batch = counter.finished()
        let got = Dictionary(
            uniqueKeysWithValues: batch.words(ofDocument: 0).map {
                (String(decoding: batch.term(Int(batch.ids[$0])), as: UTF8.self), batch.tallies[$0])
            })
        XCTAssertEqual(
            got,
            ["erdogan": WordBatch.titleMark + 3, "spoke": WordBatch.titleMark + 1, "recep": 1, "tayyip": 1])
    }
}
