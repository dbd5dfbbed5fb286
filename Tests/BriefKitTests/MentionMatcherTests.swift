import XCTest

@testable import BriefKit

/// The mention matcher against the plainest reading of its contract: at each word start, the
/// longest name whose bytes are there and end at a word boundary; matches never overlap.
final class MentionMatcherTests: XCTestCase {
    static let names: [(name: String, actor: Int)] = [
        ("Kim Jong Un", 0), ("Kim", 1), ("Jong", 2), ("United States", 3), ("US", 4), ("Łódź", 5),
        ("Moldova Service of Arms", 6), ("MSA", 7), ("Ivan  Han", 8), ("Han", 9), ("7th Fleet", 10),
        ("el Niño", 11),
    ]

    /// Word starts and word bytes as the matcher defines them, read from Unicode scalars.
    static func naiveMatches(_ text: [UInt8]) -> [MentionMatcher.Match] {
        // Each byte of a scalar is a word byte when the scalar is a letter or digit.
        var isWord = [Bool](repeating: false, count: text.count)
        text.withUnsafeBufferPointer { buffer in
            var lead = false
            for i in 0..<text.count {
                if text[i] & 0xC0 != 0x80 { lead = WordBytes.isWordByte(buffer, at: i) }
                isWord[i] = lead
            }
        }
        var found: [MentionMatcher.Match] = []
        var i = 0
        while i < text.count {
            let startsWord = isWord[i] && text[i] & 0xC0 != 0x80 && (i == 0 || !isWord[i - 1])
            guard startsWord else {
                i += 1
                continue
            }
            var best: MentionMatcher.Match?
            for (name, actor) in names {
                let bytes = Array(name.utf8)
                let end = i + bytes.count
                guard end <= text.count, Array(text[i..<end]) == bytes, end == text.count || !isWord[end]
                else { continue }
                if best == nil || end > best!.end || (end == best!.end && actor < best!.actor) {
                    best = MentionMatcher.Match(start: i, end: end, actor: actor)
                }
            }
            if let best {
                found.append(best)
                i = best.end
            } else {
                while i < text.count && isWord[i] { i += 1 }
            }
        }
        return found
    }

    /// Random prose from names, plain and capitalised words, non-ASCII words and punctuation,
    /// long enough to cross many of the 16-byte blocks the matcher skips whole.
    func testMatchesAgreeWithTheNaiveReadingOnRandomText() {
        let matcher = MentionMatcher(names: Self.names)
        let pieces = [
            "Kim Jong Un", "Kim", "Jong", "Un", "United States", "US", "USA", "Łódź", "Łódźy", "MSA",
            "Moldova Service of Arms", "Ivan  Han", "Ivan Han", "Han", "7th Fleet", "el Niño", "niño",
            "the", "officials", "said", "exercise", "Statement", "deployment", "’s", "“quote”", ",", ".",
            " ", " ", " ", "  ", "\n", "-", "xKim", "Kimchi", "é", "123", "a",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<80, using: &generator)
            var text = ""
            for _ in 0..<count {
                text += pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator) { text += " " }
            }
            let bytes = Array(text.utf8)
            XCTAssertEqual(matcher.matches(in: bytes), Self.naiveMatches(bytes), text.debugDescription)
        }
    }

    func testNamesAtBlockEdgesAndAfterLongPlainRuns() {
        let matcher = MentionMatcher(names: Self.names)
        for padding in 0..<40 {
            let text = Array(
                (String(repeating: "a", count: padding) + " Kim Jong Un and Łódź, "
                    + String(repeating: "b ", count: padding) + "US").utf8)
            XCTAssertEqual(matcher.matches(in: text), Self.naiveMatches(text), "padding \(padding)")
            XCTAssertEqual(matcher.matches(in: text).map(\.actor), [0, 5, 4], "padding \(padding)")
            // A name glued to the end of a long word is part of that word, wherever blocks end.
            let glued = Array((String(repeating: "x", count: padding) + "Kim met Kim").utf8)
            XCTAssertEqual(matcher.matches(in: glued), Self.naiveMatches(glued), "padding \(padding)")
            XCTAssertEqual(matcher.matches(in: glued).count, padding == 0 ? 2 : 1, "padding \(padding)")
        }
    }
}
