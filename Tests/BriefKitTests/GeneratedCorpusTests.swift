import Foundation
import XCTest

@testable import BriefKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Pagination, related briefings, feeds and the sitemap, on a generated site of 120 entries.
final class GeneratedCorpusTests: XCTestCase {
    static let entries = 120
    static let pageSize = 25

    /// Entry i lists the common actor "Everyone", a rarer actor "Group k" (k = i % 12) and
    /// "Pair p" (p = i / 2, so entries 2p and 2p+1 share a very rare actor); every tenth is a draft.
    static func makeSite() throws -> String {
        let root = TestPaths.temporaryFolder("brief-corpus")
        let briefings = root + "/Content/briefings"
        try FileManager.default.createDirectory(atPath: briefings, withIntermediateDirectories: true)
        try
            "title: \"Generated\"\nbase_url: \"https://gen.example.org/sub/\"\npage_size: \(pageSize)\nfeed_limit: 10\n"
            .write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        for i in 0..<entries {
            let day = 1 + i % 28
            let month = 1 + i / 28
            let draft = i % 10 == 9 ? "draft: true\n" : ""
            let text = """
                ---
                title: "Entry \(i)"
                date: 2024-\(String(format: "%02d-%02d", month, day))
                actors: ["Everyone", "Group \(i % 12)", "Pair \(i / 2)"]
                topics: ["Topic \(i % 3)"]
                \(draft)---
                Body of entry \(i).

                """
            try text.write(toFile: briefings + "/entry-\(i).md", atomically: true, encoding: .utf8)
        }
        return root
    }

    static let built: (site: String, tree: TreeSnapshot) = {
        let site = try! makeSite()
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, output: site + "/out")).build()
        precondition(result.summary != nil, "\(result.printedDiagnostics)")
        return (site, TreeSnapshot(site + "/out"))
    }()

    var published: Int { Self.entries - Self.entries / 10 }

    func testPaginationCoversEveryEntryOnce() {
        let tree = Self.built.tree
        let pages = (published + Self.pageSize - 1) / Self.pageSize
        var seen: [String] = []
        for page in 1...pages {
            let path = page == 1 ? "briefings/index.html" : "briefings/page/\(page)/index.html"
            let html = tree.text(path)
            XCTAssertFalse(html.isEmpty, path)
            seen += html.components(separatedBy: "<h3 class=\"card-title\"><a href=\"").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
            XCTAssertEqual(html.contains("rel=\"prev\""), page > 1, path)
            XCTAssertEqual(html.contains("rel=\"next\""), page < pages, path)
        }
        XCTAssertNil(tree.files["briefings/page/\(pages + 1)/index.html"])
        XCTAssertNil(tree.files["briefings/page/1/index.html"], "page 1 lives at /briefings/")
        XCTAssertEqual(seen.count, published)
        XCTAssertEqual(Set(seen).count, published)
        XCTAssertEqual(seen.first, "/sub/briefings/entry-118/", "the newest, since entry 119 is a draft")
        XCTAssertNotNil(tree.files["page/\(pages)/index.html"])
    }

    func testRelatedBriefingsPreferRareSharedActors() throws {
        let html = Self.built.tree.text("briefings/entry-40/index.html")
        let after = try XCTUnwrap(html.components(separatedBy: "id=\"related-title\"").last)
        let section = try XCTUnwrap(after.components(separatedBy: "</section>").first)
        let related = section.components(separatedBy: "<li><a href=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        // Entry 41 shares the rarest actor (Pair 20). Next come the entries that share Group 4 and
        // Topic 1, tied, so the newest first; entries sharing only "Everyone" come after them.
        XCTAssertEqual(
            related, [41, 112, 100, 88, 76].map { "/sub/briefings/entry-\($0)/" })
    }

    func testEveryPageIsInTheSitemap() throws {
        let tree = Self.built.tree
        let sitemap = tree.text("sitemap.xml")
        let pages = tree.files.keys.filter { $0.hasSuffix("index.html") }
        for page in pages {
            let url = "https://gen.example.org/sub/" + page.dropLast("index.html".count)
            XCTAssertTrue(sitemap.contains("<loc>\(url)</loc>"), url)
        }
        XCTAssertEqual(sitemap.components(separatedBy: "<loc>").count - 1, pages.count)
    }

    func testFeedsHaveTheRequiredAtomElementsAndNoDrafts() throws {
        let tree = Self.built.tree
        for path in ["feed.xml", "actors/everyone/feed.xml", "topics/topic-0/feed.xml"] {
            let feed = try AtomFeed(tree.files[path]!)
            XCTAssertFalse(feed.id.isEmpty)
            XCTAssertTrue(feed.id.hasPrefix("tag:gen.example.org,"), feed.id)
            XCTAssertFalse(feed.title.isEmpty)
            XCTAssertFalse(feed.updated.isEmpty)
            XCTAssertEqual(feed.links["self"], "https://gen.example.org/sub/" + path)
            XCTAssertNotNil(feed.links["alternate"])
            XCTAssertLessThanOrEqual(feed.entries.count, 10)
            XCTAssertGreaterThan(feed.entries.count, 0)
            for entry in feed.entries {
                for element in ["id", "title", "published", "updated", "summary", "name"] {
                    XCTAssertFalse(entry[element, default: ""].isEmpty, "\(path): \(element)")
                }
                XCTAssertFalse(entry["title"]!.hasSuffix("9"), "no drafts in feeds: \(entry["title"]!)")
            }
            XCTAssertEqual(feed.updated, feed.entries.map { $0["updated"]! }.max())
        }
        let site = try AtomFeed(tree.files["feed.xml"]!)
        XCTAssertEqual(site.entries.first?["content"], "<p>Body of entry 118.</p>\n")
    }
}

/// Just enough of an Atom parser to check the elements the feeds must carry.
struct AtomFeed {
    var id = ""
    var title = ""
    var updated = ""
    var links: [String: String] = [:]
    var entries: [[String: String]] = []

    init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        self = delegate.feed
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var feed = AtomFeed(empty: ())
        var text = ""
        var entry: [String: String]?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            text = ""
            if name == "entry" { entry = [:] }
            if name == "link", entry == nil, let rel = attributes["rel"] {
                feed.links[rel] = attributes["href"]
            }
            if name == "link", entry != nil, attributes["rel"] == "alternate" {
                entry?["link"] = attributes["href"]
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if name == "entry", let finished = entry {
                feed.entries.append(finished)
                entry = nil
            } else if entry != nil {
                entry?[name] = text
            } else {
                switch name {
                case "id": feed.id = text
                case "title": feed.title = text
                case "updated": feed.updated = text
                default: break
                }
            }
        }
    }

    private init(empty: Void) {}
}
