import Foundation
import XCTest

@testable import BriefKit

/// The fixture site built end to end: pages exist and cross-links run both ways.
final class FixtureSiteTests: XCTestCase {
    static let site = TestPaths.fixtures + "/site"

    func build(_ options: (inout BuildOptions) -> Void = { _ in }) -> (SiteBuilder.Result, TreeSnapshot) {
        let output = TestPaths.temporaryFolder() + "/out"
        var buildOptions = BuildOptions(siteRoot: Self.site, output: output)
        options(&buildOptions)
        let result = SiteBuilder(options: buildOptions).build()
        return (result, TreeSnapshot(output))
    }

    func testBuildsEveryPageWithOneWarning() throws {
        let (result, tree) = build()
        XCTAssertEqual(
            result.printedDiagnostics.map(\.description),
            [
                "Content/briefings/2024/10/2024-10-24-second.md:8:31: warning: 'Sanctions' is not in the topic registry; it gets a page of its own (add Content/topics/sanctions.md to register it)"
            ])
        let summary = try XCTUnwrap(result.summary)
        XCTAssertEqual([summary.entries, summary.actors, summary.topics], [3, 6, 2])
        for path in [
            "index.html", "page/2/index.html", "briefings/index.html", "briefings/page/2/index.html",
            "briefings/first/index.html", "briefings/second/index.html", "briefings/third/index.html",
            "actors/index.html", "actors/kim-jong-un/index.html", "actors/kim-jong-un/feed.xml",
            "actors/lee-jae-myung/index.html", "topics/index.html", "topics/sanctions/index.html",
            "timeline/index.html",
            "search/index.html", "search/index.json", "search/terms/0.json", "search/doc/0.json",
            "search/actor/kim-jong-un.json", "search/topic/sanctions.json", "search/status/confirmed.json",
            "feed.xml", "sitemap.xml", "robots.txt", "404.html",
            "about/index.html",
            "media/map.svg", "CNAME", "assets/style.css", "assets/search.js",
        ] {
            XCTAssertNotNil(tree.files[path], path)
        }
        XCTAssertNil(tree.files["briefings/draft/index.html"], "drafts are not built without --drafts")
    }

    func testCrossLinksRunBothWays() {
        let (_, tree) = build()
        let first = tree.text("briefings/first/index.html")
        XCTAssertTrue(first.contains("<a class=\"tag\" href=\"/watch/actors/kim-jong-un/\">Kim Jong Un</a>"))
        XCTAssertTrue(first.contains("<a href=\"/watch/briefings/second/\">the second</a>"))
        XCTAssertTrue(first.contains("<a href=\"/watch/about/\">about</a>"))
        XCTAssertTrue(first.contains("<h2 id=\"details\">Details</h2>"))
        let actor = tree.text("actors/kim-jong-un/index.html")
        XCTAssertTrue(actor.contains("<a href=\"/watch/briefings/first/\">First: troops reported</a>"))
        XCTAssertTrue(actor.contains("<a href=\"/watch/briefings/third/\">Third</a>"))
        XCTAssertTrue(
            actor.contains("<a href=\"/watch/actors/north-korea/\">North Korea</a>"),
            "affiliation and seen-with")
        let erdogan = tree.text("actors/recep-tayyip-erdogan/index.html")
        XCTAssertTrue(
            erdogan.contains("/watch/briefings/second/"), "'Erdogan' resolves to 'Recep Tayyip Erdoğan'")
        let topic = tree.text("topics/troop-deployments/index.html")
        XCTAssertTrue(topic.contains("/watch/briefings/first/") && topic.contains("/watch/briefings/second/"))
        let northKorea = tree.text("actors/north-korea/index.html")
        XCTAssertTrue(northKorea.contains("Claims made") && northKorea.contains("Claims denied"))
        XCTAssertTrue(northKorea.contains("<blockquote><p>We deny everything.</p></blockquote>"))
        XCTAssertTrue(
            northKorea.contains("<a href=\"/watch/briefings/first/#quote-1\">First: troops reported</a>"))
        XCTAssertTrue(
            first.contains("<figcaption>— <a href=\"/watch/actors/north-korea/\">DPRK</a></figcaption>"))

    }

    func testDraftsBuildWithTheFlagButStayOutOfFeedsSearchAndSitemap() {
        let (_, tree) = build { $0.drafts = true }
        XCTAssertNotNil(tree.files["briefings/draft/index.html"])
        XCTAssertTrue(tree.text("briefings/index.html").contains("A draft"))
        for path in ["feed.xml", "actors/kim-jong-un/feed.xml", "sitemap.xml"] {
            XCTAssertFalse(tree.text(path).contains("draft"), path)
        }
        // The draft's title and its body's words ("Not yet.") are in no file of the search index.
        for path in tree.files.keys where path.hasPrefix("search/") && path != "search/index.html" {
            XCTAssertFalse(tree.text(path).contains("A draft"), path)
            XCTAssertFalse(tree.text(path).contains("\"yet\""), path)
        }
        XCTAssertEqual(
            (try? JSONSerialization.jsonObject(with: tree.files["search/index.json"]!) as? [String: Any])?[
                "docs"]
                as? Int, 3)
    }

    func testStructuredDataEscapesScriptEnd() throws {
        let (_, tree) = build()
        let page = tree.text("briefings/second/index.html")
        let start = try XCTUnwrap(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try XCTUnwrap(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["headline"] as? String, "Second </script> entry")
        XCTAssertEqual(object["@type"] as? String, "NewsArticle")
        XCTAssertEqual(object["dateModified"] as? String, "2024-10-25T00:00:00+09:00")
    }

    func testFeedIdsSurviveABaseURLChange() throws {
        let (_, original) = build()
        let (_, moved) = build { $0.baseURL = "http://localhost:8000/" }
        let ids = { (tree: TreeSnapshot) in
            tree.text("feed.xml").components(separatedBy: "\n").filter { $0.contains("<id>") }
        }
        XCTAssertEqual(ids(original), ids(moved))
        XCTAssertTrue(ids(original).contains("    <id>tag:example.org,2024-10-24:briefings/second/</id>"))
        XCTAssertTrue(moved.text("feed.xml").contains("href=\"http://localhost:8000/briefings/second/\""))
        XCTAssertEqual(original.text("feed.xml").components(separatedBy: "<entry>").count - 1, 3)
    }

    func testSearchRecordsAreValidJSONWithoutDrafts() throws {
        let (_, tree) = build()
        let items = try XCTUnwrap(
            JSONSerialization.jsonObject(with: tree.files["search/doc/0.json"]!) as? [[String: Any]])
        XCTAssertEqual(
            items.map { $0["title"] as? String },
            ["First: troops reported", "Second </script> entry", "Third"])
    }
}
