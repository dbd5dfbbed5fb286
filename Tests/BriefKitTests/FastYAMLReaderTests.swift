import Foundation
import XCTest
import Yams

@testable import BriefKit

/// FastYAMLReader against Yams: whatever the fast reader accepts must be exactly what Yams
/// composes (strings, quoting, tags, lines and columns), and whatever Yams rejects the fast
/// reader must decline, so diagnostics still come from Yams.
final class FastYAMLReaderTests: XCTestCase {
    /// Yams' reading of `yaml`, or nil when it reports an error.
    func yams(_ yaml: String) -> YAMLNode? {
        (try? Yams.compose(yaml: yaml, .basic, .default, .utf8)).flatMap { $0.map { YAMLNode($0) } }
    }

    /// Fails when the fast reader accepts `yaml` but disagrees with Yams; true when it accepted.
    @discardableResult
    func check(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let fast = FastYAMLReader.read(yaml) else { return false }
        let composed = yams(yaml)
        XCTAssertEqual(fast, composed, "fast reader differs from Yams on:\n\(yaml)", file: file, line: line)
        return true
    }

    static let accepted = [
        "title: \"Seoul: troops\"\ndate: 2024-10-24\nactors: [\"North Korea\", Russia, 'Kim''s']\n",
        "title: Plain text, with [brackets] and {braces}\ndraft: yes\ncount: 12\nempty:\nnull: ~\n",
        "source:\n  publisher: \"Wire\"\n  url: https://example.org/a?b=c#d\nnext: 1\n",
        "aliases:\n  - Kim\n  - \"Mr. Kim\"\n  - [a, b]\n",
        "# a comment\ntitle: x # trailing comment\n\nsummary: \"tab\\\\ and \\\"quote\\\"\"   # note\n",
        "name: Łódź Voivodeship\nlist: [Łódź, \"Zoë\", Ærø]\nrole: Minister — of “things”\n",
        "a: 1\nb:\nc: [ ]\nd: []\ne: 'single'\nf:    spaced   \n",
        "params:\n  weight: 1.5\n  flag: off\n",
        "key: value",
        "x: \"\"\ny: ''\nz: \"  padded  \"\n",
        "s:\n  a: 1\n# comment at the edge\n  b: 2\n",
        "claims:\n  - claim: \"Troops: moved\"\n    by: [\"Kim\", Lee]\n    status: alleged\n  - claim: Second\n    note:\n    status: denied\nnext: x\n",
        "judgements:\n  - text: One\n    likelihood: likely\n  -   text: 'Two'\n      likelihood: unlikely\n",
    ]

    func testAgreesWithYamsOnTypicalFrontMatter() {
        for yaml in Self.accepted {
            XCTAssertTrue(check(yaml), "fast reader declined:\n\(yaml)")
        }
    }

    /// Columns on a long line are counted on from the previous mark; they must stay Yams'.
    func testLongListLineKeepsYamsColumns() {
        let items = (0..<2_000).map { $0 % 3 == 0 ? "\"Łódź \($0)\"" : "name\($0)" }
        XCTAssertTrue(check("title: x\nactors: [" + items.joined(separator: ", ") + "]\nnext: ż\n"))
    }

    func testDeclinesWhatItDoesNotKnowOrWhatYamsRejects() {
        let declined = [
            "title: a: b\n", "title: |\n  block\n", "a: &x 1\nb: *x\n", "a: !!str 2024\n", "a:\n- x\n",
            "a: \"unclosed\n", "a: 1\na: 2\n", "a:\n  b:\n    c: 1\n", "a: [x,\n  y]\n", "a: {b: c}\n",
            "\ta: 1\n", "a: 1\r\n", "a: \"\\u00e9\"\n", "a: [x, ]\n", "a: x\n  continued\n", "- a\n- b\n",
            "a: 1\n...\n", "---\na: 1\n", "a: \"x\" y\n", "a: -1\n", "", "# only a comment\n", "a: [b: c]\n",
            "a: x #c\n  y\n", "a:\n  b: 1\n  # indented comment\n", "a:\n  - x\n  -\n",
            "a:\n  - b: c\n    d:\n      - e\n",
            "a:\n  - b: c\n     d: e\n", "a:\n  - b: c\n    b: d\n",
            "\u{FEFF}a: 1\n", "a: x\u{85}y\n",
        ]
        for yaml in declined {
            XCTAssertNil(FastYAMLReader.read(yaml), "fast reader accepted:\n\(yaml)")
        }
    }

