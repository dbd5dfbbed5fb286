import XCTest

@testable import BriefKit

/// `WordScanner` (C, 64 bytes at a time) finds exactly the words a plain byte-by-byte reading
/// of the index's rules finds, on text made of every kind of piece the rules tell apart, at
/// every alignment with the 64-byte blocks and the last bytes read one by one.
final class WordScannerTests: XCTestCase {
    /// A word as both readings give it.
    struct Found: Equatable, CustomStringConvertible {
        var range: Range<Int>
        var ascii: Bool
        var hash: UInt64

        var description: String { "\(range) ascii=\(ascii) \(String(hash, radix: 16))" }
    }

    /// The index's rules read byte by byte: ASCII letters and digits, and non-ASCII characters
    /// other than U+2000-U+203F and U+00A0, make words; with `html`, `<` to the next `>` and `&`
    /// to a `;` within the next 11 bytes are skipped.
    static func reference(_ bytes: [UInt8], html: Bool) -> [Found] {
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        func punctuation(_ i: Int) -> Int {
            if bytes[i] == 0xE2 { return i + 2 < bytes.count && bytes[i + 1] == 0x80 ? 3 : 0 }
            if bytes[i] == 0xC2 { return i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0 }
            return 0
        }
        var found: [Found] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if !isLetterOrDigit(byte) && (byte < 0x80 || punctuation(i) > 0) {
                if byte >= 0x80 {
                    i += punctuation(i)
                } else if html && byte == UInt8(ascii: "<") {
                    i = (bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                } else if html && byte == UInt8(ascii: "&"),
                    let semicolon = bytes[(i + 1)..<min(bytes.count, i + 12)].firstIndex(
                        of: UInt8(ascii: ";"))
                {
                    i = semicolon + 1
                } else {
                    i += 1
                }
                continue
            }
            let start = i
            var ascii = true
            while i < bytes.count {
                if isLetterOrDigit(bytes[i]) {
                } else if bytes[i] >= 0x80 && punctuation(i) == 0 {
                    ascii = false
                } else {
                    break
                }
                i += 1
            }
            let hash = ascii ? WordHasher.hash(bytes[start..<i].map { $0 | 0x20 }) : 0
            found.append(Found(range: start..<i, ascii: ascii, hash: hash))
        }
        return found
    }

    static func scanned(_ bytes: [UInt8], html: Bool) -> [Found] {
        var found: [Found] = []
        WordScanner.forEachWord(in: bytes.span, html: html) { word in
            found.append(Found(range: word.range, ascii: word.isASCII, hash: word.hash))
        }
        return found
    }

    /// Pieces the rules tell apart: words of every length around the hash's 8 bytes and the
    /// block's 16, tags closed and not, entities near and far, non-ASCII letters and
    /// punctuation, digits and lone marks.
    static let pieces: [String] = [
        " ", " ", " ", "\n", ".", ", ", "a", "I", "Kim", "sanctions", "ABCDEFGH", "abcdefghi",
        "abcdefghijklmno", "abcdefghijklmnop", "K-2", "2024", "x1y2z3", String(repeating: "w", count: 70),
        "<p>", "</p>", "<a href=\"/actors/kim/\" class=\"mention\">", "</a>", "<", ">", "<br/>",
        "&amp;", "&quot;", "&#8217;", "&", "& not an entity;", "&toolongentityname;", "Erdoğan", "é",
        "Łódź", "中文", "naïve", "’", "“", "—", "\u{00A0}", "a’b", "über", "x\u{00A0}y",
    ]

    func testTheScannerFindsWhatTheRulesFindOnMixedText() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            var text = ""
            let count = Int.random(in: 0...60, using: &generator)
            for _ in 0..<count { text += Self.pieces.randomElement(using: &generator)! }
            let bytes = Array(text.utf8)
            for html in [true, false] {
                let expected = Self.reference(bytes, html: html)
                let found = Self.scanned(bytes, html: html)
                if found != expected {
                    XCTFail("round \(round), html \(html): \(text.debugDescription)\n\(found)\n\(expected)")
                    return
                }
            }
        }
    }

    /// Every offset of a text against the blocks: the same text after 0 to 80 spaces.
    func testEveryAlignmentWithTheBlocks() {
        let body = Array(
            "<p>Kim Jong-un met Erdoğan’s envoy &amp; the “Łódź” group on 2024-11-03: sanctions, K-2 tanks, a\u{00A0}b.</p><a href=\"x\">mercenaries</a> abcdefghijklmnopqrstuvwxyz0123456789"
                .utf8)
        for shift in 0...80 {
            let bytes =
                Array(repeating: UInt8(ascii: " "), count: shift) + body
                + Array(repeating: UInt8(ascii: "x"), count: shift % 7)
            for html in [true, false] {
                XCTAssertEqual(
                    Self.scanned(bytes, html: html), Self.reference(bytes, html: html), "shift \(shift)")
            }
        }
    }

    func testTheHashIsTheOneTheTermsAreKeptBy() {
        let found = Self.scanned(Array("Sanctions sanctions SANCTIONS Mercenaries".utf8), html: false)
        XCTAssertEqual(Set(found.prefix(3).map(\.hash)).count, 1)
        XCTAssertEqual(found[0].hash, WordHasher.hash(Array("sanctions".utf8)))
        XCTAssertEqual(found[3].hash, WordHasher.hash(Array("mercenaries".utf8)))
    }
}
