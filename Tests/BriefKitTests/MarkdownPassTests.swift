import XCTest

@testable import BriefKit

/// The brief passes over the cmark tree, string in and string out.
final class MarkdownPassTests: XCTestCase {
    let resolver = LinkResolver(
        basePath: "/watch/",
        wikilink: { kind, name in
            switch (kind, name) {
            case ("actor", "Kim Jong Un"): .found(url: "actors/kim-jong-un/")
            case ("actor", "Kim"): .ambiguous(["Kim Jong Un", "Kim Yong Hyun"])
            case ("topic", "Arms"): .found(url: "topics/arms/")
            case ("briefing", "nis"): .found(url: "briefings/nis/", title: "NIS figures")
            default: .unknown(suggestion: name == "Kim Jong Uh" ? "Kim Jong Un" : nil)
            }
        },
        contentFile: { path in
            switch path {
            case "Content/briefings/2024/a.md": "briefings/a/"
            case "Content/media/map.png": "media/map.png"
            default: nil
            }
        })

    func render(_ markdown: String, unsafe: Bool = false) -> MarkdownRenderer.Output {
        MarkdownRenderer(unsafeHTML: unsafe, links: resolver).render(
            markdown,
            source: MarkdownSource(path: "Content/briefings/2024/b.md", firstLine: 5, text: markdown))
    }

    func testHeadingsGetUniqueAnchors() {
        let output = render("# Hello *World*\n\n## Hello World\n\n### 한국")
        XCTAssertEqual(
            output.html,
            "<h1 id=\"hello-world\">Hello <em>World</em></h1>\n<h2 id=\"hello-world-1\">Hello World</h2>\n"
                + "<h3 id=\"section\">한국</h3>\n")
        XCTAssertEqual(output.anchors, ["hello-world", "hello-world-1", "section"])
    }

    func testWikilinksResolveWithLabelsAndKinds() {
        XCTAssertEqual(
            render("See [[Kim Jong Un]], [[topic:Arms|arms]] and [[briefing:nis]].").html,
            "<p>See <a href=\"/watch/actors/kim-jong-un/\">Kim Jong Un</a>, <a href=\"/watch/topics/arms/\">arms</a>"
                + " and <a href=\"/watch/briefings/nis/\">NIS figures</a>.</p>\n")
    }

    func testUnresolvedWikilinkIsAnErrorAtItsLineAndColumnAndShowsNoBrackets() {
        let output = render("Text\n\nÉlan [[Kim Jong Uh]] and [[Kim]].")
        XCTAssertEqual(output.html, "<p>Text</p>\n<p>Élan Kim Jong Uh and Kim.</p>\n")
        XCTAssertEqual(
            output.diagnostics.map(\.description),
            [
                "Content/briefings/2024/b.md:7:6: error: [[Kim Jong Uh]] does not match any actor; did you mean 'Kim Jong Un'?",
                "Content/briefings/2024/b.md:7:26: error: [[Kim]] is ambiguous: it could be 'Kim Jong Un' or 'Kim Yong Hyun'; write the full name",
            ])
    }

    /// Found by the Markdown fuzzer: cmark gives some inline nodes no position (line 0); their
    /// diagnostics take the nearest positioned ancestor's place instead of column 0.
    func testNodesWithoutAPositionAreLocatedByTheirAncestor() {
        let bytes: [UInt8] =
            Array(">  Quote\n>\n> \u{2014} Ki".utf8) + [0xB4] + Array("m Jan".utf8)
            + [UInt8](repeating: 0xFF, count: 8)
            + Array("\td [[brieba*g: Un]], [[topic:x|y]] an".utf8) + [0xFF] + Array("]] ".utf8) + [
                0xFF, 0x06,
            ]
            + Array("de\n".utf8)
        let output = render(String(decoding: bytes, as: UTF8.self))
        XCTAssertFalse(output.diagnostics.isEmpty)
        for diagnostic in output.diagnostics {
            XCTAssertGreaterThanOrEqual(diagnostic.location.line ?? 0, 5, diagnostic.description)
            XCTAssertGreaterThanOrEqual(diagnostic.location.column ?? 0, 1, diagnostic.description)
        }
    }

    func testWikilinksInCodeStayLiteral() {
        XCTAssertEqual(render("`[[Kim Jong Un]]`").html, "<p><code>[[Kim Jong Un]]</code></p>\n")
    }

    func testLinksAreRewritten() {
        XCTAssertEqual(
            render("[a](a.md#x) [b](../../media/map.png) [c](/about/) [d](https://x.org/) [e](#top)").html,
            "<p><a href=\"/watch/briefings/a/#x\">a</a> <a href=\"/watch/media/map.png\">b</a> "
                + "<a href=\"/watch/about/\">c</a> <a href=\"https://x.org/\">d</a> <a href=\"#top\">e</a></p>\n"
        )
    }

    /// RFC 3986 schemes: a letter, then letters, digits, `+`, `.`, `-`, up to the first colon.
    func testSchemesAreRecognisedByTheirSyntax() {
        for url in ["https://x.org/", "mailto:a@b.org", "a+b.c-d:rest", "C:/drive", "tel:+1"] {
            XCTAssertTrue(LinkPass.hasScheme(url), url)
        }
        for url in ["no-colon", ":x", "1http://x", "é:x", "a b:c", "x/y:z", "ä+b:c", ""] {
            XCTAssertFalse(LinkPass.hasScheme(url), url)
        }
    }

    func testUnresolvedMarkdownLinkIsAnError() {
        let output = render("[gone](missing.md)")
        XCTAssertEqual(
            output.diagnostics.map(\.description),
            [
                "Content/briefings/2024/b.md:5:1: error: link to 'missing.md' does not resolve: no file Content/briefings/2024/missing.md"
            ])
    }

    func testJavascriptLinksAreEmptiedEvenWithUnsafeHTML() {
        XCTAssertEqual(render("[x](javascript:alert(1))", unsafe: true).html, "<p><a href=\"\">x</a></p>\n")
    }

    func testFirstParagraphIsPlainText() {
        XCTAssertEqual(
            render("# T\n\nOne *two*\nthree `four`.\n\nFive.").firstParagraph, "One two three four.")
    }
}