    /// Every front matter and site.yml in the repository's sites and test fixtures.
    func testAgreesWithYamsOnEveryFileOfTheTestSites() throws {
        var accepted = 0
        var total = 0
        for root in [
            TestPaths.repository + "/Content", TestPaths.fixtures, TestPaths.repository + "/site.yml",
        ] {
            for path in Self.files(under: root) {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                let yaml: String
                if path.hasSuffix(".yml") {
                    yaml = text
                } else if case .success(let parts) = FrontMatterSplitter.split(text) {
                    yaml = parts.yaml
                } else {
                    continue
                }
                total += 1
                if check(yaml) { accepted += 1 }
            }
        }
        XCTAssertGreaterThan(total, 40)
        // Most files are in the subset, so the fast path is the one builds take.
        XCTAssertGreaterThan(accepted * 10, total * 7, "accepted \(accepted) of \(total)")
    }

    /// Thousands of small edits of typical front matter: inserted YAML punctuation, deleted
    /// characters, joined and indented lines. Wherever the fast reader still accepts, Yams
    /// must compose the same nodes.
    func testAgreesWithYamsOnMutatedFrontMatter() {
        var random = SeededRandom(seed: 0x5EED)
        let alphabet = Array(" \n:#-[]{},'\"\\!&*|>?%@`~.0aZ\u{E9}\u{2014}")
        var accepted = 0
        for n in 0..<20_000 {
            var text = Array(Self.accepted[n % Self.accepted.count])
            for _ in 0...random.next(below: 3) {
                let index = random.next(below: text.count + 1)
                switch random.next(below: 4) {
                case 0: text.insert(alphabet[random.next(below: alphabet.count)], at: index)
                case 1 where index < text.count: text.remove(at: index)
                case 2: text.insert(contentsOf: "  ", at: index)
                default: text.insert(contentsOf: ": ", at: index)
                }
            }
            if check(String(text)) { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 2_000)
    }

    /// The alias guard never takes valid YAML without an alias for one: on mutated front matter
    /// that Yams composes and that has no `*`, composing reports no alias.
    func testTheAliasGuardOnlyFindsAliases() {
        var random = SeededRandom(seed: 0xA11A5)
        let alphabet = Array(" \n:#-[]{},'\"\\!&|>?%@`~.0aZ\u{E9}")
        var composed = 0
        for n in 0..<5_000 {
            var text = Array(Self.accepted[n % Self.accepted.count])
            for _ in 0...random.next(below: 3) {
                let index = random.next(below: text.count + 1)
                switch random.next(below: 3) {
                case 0: text.insert(alphabet[random.next(below: alphabet.count)], at: index)
                case 1 where index < text.count: text.remove(at: index)
                default: text.insert(contentsOf: "\n  ", at: index)
                }
            }
            let yaml = String(text)
            guard (try? Yams.compose(yaml: yaml)) != nil else { continue }
            composed += 1
            var diagnostics: [Diagnostic] = []
            _ = YAMLDocument.compose(yaml, path: "f.md", firstLine: 2, diagnostics: &diagnostics)
            XCTAssertFalse(
                diagnostics.contains { $0.message.hasPrefix("YAML aliases") },
                "no alias in \(yaml.debugDescription)")
        }
        XCTAssertGreaterThan(composed, 1_000)
    }

    /// `YYYY-MM-DD` is decided without Yams' resolver; it must be what the resolver says.
    func testCalendarDateShortcutAgreesWithYamsResolver() {
        let texts = [
            "2024-10-24", "0000-00-00", "2024-1-024", "2024-10-2x", "2024/10/24", "20241024xx", "2024-10-245",
        ]
        for text in texts {
            let resolved = Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(text))) == .timestamp
            XCTAssertTrue(!YAMLDocument.isCalendarDate(text) || resolved, text)
            let scalar = YAMLNode.Scalar(string: text, isPlain: true, mark: .init(line: 1, column: 1))
            XCTAssertEqual(YAMLDocument.typeName(scalar) == "date", resolved, text)
        }
        XCTAssertTrue(YAMLDocument.isCalendarDate("2024-10-24"))
    }

    static func files(under root: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [root] }
        let found = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }.sorted().map { root + "/" + $0 }
    }
}

/// A small deterministic generator (SplitMix64), so a failing mutation reproduces.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
