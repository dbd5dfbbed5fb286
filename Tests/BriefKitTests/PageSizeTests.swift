import Foundation
import XCTest

@testable import BriefKit

/// Pages stay small however large the archive: actor, topic, timeline and index pages split
/// into pages of `page_size` and `archive_size`, so the largest page of a site does not grow
/// with its number of entries. Checked with small sizes on generated sites of two sizes.
final class PageSizeTests: XCTestCase {
    /// Every entry lists the same busy actor and topic, so their pages grow with the site.
    static func build(entries: Int) throws -> TreeSnapshot {
        let root = TestPaths.temporaryFolder("brief-pagesize")
        let briefings = root + "/Content/briefings"
        try FileManager.default.createDirectory(atPath: briefings, withIntermediateDirectories: true)
        try "title: \"Sizes\"\nbase_url: \"https://sizes.example.org/\"\npage_size: 3\narchive_size: 7\n"
            .write(
                toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        for i in 0..<entries {
            let date = String(format: "20%02d-%02d-%02d", 20 + i / 150, 1 + i / 15 % 10, 1 + i % 15)
            try """
            ---
            title: "Entry \(i)"
            date: \(date)
            actors: ["Busy", "Actor \(i % 40)"]
            topics: ["Everything"]
            claims:
              - claim: "Claim \(i)"
                by: ["Busy"]
            ---
            > Quote \(i).
            >
            > — Busy

            """.write(toFile: briefings + "/e\(i).md", atomically: true, encoding: .utf8)
        }
        let result = SiteBuilder(options: BuildOptions(siteRoot: root, output: root + "/out")).build()
        XCTAssertNotNil(result.summary, "\(result.printedDiagnostics)")
        return TreeSnapshot(root + "/out")
    }

    func testTheLargestPageDoesNotGrowWithTheArchive() throws {
        let small = try Self.build(entries: 150)
        let large = try Self.build(entries: 600)
        func largest(_ tree: TreeSnapshot) -> (path: String, size: Int) {
            tree.files.filter { $0.key.hasSuffix(".html") }.map { ($0.key, $0.value.count) }.max {
                $0.1 < $1.1
            }!
        }
        let (smallPath, smallSize) = largest(small)
        let (largePath, largeSize) = largest(large)
        // Four times the entries; the largest page may differ only by longer names and counts.
        XCTAssertLessThan(Double(largeSize), Double(smallSize) * 1.15, "\(largePath) against \(smallPath)")
    }

    func testEveryBriefingOfAnActorTopicAndYearIsOnExactlyOneOfItsPages() throws {
        let tree = try Self.build(entries: 150)
        func listed(_ first: String) -> [String] {
            var links: [String] = []
            var path = first
            var pages = 0
            while let html = tree.files[path + "index.html"].map({ String(decoding: $0, as: UTF8.self) }) {
                pages += 1
                let list = html.components(separatedBy: "<ol class=\"timeline-list\">").dropFirst()
                for part in list {
                    let items = part.components(separatedBy: "</ol>")[0]
                    links += items.components(separatedBy: "<a href=\"").dropFirst().map {
                        String($0.prefix { $0 != "\"" })
                    }
                }
                path = first + "page/\(pages + 1)/"
            }
            return links
        }
        let busy = listed("actors/busy/")
        XCTAssertEqual(busy.count, 150)
        XCTAssertEqual(Set(busy).count, 150)
        XCTAssertEqual(busy.first, "/briefings/e149/", "newest first")
        XCTAssertNotNil(tree.files["actors/busy/page/22/index.html"], "3 on the first page, then 7 a page")
        XCTAssertNil(tree.files["actors/busy/page/23/index.html"])
        XCTAssertEqual(Set(listed("topics/everything/")).count, 150)
        let years = ["2020", "2021"].flatMap { listed("timeline/\($0)/") }
        XCTAssertEqual(Set(years).count, 150)
        // Quotes and claims made are split the same way: the first page has the newest three.
        let first = String(decoding: tree.files["actors/busy/index.html"]!, as: UTF8.self)
        XCTAssertEqual(first.components(separatedBy: "<figure class=\"quote\">").count - 1, 3)
        XCTAssertTrue(first.contains("Claim 149") && !first.contains("Claim 146"))
        let timeline = String(decoding: tree.files["timeline/index.html"]!, as: UTF8.self)
        XCTAssertTrue(timeline.contains("href=\"/timeline/2020/\""))
        XCTAssertFalse(timeline.contains("Entry "), "the timeline index lists months, not briefings")
        // 41 actors: the actor index continues on a second page... of seven each.
        XCTAssertNotNil(tree.files["actors/page/6/index.html"])
        XCTAssertNil(tree.files["actors/page/7/index.html"])
    }
}
