import XCTest

@testable import BriefKit

/// Rendered bodies held compressed (`PackedText`, `MarkdownRenderer.Output.pack()`): what a
/// large site keeps until its pages are written.
final class PackedTextTests: XCTestCase {
    func testTextComesBackAsItWasPacked() throws {
        let texts = [
            "<p>One paragraph.</p>\n",
            "Erdoğan, Kraków, Łódź — “quoted” 東京 🚀\n",
            String(repeating: "<p>Troops moved to the border.</p>\n", count: 20_000),
            (0..<5_000).map { "word\($0 * 7919 % 10_007)" }.joined(separator: " "),
        ]
        for text in texts {
            let packed = try XCTUnwrap(PackedText(text))
            XCTAssertEqual(packed.text, text)
            XCTAssertEqual(packed.text, text, "unpacked again, the same")
        }
        let repetitive = try XCTUnwrap(PackedText(texts[2]))
        XCTAssertLessThan(repetitive.packedBytes.count * 50, texts[2].utf8.count, "held in far fewer bytes")
    }

    func testAnEmptyOutputStaysPlain() {
        var output = MarkdownRenderer.Output(html: "", diagnostics: [], firstParagraph: nil, anchors: [])
        output.pack()
        XCTAssertFalse(output.isPacked)
        XCTAssertEqual(output.html, "")
    }

    func testASiteAbovePackingThresholdHoldsEveryBodyPackedAndReadsItAsRendered() throws {
        let site = TestPaths.fixtures + "/site"
        let (sources, _) = ContentLoader(root: site, baseURLOverride: nil).load()
        let (resolved, _) = SiteResolver(includeDrafts: true).resolve(try XCTUnwrap(sources))
        let model = try XCTUnwrap(resolved)
        let links = LinkResolver.forSite(model, basePath: model.config.basePath)
        func render(packAbove: Int) -> RenderedBodies {
            var copy = model
            return RenderedBodies.render(
                &copy, resolver: links, absolute: links.rebased(model.config.absoluteBase),
                recordLinks: false, dropEntrySources: true, cache: nil, packAbove: packAbove)
        }
        let plain = render(packAbove: .max)
        let packed = render(packAbove: 0)
        XCTAssertFalse(plain.entries.contains(where: \.isPacked))
        XCTAssertEqual(
            packed.entries.filter(\.isPacked).count, plain.entries.filter { !$0.html.isEmpty }.count)
        XCTAssertGreaterThan(packed.entries.count, 2)
        XCTAssertEqual(packed.entries.map(\.html), plain.entries.map(\.html))
        XCTAssertEqual(packed.entries.map(\.htmlByteCount), plain.entries.map(\.html.utf8.count))
        XCTAssertEqual(packed.entries.map(\.firstParagraph), plain.entries.map(\.firstParagraph))
        // An output given new HTML (`brief serve` after an edit) holds it as given.
        var edited = packed.entries[0]
        edited.html = "<p>Edited.</p>\n"
        XCTAssertFalse(edited.isPacked)
        XCTAssertEqual(edited.html, "<p>Edited.</p>\n")
    }
}
