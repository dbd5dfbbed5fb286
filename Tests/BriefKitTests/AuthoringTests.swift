import Foundation
import XCTest

@testable import BriefKit

/// `brief new` and `brief import`: front matter that always parses back, and an article turned
/// into a draft briefing.
final class AuthoringTests: XCTestCase {
    static let article = TestPaths.fixtures + "/articles/south-korea-weighs-weapons-for-ukraine.txt"

    func testQuotedValuesParseBackUnchanged() throws {
        for title in [
            "Yoon: \"we will not sit idle\"", "No", "2024", "a\\b", "line\nbreak", "tab\there", "#hash",
            "x: y",
        ] {
            let text = EntryWriter.draft(
                title: title, date: "2024-10-24", actors: ["Kim, Jong Un", "O'Brien"], topics: [])
            let (briefing, diagnostics) = EntryParser.parseBriefing(SourceText(path: "n.md", text: text))
            XCTAssertEqual(diagnostics, [], title)
            XCTAssertEqual(briefing?.title, title)
            XCTAssertEqual(briefing?.actors.map(\.value), ["Kim, Jong Un", "O'Brien"])
            XCTAssertEqual(briefing?.draft, true)
        }
    }

    func testNewEntryPathsUseDateAndSlug() {
        XCTAssertEqual(
            EntryWriter.path(date: "2024-10-24", title: "Yoon: \"we will not sit idle\""),
            "Content/briefings/2024-10-24-yoon-we-will-not-sit-idle.md")
        XCTAssertEqual(
            EntryWriter.path(date: "2024-10-24", title: "윤석열"), "Content/briefings/2024-10-24-briefing.md")
    }

    func testArticleStructure() throws {
        let article = Article.parse(try String(contentsOfFile: Self.article, encoding: .utf8))
        XCTAssertEqual(
            article.headline,
            "South Korea considers sending weapons to Ukraine after North deploys troop alongside Russia")
        XCTAssertNil(article.byline, "the article names no author")
        XCTAssertEqual(article.editor, "Mayank Kasyap", "'Edited By' names the editor")
        XCTAssertTrue(
            article.dek?.hasPrefix("South Korea considers weapons for Ukraine: \"If North Korea") == true)
        let headings = article.blocks.compactMap { block -> String? in
            if case .heading(let text) = block { return text }
            return nil
        }
        XCTAssertEqual(
            headings,
            [
                "North Korean troops allegedly deployed alongside Russian army",
                "South Korea’s potential shift in policy",
                "Strengthening defense ties with Poland", "Worsening tensions on the Korean peninsula",
                "South Korean Defense Minister’s response",
            ])
        let paragraphs = article.blocks.filter { if case .paragraph = $0 { true } else { false } }
        XCTAssertEqual(paragraphs.count, 11)
        XCTAssertFalse(article.blocks.contains(.paragraph("Follow us:")))
        XCTAssertFalse(article.blocks.contains { "\($0)".contains("(Flickr)") }, "photo credit dropped")
    }

    func testImportingTheArticleFindsActorsQuotesAndLede() throws {
        let (model, _) = SiteRegistry.load(siteRoot: TestPaths.repository)
        let importer = ArticleImporter(model: try XCTUnwrap(model))
        let result = importer.importArticle(
            try String(contentsOfFile: Self.article, encoding: .utf8),
            options: .init(url: "https://news.example.com/a", publisher: "Example News", date: "2024-10-24"))
        XCTAssertEqual(
            result.summary,
            "South Korean President Yoon Suk Yeol hinted on Thursday at the possibility of his country supplying weapons "
                + "to Ukraine. This shift comes as tensions rise following allegations that North Korea is sending troops "
                + "to support Russia's aggression in Ukraine.")
        let actors = Set(result.actors.map(\.name))
        for name in [
            "Yoon Suk Yeol", "Andrzej Duda", "Kim Jong Un", "Kim Yong Hyun", "South Korea", "North Korea",
            "Russia",
            "Ukraine", "Poland", "United States", "National Intelligence Service",
        ] {
            XCTAssertTrue(actors.contains(name), name)
        }
        XCTAssertEqual(result.actors.first?.name, "Russia")
        XCTAssertEqual(result.candidates.map(\.name), ["Korean Peninsula"])
        XCTAssertEqual(
            result.quotes.map(\.speaker),
            ["Yoon Suk Yeol", "Yoon Suk Yeol", "Yoon Suk Yeol", "Kim Yong Hyun", "Kim Yong Hyun"])
        XCTAssertEqual(
            result.quotes.last?.text,
            "Troop deployment is just a phrase, and it would be more appropriate to call them mercenaries")
        XCTAssertTrue(result.text.contains("  editor: \"Mayank Kasyap\"\n"))
        XCTAssertFalse(result.text.contains("  author:"))
        XCTAssertTrue(result.text.contains("  publisher: \"Example News\"\n"))
        XCTAssertFalse(result.text.contains("Follow us"))
    }

