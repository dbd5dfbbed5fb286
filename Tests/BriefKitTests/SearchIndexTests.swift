import Foundation
import XCTest

@testable import BriefKit

/// The search index: words as the search page folds them, the postings forms, and the whole
/// index of a generated site against what the generator wrote.
final class SearchIndexTests: XCTestCase {
    private func terms(_ text: String, html: Bool = false) -> [String: UInt32] {
        var terms = DocumentTerms()
        if html { terms.add(html: text) } else { terms.add(text) }
        terms.finish()
        var out: [String: UInt32] = [:]
        for k in 0..<terms.count { out[String(decoding: terms.term(k), as: UTF8.self)] = terms.counts[k] }
        return out
    }

    func testWordsAreFoldedAsNamesAndSplitOnPunctuation() {
        XCTAssertEqual(
            terms("Erdoğan’s K-2 tanks — “MERCENARIES”… Łódź, Straße; naïve cafés 2024 at 10°C"),
            [
                "erdogan": 1, "s": 1, "k": 1, "2": 1, "tanks": 1, "mercenaries": 1, "lodz": 1, "strasse": 1,
                "naive": 1, "cafes": 1, "2024": 1, "at": 1, "10": 1, "c": 1,
            ])
        XCTAssertEqual(terms("troops Troops TROOPS troops."), ["troops": 4])
    }

    func testHTMLTagsAndEntitiesAreNotWords() {
        XCTAssertEqual(
            terms(
                "<p>A <a href=\"https://example.org/x\" class=\"mention\">link</a> &amp; text&#39;s</p><h2 id=\"h\">Head</h2>",
                html: true),
            ["a": 1, "link": 1, "text": 1, "s": 1, "head": 1])
    }

    func testManyDistinctWordsInOneDocument() {
        // Past the first table's size: the table grows and keeps every count.
        let words = (0..<3_000).map { "w\($0)" }
        let text = (words + words.prefix(100) + words.prefix(10)).joined(separator: " ")
        let counted = terms(text)
        XCTAssertEqual(counted.count, 3_000)
        XCTAssertEqual(counted["w5"], 3)
        XCTAssertEqual(counted["w50"], 2)
        XCTAssertEqual(counted["w2999"], 1)
    }

    func testPostingsMergeManyTermsInDocumentOrder() {
        // Enough distinct terms for the merge's table to grow several times.
        let documents = (0..<4).map { doc -> DocumentTerms in
            var terms = DocumentTerms()
            terms.add((0..<2_000).map { "t\($0 * (doc + 1) % 3_001)" }.joined(separator: " ") + " shared")
            terms.finish()
            return terms
        }
        let postings = TermPostings(count: documents.count) { Array(documents[$0]) }
        let index = Dictionary(
            uniqueKeysWithValues: postings.terms.enumerated().map {
                (String(decoding: $1, as: UTF8.self), $0)
            })
        XCTAssertEqual(Array(postings.docs[postings.range(index["shared"]!)]), [0, 1, 2, 3])
        for word in ["t0", "t6", "t1999", "t2998"] {
            let expected = (0..<4).filter { doc in
                (0..<2_000).contains { "t\($0 * (doc + 1) % 3_001)" == word }
            }
            XCTAssertEqual(postings.docs[postings.range(index[word]!)].map(Int.init), expected, word)
        }
    }

