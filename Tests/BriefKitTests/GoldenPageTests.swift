import Foundation
import XCTest

@testable import BriefKit

/// One page of every kind of the fixture site (built with drafts), compared byte for byte
/// with the pages kept in Fixtures/golden/. A change to the theme or to rendering that alters
/// a page fails here until the golden page is updated on purpose:
/// `BRIEF_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests`, then review the diff.
final class GoldenPageTests: XCTestCase {
    static let golden = TestPaths.fixtures + "/golden"
    static let pages = [
        "index.html", "page/2/index.html", "briefings/index.html", "briefings/first/index.html",
        "briefings/second/index.html", "briefings/draft/index.html", "actors/index.html",
        "actors/kim-jong-un/index.html",
        "topics/index.html", "topics/troop-deployments/index.html", "claims/index.html",
        "claims/troops-sent/index.html", "sources/index.html", "sources/wire-service/index.html",
        "judgements/index.html", "indicators/index.html", "corrections/index.html", "corrections/feed.xml",
        "timeline/index.html", "timeline/2024/index.html", "actors/kim-jong-un/page/2/index.html",
        "search/index.html", "about/index.html", "404.html", "feed.xml", "actors/kim-jong-un/feed.xml",
        "topics/troop-deployments/feed.xml", "sitemap.xml", "robots.txt", "search/index.json",
        "search/terms/0.json", "search/doc/0.json",
        "search/actor/kim-jong-un.json",
    ]

    func testEveryPageKindMatchesItsGoldenPage() throws {
        let output = TestPaths.temporaryFolder() + "/out"
        let options = BuildOptions(
            siteRoot: TestPaths.fixtures + "/site", output: output, drafts: true, cache: false)
        XCTAssertNotNil(SiteBuilder(options: options).build().summary)
        let update = ProcessInfo.processInfo.environment["BRIEF_UPDATE_GOLDEN"] != nil
        for page in Self.pages {
            let built = try Data(contentsOf: URL(fileURLWithPath: output + "/" + page))
            let path = Self.golden + "/" + page
            if update {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try built.write(to: URL(fileURLWithPath: path))
                continue
            }
            let expected = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(
                String(decoding: built, as: UTF8.self), String(decoding: expected, as: UTF8.self), page)
        }
    }
}
