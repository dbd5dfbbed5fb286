import XCTest

@testable import BriefKit

/// Mention links, unlisted-mention notes and quote attribution, string in and string out.
final class MentionAndQuoteTests: XCTestCase {
    /// Actors: 0 Kim Jong Un (alias Kim), 1 Kim Yong Hyun (alias Kim), 2 United States (alias US),
    /// 3 Theresa May (alias May), 4 Poland (registered, never listed), 5 Łódź.
    static let model: SiteModel = {
        func actor(_ name: String, _ slug: String, _ aliases: [String]) -> SiteModel.ActorRecord {
            SiteModel.ActorRecord(
                name: name, slug: slug, kind: nil, aliases: aliases, role: nil, affiliation: nil, profile: "",
                path: "Content/actors/\(slug).md", bodyFirstLine: 1, params: .empty)
        }
        return SiteModel(
            config: SiteConfig(title: "T", baseURL: "https://x.org/"), root: "/", entries: [],
            actors: [
                actor("Kim Jong Un", "kim-jong-un", ["Kim"]),
                actor("Kim Yong Hyun", "kim-yong-hyun", ["Kim"]),
                actor("United States", "united-states", ["US"]), actor("Theresa May", "theresa-may", ["May"]),
                actor("Poland", "poland", []), actor("Łódź", "lodz", []),
            ], topics: [], pages: [], media: [], statics: [])
    }()

    func render(_ markdown: String, listed: [Int] = [0, 1, 2, 3, 5]) -> MarkdownRenderer.Output {
        let resolver = LinkResolver(basePath: "/", actors: ActorDirectory(model: Self.model))
        return MarkdownRenderer(unsafeHTML: false, links: resolver).render(
            markdown, source: MarkdownSource(path: "e.md", firstLine: 10, text: markdown),
            listedActors: listed)
    }

    func testFirstMentionOfEachListedActorIsLinkedLongestFirst() {
        XCTAssertEqual(
            render("Kim Jong Un met Kim Yong Hyun. Kim Jong Un left.").html,
            "<p><a href=\"/actors/kim-jong-un/\">Kim Jong Un</a> met <a href=\"/actors/kim-yong-hyun/\">Kim Yong Hyun</a>."
                + " Kim Jong Un left.</p>\n")
    }

    func testMatchesAreCaseSensitiveAtWordBoundariesAndSkipSharedAliases() {
        XCTAssertEqual(
            render("Kim said the US may help us in May; USA and Kimchi are not names.").html,
            "<p>Kim said the <a href=\"/actors/united-states/\">US</a> may help us in "
                + "<a href=\"/actors/theresa-may/\">May</a>; USA and Kimchi are not names.</p>\n")
    }

    func testNamesAreFoundAcrossSoftBreaksAndAfterNonASCIILetters() {
        XCTAssertEqual(
            render("Talks with Kim Jong\nUn in Łódź’s centre.").html,
            "<p>Talks with <a href=\"/actors/kim-jong-un/\">Kim Jong\nUn</a> in <a href=\"/actors/lodz/\">Łódź</a>’s centre.</p>\n"
        )
        XCTAssertEqual(render("XŁódź and Łódźy.").html, "<p>XŁódź and Łódźy.</p>\n")
    }

    func testNeverInsideLinksCodeHeadingsOrImages() {
        XCTAssertEqual(
            render("# Kim Jong Un\n\n[Kim Jong Un](https://x.org) `Kim Jong Un` ![Kim Jong Un](k.png)").html,
            "<h1 id=\"kim-jong-un\">Kim Jong Un</h1>\n<p><a href=\"https://x.org\">Kim Jong Un</a> <code>Kim Jong Un</code> "
                + "<img src=\"k.png\" alt=\"Kim Jong Un\" /></p>\n")
    }

    func testEmphasisSplitsRunsButTheRestOfTheTextIsStillSearched() {
        XCTAssertEqual(
            render("*Kim Jong* Un, then Kim Jong Un.").html,
            "<p><em>Kim Jong</em> Un, then <a href=\"/actors/kim-jong-un/\">Kim Jong Un</a>.</p>\n")
    }

    /// The first mention in reading order, even inside emphasis before plain text (runs were
    /// once grouped by parent, which put a paragraph's own text before its emphasis).
    func testTheFirstMentionInReadingOrderIsLinked() {
        XCTAssertEqual(
            render("Talks: *Kim Jong Un* first, Kim Jong Un second.").html,
            "<p>Talks: <em><a href=\"/actors/kim-jong-un/\">Kim Jong Un</a></em> first, Kim Jong Un second.</p>\n"
        )
        let output = render("In **Poland**, not Poland; then *Łódź* and Łódź.", listed: [5])
        XCTAssertEqual(
            output.html,
            "<p>In <strong>Poland</strong>, not Poland; then <em><a href=\"/actors/lodz/\">Łódź</a></em> and Łódź.</p>\n"
        )
        XCTAssertEqual(
            output.diagnostics.map(\.description),
            ["e.md:10:6: note: mentions Poland but does not list it in 'actors'"])
    }

    func testUnlistedRegisteredActorGetsOneNote() {
        let output = render("Intro.\n\nTroops in Poland and Poland again.", listed: [])
        XCTAssertEqual(output.html, "<p>Intro.</p>\n<p>Troops in Poland and Poland again.</p>\n")
        XCTAssertEqual(
            output.diagnostics.map(\.description),
            ["e.md:12:11: note: mentions Poland but does not list it in 'actors'"])
    }

    func testAttributedQuoteBecomesAFigureAndIsCollected() {
        let output = render("> We will not sit idle.\n>\n> — Kim Jong Un\n\nAfter.", listed: [])
        XCTAssertEqual(
            output.html,
            "<figure class=\"quote\" id=\"quote-1\">\n<blockquote>\n<p>We will not sit idle.</p>\n</blockquote>\n"
                + "<figcaption>— <a href=\"/actors/kim-jong-un/\">Kim Jong Un</a></figcaption>\n</figure>\n<p>After.</p>\n"
        )
        XCTAssertEqual(output.quotes, [Quote(actor: 0, text: "We will not sit idle.", anchor: "quote-1")])
    }

    func testAttributionOnTheQuotesLastLineWithDoubleHyphen() {
        let output = render("> Mercenaries, not troops.\n> -- Kim Yong Hyun", listed: [1])
        XCTAssertEqual(
            output.html,
            "<figure class=\"quote\" id=\"quote-1\">\n<blockquote>\n<p>Mercenaries, not troops.</p>\n</blockquote>\n"
                + "<figcaption>— <a href=\"/actors/kim-yong-hyun/\">Kim Yong Hyun</a></figcaption>\n</figure>\n"
        )
        XCTAssertEqual(output.quotes.map(\.actor), [1])
    }

    func testAmbiguousOrUnknownSpeakerIsAWarningAndNotCollected() {
        let output = render("> One.\n>\n> — Kim\n\n> Two.\n>\n> — Kim Jong Um")
        XCTAssertEqual(output.quotes, [])
        XCTAssertEqual(
            output.diagnostics.map(\.description),
            [
                "e.md:12:3: warning: quote attributed to 'Kim', which could be 'Kim Jong Un' or 'Kim Yong Hyun'",
                "e.md:16:3: warning: quote attributed to 'Kim Jong Um', who is not in the actor registry; did you mean 'Kim Jong Un'?",
            ])
        XCTAssertTrue(output.html.contains("<figcaption>— Kim</figcaption>"))
    }

    func testPlainBlockquoteIsLeftAlone() {
        XCTAssertEqual(render("> Just a quote.").html, "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n")
    }
}