    func testPostingsFromKeptWordsAreThoseOfWordsCountedAgain() throws {
        func document(_ text: String, title: String = "") -> DocumentTerms {
            var terms = DocumentTerms()
            terms.add(title, title: true)
            terms.add(text)
            terms.finish()
            return terms
        }
        let first = [
            document("troops moved north troops", title: "Troops"), document("talks in Geneva"),
            document("Erdoğan spoke of troops and talks"),
        ]
        let recorded = try XCTUnwrap(
            TermPostings(count: 3, kept: nil, keys: [10, 20, 30]) { $0.map { .counted(first[$0]) } }.recorded)
        XCTAssertEqual(recorded.keys, [10, 20, 30])
        // Kept words written and read back, as the build cache keeps them.
        let file = SearchWordsCache(path: TestPaths.temporaryFolder("brief-words") + "/words")
        file.save(recorded)
        let kept = try XCTUnwrap(file.load())
        XCTAssertEqual(kept, recorded)
        // The next site: a new first document, the old third and first in a new order, and a
        // document with a word no kept document has.
        let next = [
            document("ceasefire talks"), first[2], first[0], document("troops ceasefire observers"),
        ]
        let counted = TermPostings(count: next.count) { Array(next[$0]) }
        let mixed = TermPostings(count: 4, kept: kept, keys: [40, 30, 10, 50]) { range in
            range.map { [DocumentWords.counted(next[0]), .kept(2), .kept(0), .counted(next[3])][$0] }
        }
        // Each term's documents and weights, whatever the terms' numbers.
        func postings(_ postings: TermPostings) -> [String: [Int]] {
            var found: [String: [Int]] = [:]
            for t in postings.terms.indices where postings.used(t) {
                let range = postings.range(t)
                found[String(decoding: postings.terms[t], as: UTF8.self)] =
                    zip(postings.docs[range], postings.weights[range]).map { Int($0) * 256 + Int($1) }
            }
            return found
        }
        XCTAssertEqual(postings(mixed), postings(counted))
        // Two kept terms no document has any more ("in", "geneva") are more than one in
        // sixteen: the terms are numbered again without them.
        XCTAssertFalse(mixed.terms.contains(Array("geneva".utf8)))
        XCTAssertTrue(mixed.terms.indices.allSatisfy(mixed.used))
        // The words kept now give the same postings again, every document taken from them.
        let again = TermPostings(count: 4, kept: try XCTUnwrap(mixed.recorded), keys: [40, 30, 10, 50]) {
            $0.map { DocumentWords.kept($0) }
        }
        XCTAssertEqual(postings(again), postings(counted))
        XCTAssertEqual(again.recorded?.keys, [40, 30, 10, 50])
        // Fewer unused: the kept terms keep their numbers, and the one no document has any
        // more ("rare") stays, with no postings.
        let many = [document((1...40).map { "w\($0)" }.joined(separator: " ")), document("w1 rare")]
        let manyKept = try XCTUnwrap(
            TermPostings(count: 2, kept: nil, keys: [1, 2]) { $0.map { .counted(many[$0]) } }.recorded)
        let later = [many[0], document("w2 w3 fresh")]
        let taken = TermPostings(count: 2, kept: manyKept, keys: [1, 3]) { range in
            range.map { [DocumentWords.kept(0), .counted(later[1])][$0] }
        }
        XCTAssertEqual(Array(taken.termHashes.prefix(manyKept.termCount)), manyKept.termHashes)
        let rare = try XCTUnwrap(taken.terms.firstIndex(of: Array("rare".utf8)))
        XCTAssertFalse(taken.used(rare))
        XCTAssertEqual(postings(taken), postings(TermPostings(count: 2) { $0.map { later[$0] } }))
    }