    func testImportedDraftBuildsWithDrafts() throws {
        let site = TestPaths.temporaryFolder() + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        for item in ["site.yml", "Content"] {
            try FileManager.default.copyItem(
                atPath: TestPaths.repository + "/" + item, toPath: site + "/" + item)
        }
        let (model, _) = SiteRegistry.load(siteRoot: site)
        let result = ArticleImporter(model: try XCTUnwrap(model)).importArticle(
            try String(contentsOfFile: Self.article, encoding: .utf8), options: .init(date: "2024-10-24"))
        let path = EntryWriter.path(date: "2024-10-24", title: result.article.headline)
        XCTAssertEqual(try EntryWriter.create(result.text, at: path, siteRoot: site).get(), path)
        guard case .failure(.exists) = EntryWriter.create("x", at: path, siteRoot: site) else {
            return XCTFail("an existing entry must never be overwritten")
        }
        let withDrafts = SiteBuilder(
            options: BuildOptions(siteRoot: site, output: site + "/out", drafts: true)
        ).build()
        // Its only warning is the import marker, which stays until the notes are rewritten.
        XCTAssertEqual(
            withDrafts.printedDiagnostics.filter { $0.severity != .note }.map(\.message),
            [
                "the import marker is still here: rewrite the imported notes in your own words, then delete this line"
            ])
        XCTAssertEqual(withDrafts.summary?.entries, 7)
        let html = try String(
            contentsOfFile: site
                + "/out/briefings/south-korea-considers-sending-weapons-to-ukraine-after/index.html",
            encoding: .utf8)
        XCTAssertTrue(
            html.contains("<figcaption>— <a href=\"/actors/kim-yong-hyun/\">Kim Yong Hyun</a></figcaption>"))
    }

    func testArticleThatNamesNoKnownActorAndHasAColonAndQuotesInItsHeadline() throws {
        let (model, _) = SiteRegistry.load(siteRoot: TestPaths.repository)
        let text = """
            # Baker: "our bread will not sit idle"

            By Jane Doe

            Photo: the bakery (Jane Doe)

            The Main Street Bakery won the regional prize on Monday. Its owner, Ada Lovelace, thanked the judges.

            "We bake every night so the town can eat every morning," Ada Lovelace said.
            """
        let result = ArticleImporter(model: try XCTUnwrap(model)).importArticle(
            text, options: .init(date: "2024-11-01"))
        XCTAssertEqual(result.actors.map(\.name), [])
        XCTAssertTrue(
            result.text.contains(
                "# No actor of the registry (Content/actors/) is named in the article.\nactors: []\n"))
        XCTAssertEqual(result.candidates.map(\.name), ["Ada Lovelace", "Main Street Bakery"])
        XCTAssertEqual(
            result.quotes,
            [.init(text: "We bake every night so the town can eat every morning", speaker: "Ada Lovelace")])
        let (briefing, diagnostics) = EntryParser.parseBriefing(SourceText(path: "i.md", text: result.text))
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "i.md:16:1: warning: the import marker is still here: rewrite the imported notes in your own words, then delete this line"
            ])
        XCTAssertEqual(briefing?.title, "Baker: \"our bread will not sit idle\"")
        XCTAssertEqual(briefing?.source?.author, "Jane Doe")
        XCTAssertEqual(
            briefing?.summary,
            "The Main Street Bakery won the regional prize on Monday. Its owner, Ada Lovelace, thanked the judges."
        )
    }
}
