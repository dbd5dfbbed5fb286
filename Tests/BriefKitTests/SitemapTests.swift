import Foundation
import XCTest

@testable import BriefKit

/// Above the sitemaps.org limit of URLs per file, `/sitemap.xml` becomes an index of parts.
/// Checked with a small limit on the fixture site (a real split needs 50,000 URLs).
final class SitemapTests: XCTestCase {
    func prepared() throws -> PreparedSite {
        let options = BuildOptions(siteRoot: TestPaths.fixtures + "/site", writes: false, cache: false)
        var timer = StageTimer(enabled: false)
        return try XCTUnwrap(
            SiteBuilder(options: options).prepare(SiteInputs.read(root: options.absoluteRoot), timer: &timer)
                .0)
    }

    static func locs(_ xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    func testALargeSitemapIsSplitIntoPartsListedByAnIndex() throws {
        let site = try prepared()
        let renderer = site.renderer
        let all = Self.locs(renderer.sitemap())
        XCTAssertEqual(all.count, renderer.sitemapURLCount, "the plan counts what the sitemap lists")
        XCTAssertTrue(renderer.sitemap().contains("<urlset"))
        XCTAssertFalse(site.jobs.contains(.sitemapPart(1)), "one file while under the limit")

        let limit = 5
        let index = renderer.sitemap(limit: limit)
        XCTAssertTrue(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let parts = SiteMapParts.count(urls: all.count, limit: limit)
        XCTAssertEqual(parts, (all.count + limit - 1) / limit)
        XCTAssertEqual(
            Self.locs(index), (1...parts).map { "https://example.org/watch/sitemap-\($0).xml" })
        var joined: [String] = []
        for n in 1...parts {
            let part = Self.locs(renderer.sitemapPart(n, limit: limit))
            XCTAssertLessThanOrEqual(part.count, limit)
            joined += part
        }
        XCTAssertEqual(joined, all, "the parts hold every URL once, in order")
        XCTAssertEqual(SiteMapParts.count(urls: 50_000), 0)
        XCTAssertEqual(SiteMapParts.count(urls: 50_001), 2)
        XCTAssertEqual(SiteMapParts.count(urls: 130_154), 3)
    }
}