    func testKeptWordsThatDoNotHoldTogetherAreNotRead() throws {
        let folder = TestPaths.temporaryFolder("brief-words")
        let file = SearchWordsCache(path: folder + "/words")
        var terms = DocumentTerms()
        terms.add("one two three two")
        terms.finish()
        let recorded = try XCTUnwrap(
            TermPostings(count: 1, kept: nil, keys: [7]) { _ in [.counted(terms)] }.recorded)
        file.save(recorded)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: file.path))
        XCTAssertNotNil(file.load())
        var otherBrief = file
        otherBrief.brief = "brief 0.0.0 build another"
        XCTAssertNil(otherBrief.load(), "words another brief kept")
        // Cut short, one byte changed, and a term number past the terms (hash made to match).
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: file.path))
        XCTAssertNil(file.load())
        var changed = bytes
        changed[changed.count / 2] ^= 0x40
        try changed.write(to: URL(fileURLWithPath: file.path))
        XCTAssertNil(file.load())
        var broken = recorded
        broken.ids[0] = 99
        file.save(broken)
        XCTAssertNil(file.load())
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path + ".partial"))
    }

    func testWordsAroundEightBytesStayDistinct() {
        // Up to seven bytes a word is its own hash; from eight on its bytes are mixed.
        let words = ["abcdefg", "abcdefga", "abcdefgh", "abcdefghi", "bcdefgh", "a", "ab", "abcdefgabcdefgh"]
        XCTAssertEqual(terms((words + words.prefix(3)).joined(separator: " ")).count, words.count)
        XCTAssertEqual(terms((words + words.prefix(3)).joined(separator: " "))["abcdefgh"], 2)
        XCTAssertEqual(terms((words + words.prefix(3)).joined(separator: " "))["abcdefghi"], 1)
    }

    func testFacetCountsOfMostDocumentsEqualThoseCountedOneByOne() {
        // Counted from the documents left out for a set of more than half of them: the same
        // tops, ties and zero counts included, as counting the set itself.
        var random = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let documents = 1 + round * 7
            let actorsOf = (0..<documents).map { _ in
                (0..<Int.random(in: 0...4, using: &random)).map { _ in Int.random(in: 0..<12, using: &random)
                }
            }
            let topicsOf = (0..<documents).map { _ in
                (0..<Int.random(in: 0...2, using: &random)).map { _ in Int.random(in: 0..<5, using: &random) }
            }
            let statusesOf = (0..<documents).map { _ in
                UInt8.random(in: 0...7, using: &random) & UInt8.random(in: 0...7, using: &random)
            }
            let facets = FacetCounter(actorsOf: actorsOf, topicsOf: topicsOf, statusesOf: statusesOf)
            var scratch = FacetCounter.Scratch(actors: 12, topics: 5)
            let keep = Double.random(in: 0.3...1, using: &random)
            let docs = (0..<Int32(documents)).filter { _ in Double.random(in: 0..<1, using: &random) < keep }
            let limit = Int.random(in: 1...12, using: &random)
            let one = facets.tops(of: docs, limit: limit, scratch: &scratch)
            let sorted = facets.tops(ofSorted: docs[...], limit: limit, scratch: &scratch)
            XCTAssertEqual(one.actors.map(\.id), sorted.actors.map(\.id), "round \(round)")
            XCTAssertEqual(one.actors.map(\.count), sorted.actors.map(\.count), "round \(round)")
            XCTAssertEqual(one.topics.map(\.id), sorted.topics.map(\.id), "round \(round)")
            XCTAssertEqual(one.topics.map(\.count), sorted.topics.map(\.count), "round \(round)")
            XCTAssertEqual(one.statuses.map(\.status), sorted.statuses.map(\.status), "round \(round)")
            XCTAssertEqual(one.statuses.map(\.count), sorted.statuses.map(\.count), "round \(round)")
            // The scratch counters are left at zero for the next set.
            XCTAssertTrue(
                scratch.actorCounts.allSatisfy { $0 == 0 } && scratch.topicCounts.allSatisfy { $0 == 0 })
        }
    }

    func testLongWordsAreLeftOut() {
        XCTAssertEqual(terms(String(repeating: "x", count: 65) + " short"), ["short": 1])
    }

    func testPostingsFormsRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for (count, density) in [(10, 0.5), (1_000, 0.02), (1_000, 0.9), (5_000, 1.0), (3, 0.0)] {
            let docs = (0..<count).filter { _ in Double.random(in: 0..<1, using: &generator) < density }.map(
                Int32.init)
            let weights = docs.map { _ in
                PostingsCoder.weight(count: UInt32.random(in: 1...40), inTitle: Bool.random())
            }
            let encoded = PostingsCoder.encode(docs: docs[...], weights: weights[...], documentCount: count)
            let decoded = PostingsCoder.decode(encoded, documentCount: count)
            XCTAssertEqual(decoded.map(\.doc), docs.map(Int.init), "\(count) \(density)")
            XCTAssertEqual(decoded.map(\.weight), weights, "\(count) \(density)")
            let plain = PostingsCoder.decode(
                PostingsCoder.encode(docs: docs[...], documentCount: count), documentCount: count)
            XCTAssertEqual(plain.map(\.doc), docs.map(Int.init))
            XCTAssertTrue(plain.allSatisfy { $0.weight == 1 })
        }
        // A term in every document takes the dense form, a rare one the groups.
        let all = (0..<4_000).map(Int32.init)
        XCTAssertEqual(
            PostingsCoder.encode(
                docs: all[...], weights: all.map { UInt8($0 % 9 + 1) }[...], documentCount: 4_000
            ).first,
            1)
        XCTAssertEqual(PostingsCoder.encode(docs: [7, 90], weights: [1, 2], documentCount: 4_000).first, 0)
        XCTAssertEqual(PostingsCoder.encode(docs: all[...], documentCount: 4_000).first, 2)
    }

    // MARK: - A generated site

    static let vocabulary = (0..<12).map { "word\($0)" }
    static let entries = 60

    /// How often entry `i`'s body uses word `w` (0 for some), its title word, its year.
    static func count(_ i: Int, _ w: Int) -> Int { (i * 7 + w * 13) % 5 == 0 ? 0 : (i + w) % 4 + 1 }
    static func titleWord(_ i: Int) -> Int { i % 12 }
    static func isDraft(_ i: Int) -> Bool { i % 10 == 9 }

    static func makeSite() throws -> String {
        let root = TestPaths.temporaryFolder("brief-search")
        let briefings = root + "/Content/briefings"
        try FileManager.default.createDirectory(atPath: briefings, withIntermediateDirectories: true)
        try "title: \"Search\"\nbase_url: \"https://search.example.org/\"\n"
            .write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        for i in 0..<entries {
            // Two a month from January 2023: entries 0–23 in 2023, the rest in 2024 and 2025.
            let date = String(format: "%04d-%02d-%02d", 2023 + i / 24, 1 + i / 2 % 12, 1 + i % 2 * 14)
            var body = ""
            for w in vocabulary.indices {
                let words = Array(repeating: vocabulary[w], count: count(i, w)).joined(separator: " ")
                if !words.isEmpty { body += "“\(words.capitalized)” — *\(vocabulary[w])-free*\n\n" }
            }
            let claim =
                i % 3 == 0
                ? "claims:\n  - claim: \"A claim\"\n    by: [Everyone]\n    status: \(i % 2 == 0 ? "confirmed" : "denied")\n"
                : ""
            try """
            ---
            title: "Title \(vocabulary[titleWord(i)])"
            slug: entry-\(i)
            date: \(date)
            summary: "Summary."
            actors: ["Everyone", "Person \(i % 7)"]
            topics: ["Topic \(i % 3)"]
            \(claim)\(isDraft(i) ? "draft: true\n" : "")---
            \(body)
            """.write(toFile: briefings + "/entry-\(i).md", atomically: true, encoding: .utf8)
        }
        return root
    }

    static let built: String = {
        let site = try! makeSite()
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, output: site + "/out")).build()
        precondition(result.summary != nil, "\(result.printedDiagnostics)")
        return site + "/out/search/"
    }()

    /// Published entries, oldest first: document numbers.
    static var documents: [Int] { (0..<entries).filter { !isDraft($0) } }

    private func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.built + path)))
    }

    private func postings(of record: [String: Any]) throws -> [(doc: Int, weight: UInt8)] {
        let bytes: [UInt8]
        if let inline = record["p"] as? String {
            bytes = Array(Data(base64Encoded: inline)!)
        } else {
            bytes = Array(
                try Data(contentsOf: URL(fileURLWithPath: Self.built + "postings/\(record["f"] as! Int).bin"))
            )
        }
        return PostingsCoder.decode(bytes, documentCount: Self.documents.count)
    }

    /// Looks a term up as the search page does: the last shard whose first term is not after it.
    private func record(_ term: String) throws -> [String: Any]? {
        let manifest = try json("index.json") as! [String: Any]
        let shards = manifest["shards"] as! [String]
        guard
            let shard = shards.lastIndex(where: {
                Array($0.utf8).lexicographicallyPrecedes(Array(term.utf8)) || $0 == term
            })
        else { return nil }
        return (try json("terms/\(shard).json") as! [String: Any])[term] as? [String: Any]
    }

    func testEveryWordListsTheBriefingsThatUseItWithCountAndTitle() throws {
        for (w, word) in Self.vocabulary.enumerated() {
            let expected = Self.documents.enumerated().compactMap { doc, i -> (Int, UInt8)? in
                // The body has the word count(i, w) times, and once more in "words-free".
                let inTitle = Self.titleWord(i) == w
                let count = Self.count(i, w) + (Self.count(i, w) > 0 ? 1 : 0) + (inTitle ? 1 : 0)
                return count == 0 ? nil : (doc, UInt8(count) | (inTitle ? 128 : 0))
            }
            let record = try XCTUnwrap(try record(word), word)
            XCTAssertEqual(record["n"] as? Int, expected.count, word)
            let found = try postings(of: record)
            XCTAssertEqual(found.map(\.doc), expected.map(\.0), word)
            XCTAssertEqual(found.map(\.weight), expected.map(\.1), word)
        }
        XCTAssertNil(try record("word99"))
        XCTAssertNil(try record("draft"), "drafts are not indexed")
    }

    func testFacetRecordsAndCounts() throws {
        let person = try json("actor/person-3.json") as! [String: Any]
        let expected = Self.documents.indices.filter { Self.documents[$0] % 7 == 3 }
        XCTAssertEqual(try postings(of: person).map(\.doc), expected)
        let everyone = try json("actor/everyone.json") as! [String: Any]
        XCTAssertEqual(try postings(of: everyone).count, Self.documents.count)
        let top = try XCTUnwrap(everyone["top"] as? [String: Any])
        let topics = top["topic"] as! [[Any]]
        XCTAssertEqual(topics.map { $0[0] as! String }, ["topic-0", "topic-1", "topic-2"])
        XCTAssertEqual(
            topics.map { $0[2] as! Int },
            (0..<3).map { t in Self.documents.filter { $0 % 3 == t }.count })
        let statuses = top["status"] as! [[Any]]
        XCTAssertEqual(statuses.map { $0[0] as! String }, ["confirmed", "denied"])
        XCTAssertEqual(
            statuses.map { $0[1] as! Int },
            [Self.documents.filter { $0 % 6 == 0 }.count, Self.documents.filter { $0 % 6 == 3 }.count])
        let confirmed = try json("status/confirmed.json") as! [String: Any]
        XCTAssertEqual(
            try postings(of: confirmed).map(\.doc),
            Self.documents.indices.filter { Self.documents[$0] % 6 == 0 })
    }

    func testLongListsGoToPostingsFiles() throws {
        let root = TestPaths.temporaryFolder("brief-search-long")
        let briefings = root + "/Content/briefings"
        try FileManager.default.createDirectory(atPath: briefings, withIntermediateDirectories: true)
        try "title: \"Long\"\nbase_url: \"https://long.example.org/\"\n"
            .write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        let count = 3_000
        for i in 0..<count {
            let date = String(format: "%04d-%02d-%02d", 2000 + i / 336, 1 + i / 28 % 12, 1 + i % 28)
            try
                "---\ntitle: \"Entry \(i)\"\ndate: \(date)\n---\nCommon \(String(repeating: "common ", count: i % 3))words.\n"
                .write(toFile: briefings + "/e\(i).md", atomically: true, encoding: .utf8)
        }
        let result = SiteBuilder(options: BuildOptions(siteRoot: root, output: root + "/out")).build()
        XCTAssertNotNil(result.summary, "\(result.printedDiagnostics)")
        let folder = root + "/out/search/"
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder + "index.json"))) as! [String: Any]
        let shards = manifest["shards"] as! [String]
        let shard = shards.lastIndex { $0 <= "common" }!
        let terms =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder + "terms/\(shard).json")))
            as! [String: Any]
        let record = try XCTUnwrap(terms["common"] as? [String: Any])
        let file = try XCTUnwrap(record["f"] as? Int, "a list of 3,000 documents is a file of its own")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "postings/\(file).bin")))
        XCTAssertEqual(bytes.first, 1, "in the dense form")
        let decoded = PostingsCoder.decode(bytes, documentCount: count)
        XCTAssertEqual(decoded.map(\.doc), Array(0..<count))
        // Documents are numbered oldest first, as the entries were written: entry i is document i.
        XCTAssertEqual(decoded.map(\.weight), (0..<count).map { UInt8(1 + $0 % 3) })
    }

    func testManifestYearsAndDocumentRecords() throws {
        let manifest = try json("index.json") as! [String: Any]
        XCTAssertEqual(manifest["docs"] as? Int, Self.documents.count)
        let years = manifest["years"] as! [[Int]]
        let published = Self.documents
        XCTAssertEqual(
            years,
            [2023, 2024, 2025].map { year in
                let docs = published.indices.filter { 2023 + published[$0] / 24 == year }
                return [year, docs.first!, docs.last! + 1]
            })
        let first = try json("doc/0.json") as! [[String: Any]]
        XCTAssertEqual(first.count, 8)
        XCTAssertEqual(first[0]["title"] as? String, "Title word0")
        XCTAssertEqual(first[0]["url"] as? String, "/briefings/entry-0/")
        XCTAssertEqual(first[0]["statuses"] as? [String], ["confirmed"])
        XCTAssertEqual((first[1]["actors"] as? [[String]])?.map { $0[0] }, ["everyone", "person-1"])
    }
}
