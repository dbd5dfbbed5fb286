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
        XCTAssertEqual(result.discovered.map(\.name), [], "the repository's registry knows every actor")
        XCTAssertEqual(
            result.quotes.map(\.speaker),
            ["Yoon Suk Yeol", "Yoon Suk Yeol", nil, "Kim Yong Hyun", "Kim Yong Hyun", "Kim Yong Hyun"],
            "each quote once, short phrases too; a joint statement has no one speaker")
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
        XCTAssertEqual(
            result.discovered.map(\.name), ["Ada Lovelace"], "a street names a place, not an actor")
        XCTAssertEqual(
            result.quotes,
            [.init(text: "We bake every night so the town can eat every morning", speaker: "Ada Lovelace")])
        let (briefing, diagnostics) = EntryParser.parseBriefing(SourceText(path: "i.md", text: result.text))
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "i.md:15:1: warning: the import marker is still here: rewrite the imported notes in your own words, then delete this line"
            ])
        XCTAssertEqual(briefing?.title, "Baker: \"our bread will not sit idle\"")
        XCTAssertEqual(briefing?.source?.author, "Jane Doe")
        XCTAssertEqual(
            briefing?.summary,
            "The Main Street Bakery won the regional prize on Monday. Its owner, Ada Lovelace, thanked the judges."
        )
    }

    /// A new site's registry: only `brief init`'s example actor.
    func newSiteModel() throws -> SiteModel {
        let site = TestPaths.temporaryFolder() + "/new"
        _ = SiteInitializer(root: site, copyTheme: false, today: "2024-01-01").create()
        return try XCTUnwrap(SiteRegistry.load(siteRoot: site).0)
    }

    func imported(_ name: String) throws -> ArticleImporter.Result {
        let text = try String(contentsOfFile: TestPaths.fixtures + "/articles/" + name, encoding: .utf8)
        return ArticleImporter(model: try newSiteModel()).importArticle(
            text, options: .init(date: Article.parse(text).date ?? "2000-01-01"))
    }

    func testImportIntoANewSiteFindsEveryActorQuoteAndClaim() throws {
        let result = try imported("south-korea-weighs-weapons-for-ukraine.txt")
        XCTAssertNil(result.article.date, "the article gives no date")
        XCTAssertEqual(
            result.discovered.map { "\($0.name) (\($0.kind.rawValue)\($0.role.map { ", " + $0 } ?? ""))" },
            [
                "North Korea (country)", "South Korea (country)", "Russia (country)", "Ukraine (country)",
                "Poland (country)", "Kim Jong Un (person)",
                "Yoon Suk Yeol (person, President of South Korea)",
                "Andrzej Duda (person, President of Poland)",
                "Kim Yong Hyun (person, Defense Minister of South Korea)",
                "National Intelligence Service (organization)", "United States (country)",
            ])
        XCTAssertEqual(
            result.discovered.first { $0.name == "National Intelligence Service" }?.aliases, ["NIS"])
        XCTAssertEqual(
            result.quotes.map { "\($0.text.prefix(30)) — \($0.speaker ?? "?")" },
            [
                "If North Korea dispatches spec — Yoon Suk Yeol", "won’t sit idle — Yoon Suk Yeol",
                "actively support — ?", "selling away its troops to an  — Kim Yong Hyun",
                "cannon fodder — Kim Yong Hyun", "Troop deployment is just a phr — Kim Yong Hyun",
            ])
        XCTAssertEqual(
            result.quotes[0].text.hasSuffix("security on the Korean Peninsula"), true,
            "the cut-off quote gives way to its full form")
        XCTAssertEqual(
            result.claims,
            [
                .init(
                    text:
                        "Around 3,000 North Korean troops had been deployed to Russia, with more expected by the end of the year",
                    by: ["South Korea", "United States"], deniedBy: []),
                .init(
                    text: "North Korea aims to send up to 10,000 troops to Russia",
                    by: ["South Korea", "National Intelligence Service"], deniedBy: []),
                .init(
                    text: "The presence of North Korean troops", by: [], deniedBy: ["Russia", "North Korea"]),
            ])
        XCTAssertEqual(
            result.text.components(separatedBy: "South Korea considers weapons for Ukraine:").count, 1,
            "the kicker the standfirst and lede share is dropped from the notes")
    }

    func testImportOfAWireStory() throws {
        let result = try imported("wire-story.txt")
        XCTAssertEqual(result.article.date, "2024-11-14")
        XCTAssertEqual(result.article.dateLine, "Published: November 14, 2024 09:12 UTC")
        XCTAssertEqual(result.article.byline, "Liisa Korhonen")
        XCTAssertEqual(
            result.discovered.map { "\($0.name) (\($0.kind.rawValue)\($0.role.map { ", " + $0 } ?? ""))" },
            [
                "Finland (country)", "Russia (country)",
                "Antti Hakkanen (person, Defence Minister of Finland)",
                "Estonia (country)", "Finnish Border Guard (organization)",
                "Kristen Michal (person, Prime Minister of Estonia)", "NATO (organization)",
            ])
        XCTAssertEqual(
            result.quotes,
            [
                .init(text: "We will not accept violations of our territory", speaker: "Antti Hakkanen"),
                .init(text: "within weeks", speaker: "Antti Hakkanen"),
                .init(text: "a pattern of provocations", speaker: "Kristen Michal"),
            ])
        XCTAssertEqual(
            result.claims,
            [
                .init(
                    text: "Two Russian helicopters had crossed the border near Imatra on Wednesday evening",
                    by: ["Finnish Border Guard"], deniedBy: []),
                .init(text: "Its aircraft had entered Finnish airspace", by: [], deniedBy: ["Russia"]),
            ])
        XCTAssertTrue(result.text.contains("date: 2024-11-14\n"))
    }

    func testImportOfALiveBlogWithTimestamps() throws {
        let result = try imported("liveblog.txt")
        XCTAssertEqual(result.article.date, "2024-10-24")
        XCTAssertEqual(result.article.dateLine, "Thursday 24 October 2024")
        XCTAssertEqual(
            result.article.blocks.filter { if case .heading = $0 { true } else { false } },
            [.heading("12:30 KST"), .heading("11:15 KST"), .heading("10:42 KST")])
        XCTAssertEqual(
            result.discovered.map { "\($0.name) (\($0.kind.rawValue)\($0.role.map { ", " + $0 } ?? ""))" },
            [
                "North Korea (country)", "Russia (country)", "Mark Rutte (person, Secretary General of NATO)",
                "NATO (organization)", "South Korea (country)",
            ])
        XCTAssertEqual(
            result.quotes,
            [
                .init(text: "groundless rumours", speaker: "North Korea"),
                .init(text: "This is a significant escalation", speaker: "Mark Rutte"),
            ])
        XCTAssertEqual(
            result.claims,
            [
                .init(text: "Sending troops", by: [], deniedBy: ["North Korea"]),
                .init(
                    text: "North Korean troops had been sent to Russia", by: ["NATO", "Mark Rutte"],
                    deniedBy: []),
            ])
    }

    func testTheEmbeddedGazetteerIsTheDataFile() throws {
        let file = try String(contentsOfFile: TestPaths.repository + "/Data/gazetteer.tsv", encoding: .utf8)
        XCTAssertEqual(EmbeddedGazetteer.text, file, "run `make theme` (scripts/embed-theme.py)")
        XCTAssertEqual(Gazetteer.shared.country["North Korean"], "North Korea")
        XCTAssertEqual(Gazetteer.shared.country["Polish"], "Poland")
    }
}
