import CCmark
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
        let data = try Data(
            contentsOf: URL(fileURLWithPath: TestPaths.fixtures + "/commonmark/spec-0.30.json"))
        let examples = try JSONDecoder().decode([Example].self, from: data)
        XCTAssertEqual(examples.count, 652)
        let renderer = MarkdownRenderer(unsafeHTML: true, links: nil)
        var failures: [Int] = []
        for example in examples where renderer.render(example.markdown).html != example.html {
            failures.append(example.example)
        }
        XCTAssertEqual(failures, [], "examples that differ from the spec")
    }

    /// cmark allocates from brief's arena: a document far larger than one arena chunk (300 KB
    /// of HTML, and every example of the spec) renders exactly as with cmark's own allocator.
    func testALargeDocumentRendersAsWithCmarksOwnAllocator() throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: TestPaths.fixtures + "/commonmark/spec-0.30.json"))
        let block =
            "## Part *n*\n\nSome *text*, a [link](/x \"t\") and `code` &amp; more.\n\n"
            + "- item **one**\n- item two\n\n> a quote\n> on two lines\n\n"
        let markdown =
            String(repeating: block, count: 2_000)
            + (try JSONDecoder().decode([Example].self, from: data).map(\.markdown).joined(separator: "\n\n"))
        let ours = MarkdownRenderer(unsafeHTML: true, links: nil).render(markdown).html
        let theirs = String(cString: cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_UNSAFE))
        XCTAssertGreaterThan(ours.utf8.count, 200_000)
        XCTAssertEqual(ours, theirs)
    }

    /// A document begun while another is alive on the same thread gets an arena of its own.
    func testDocumentsNestOnOneThread() {
        let outer = CmarkDocument(markdown: "# Outer *a*", unsafeHTML: false)
        do {
            let inner = CmarkDocument(markdown: "inner **b**", unsafeHTML: false)
            XCTAssertEqual(inner.html(), "<p>inner <strong>b</strong></p>\n")
        }
        XCTAssertEqual(outer.renderInlineContent(of: outer.root.firstChild!), "Outer <em>a</em>")
        XCTAssertEqual(outer.html(), "<h1></h1>\n")
    }

    func testSafeModeOmitsRawHTMLAndDangerousLinks() {
        let renderer = MarkdownRenderer(unsafeHTML: false, links: nil)
        XCTAssertEqual(
            renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))").html,
            "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a></p>\n")
    }
}
