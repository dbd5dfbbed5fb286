import Foundation
import XCTest

@testable import BriefKit

/// The Markdown stage with brief's passes off reproduces every CommonMark 0.30 example byte for byte.
final class CommonMarkSpecTests: XCTestCase {
    struct Example: Decodable {
        let markdown: String
        let html: String
        let example: Int
        let section: String
    }

    func testEveryExampleOfTheSpecIsReproduced() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.shared + "/commonmark/spec-0.30.json"))
        let examples = try JSONDecoder().decode([Example].self, from: data)
        XCTAssertEqual(examples.count, 652)
        let renderer = MarkdownRenderer(unsafeHTML: true, links: nil)
        var failures: [Int] = []
        for example in examples where renderer.render(example.markdown).html != example.html {
            failures.append(example.example)
        }
        XCTAssertEqual(failures, [], "examples that differ from the spec")
    }

    func testSafeModeOmitsRawHTMLAndDangerousLinks() {
        let renderer = MarkdownRenderer(unsafeHTML: false, links: nil)
        XCTAssertEqual(
            renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))").html,
            "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a></p>\n")
    }
}
