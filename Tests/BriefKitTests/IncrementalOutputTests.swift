import Foundation
import XCTest

@testable import BriefKit

/// `brief build` over an existing output folder: after every kind of change it writes only the
/// files whose bytes differ and removes only the files no longer made, and the folder always
/// ends byte for byte as a `--no-cache` build into an empty folder — also after a build that
/// failed, and after one killed part-way.
final class IncrementalOutputTests: FixtureSiteTestCase {
    /// Every file's inode and change time: a file not written again keeps both.
    func stamps() -> [String: BuildCache.Stamp] {
        Dictionary(uniqueKeysWithValues: (BuildCache.stamps(of: output) ?? []).map { ($0.path, $0) })
    }

    let third = "Content/briefings/2024-11-01-third.md"
    let first = "Content/briefings/2024/10/2024-10-23-first.md"

    /// The edits of `IncrementalBuildTests`, and files added, removed and renamed.
    var changes: [(String, () throws -> Void)] {
        [
            ("entry body", { try self.edit(self.third) { $0 + "\nOne more paragraph.\n" } }),
            // Left out of the site (no --drafts): nothing shows it, nothing is rendered.
            (
                "draft body",
                { try self.edit("Content/briefings/2024-11-02-draft.md") { $0 + "\nStill drafting.\n" } }
            ),
            (
                "title",
                {
                    try self.edit(self.third) {
                        $0.replacingOccurrences(of: "\"Third\"", with: "\"Retitled\"")
                    }
                }
            ),
            (
                // The second briefing's body links to the first: its wikilink shows the title.
                "title of a linked briefing",
                {
                    try self.edit(self.first) {
                        $0.replacingOccurrences(of: "\"First: troops reported\"", with: "\"First, retitled\"")
                    }
                }
            ),
            (
                "date",
                {
                    try self.edit(self.third) {
                        $0.replacingOccurrences(of: "2024-11-01", with: "2024-10-30")
                    }
                }
            ),
            (
                "quote", { try self.edit(self.third) { $0 + "\n> We said it.\n>\n> — Kim Jong Un\n" } }
            ),
            (
                "claim status",
                {
                    try self.edit(self.third) {
                        $0.replacingOccurrences(of: "status: alleged", with: "status: denied")
                    }
                }
            ),
            (
                "judgement",
                {
                    try self.edit(self.first) {
                        $0.replacingOccurrences(of: "likelihood: likely", with: "likelihood: unlikely")
                    }
                }
            ),
            (
                "actor registry",
                {
                    try self.edit("Content/actors/lee-jae-myung.md") {
                        $0.replacingOccurrences(of: "Opposition leader.", with: "President.")
                    }
                }
            ),
            (
                "source registry",
                { try self.edit("Content/sources/a-paper.md") { $0 + "\nAn added line.\n" } }
            ),
            ("page", { try self.edit("Content/pages/about.md") { $0 + "\nMore about us.\n" } }),
            ("template", { try self.write("<p>{{page.title}}</p>\n", to: "Templates/404.mustache") }),
            (
                "site.yml",
                {
                    try self.edit("site.yml") {
                        $0.replacingOccurrences(of: "page_size: 2", with: "page_size: 1")
                    }
                }
            ),
            (
                "media",
                { try self.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: "Content/media/map.svg") }
            ),
            ("static file added", { try self.write("new static file\n", to: "Content/static/extra.txt") }),
            (
                "briefing added",
                {
                    try self.write(
                        "---\ntitle: \"Fourth\"\ndate: 2024-11-03\nactors: [\"Kim Jong Un\"]\n---\nFourth body.\n",
                        to: "Content/briefings/2024-11-03-fourth.md")
                }
            ),
            (
                "briefing renamed",
                {
                    try FileManager.default.moveItem(
                        atPath: self.site + "/Content/briefings/2024-11-03-fourth.md",
                        toPath: self.site + "/Content/briefings/2024-11-03-renamed.md")
                }
            ),
            (
                "briefing removed",
                {
                    try FileManager.default.removeItem(
                        atPath: self.site + "/Content/briefings/2024-11-03-renamed.md")
                }
            ),
            (
                "static file removed",
                { try FileManager.default.removeItem(atPath: self.site + "/Content/static/extra.txt") }
            ),
            (
                "topic removed",
                { try FileManager.default.removeItem(atPath: self.site + "/Content/topics/troops.md") }
            ),
        ]
    }

    func testEveryKindOfChangeLeavesWhatANoCacheBuildWrites() throws {
        XCTAssertNil(build().summary?.written, "a new output folder is written whole")
        // Edits of a body alone render only the files that show it (`BodyEdits`); other edits,
        // the files that are not pages and the pages whose context changed (`PageFingerprints`).
        var rendered: [String: Int] = [:]
        for (name, change) in changes {
            // The files not changed are taken as the cache kept them (parsed), the changed one read.
            ageInputs()
            try change()
            let before = stamps()
            let result = build()
            let summary = try XCTUnwrap(result.summary, "\(name): \(result.printedDiagnostics)")
            let written = try XCTUnwrap(summary.written, name)
            rendered[name] = summary.rendered ?? -1
            if name == "draft body" { XCTAssertEqual([summary.rendered, written], [0, 0]) }
            XCTAssertEqual(TreeSnapshot(output), coldTree(), name)
            // Files written again got new stamps; every other file that stayed kept its own.
            let after = stamps()
            let touched = after.filter { before[$0.key] != $0.value }.count
            XCTAssertEqual(touched, written, name)
            XCTAssertEqual(before.keys.filter { after[$0] == nil }.count, summary.removed, name)
            XCTAssertLessThan(written, after.count, "\(name): not every file changed")
        }
        // 61 files: 30 pages, 8 actor and topic feeds (fingerprinted as pages are) and 23 others
        // (the site and corrections feeds, sitemap, search index: always rendered). A template
        // renders every page; media and static files, no page and no feed.
        XCTAssertEqual(
            rendered,
            [
                "entry body": 5, "draft body": 0, "title": 42, "title of a linked briefing": 38, "date": 43,
                "quote": 6, "claim status": 25, "judgement": 25, "actor registry": 23, "source registry": 23,
                "site.yml": 34, "template": -1, "page": 23, "media": 22, "briefing added": 40,
                "briefing removed": 37, "briefing renamed": 31, "static file added": 23,
                "static file removed": 22, "topic removed": 40,
            ])
    }

    func testPackedBodiesLeaveWhatAPlainBuildWrites() throws {
        // Every site's bodies packed, as a site above `RenderedBodies.packingThreshold` holds them.
        let packing: (inout BuildOptions) -> Void = { $0.packBodiesAbove = 0 }
        XCTAssertNotNil(build(packing).summary)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        let summary = try XCTUnwrap(build(packing).summary)
        XCTAssertNotNil(summary.rendered, "a body edit, kept outputs packed as they are read")
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        try edit(third) { $0.replacingOccurrences(of: "\"Third\"", with: "\"Retitled\"") }
        XCTAssertEqual(
            build(packing).summary?.rendered, 42, "pages and feeds whose inputs changed, as unpacked")
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        XCTAssertEqual(coldTree(packing), coldTree())
        // Packed, the renderer holds no feed entries: each feed makes those it shows.
        func renderer(_ change: (inout BuildOptions) -> Void) throws -> SiteRenderer {
            var options = BuildOptions(siteRoot: site, writes: false, cache: false)
            change(&options)
            var timer = StageTimer(enabled: false)
            return try XCTUnwrap(
                SiteBuilder(options: options).prepare(SiteInputs.read(root: site), timer: &timer).0?.renderer)
        }
        XCTAssertTrue(try renderer(packing).feedEntries.isEmpty)
        XCTAssertFalse(try renderer { _ in }.feedEntries.isEmpty)
    }

    func testABodyEditWritesOnlyThePagesThatShowIt() throws {
        build()
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        let summary = try XCTUnwrap(build().summary)
        // Rendered again: of the files that show the body (its page, the lists with its card, the
        // feeds, the search index but its facet values' files, made from what the last build
        // made them from), those that are not fingerprinted and the pages and feeds whose inputs
        // changed. Written: those whose bytes changed, the briefing's page and its search record
        // and words; lists and feeds show only the summary.
        XCTAssertEqual(summary.rendered, 5)
        XCTAssertEqual(summary.written, 3)
        XCTAssertEqual(summary.removed, 0)
        XCTAssertTrue(
            summary.line.hasPrefix("Updated 3 of 61 files (30 pages; 5 rendered again): "), summary.line)
    }

    /// A body edit whose words add files to the search index: the site's jobs are not the last
    /// build's, so every file is rendered, and the folder ends as a build without the cache
    /// leaves it (the files added are written).
    func testABodyEditThatAddsSearchFilesRendersEveryFile() throws {
        build()
        let before = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: output + "/search/terms"))
            .count
        let words = (0..<3_000).map { "addedword\($0)" }.joined(separator: " ")
        try edit(third) { $0 + "\n\(words)\n" }
        let summary = try XCTUnwrap(build().summary)
        XCTAssertGreaterThan(
            try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: output + "/search/terms")).count,
            before)
        XCTAssertGreaterThan(summary.rendered ?? summary.files, 16, "more than the files that show the body")
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testAJobsPlanSumIsTheSameInAnyOrderAndTellsPagesApart() {
        let jobs: [PageJob] = [.home(page: 1), .actorPage(1, page: 2), .searchFile(3), .robots, .briefing(0)]
        XCTAssertEqual(PageJob.planSum(jobs), PageJob.planSum(jobs.reversed()))
        XCTAssertNotEqual(
            PageJob.planSum([.actorPage(1, page: 2)]), PageJob.planSum([.actorPage(2, page: 1)]))
        XCTAssertNotEqual(PageJob.planSum([.topic(1)]), PageJob.planSum([.actor(1)]))
        XCTAssertNotEqual(PageJob.planSum(jobs), PageJob.planSum(jobs + [.searchFile(4)]))
    }

    func testWithoutTheCacheTheOutputIsReadAndOnlyChangesAreWritten() throws {
        build(cache: false)
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        let before = stamps()
        XCTAssertEqual(build(cache: false).summary?.written, 3)
        XCTAssertEqual(stamps().filter { before[$0.key] != $0.value }.count, 3)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testAFailedBuildLeavesTheOutputUntouched() throws {
        build()
        let tree = TreeSnapshot(output)
        let before = stamps()
        try edit(third) { $0 + "\nSee [[Nobody At All]].\n" }
        XCTAssertNil(build().summary)
        XCTAssertEqual(TreeSnapshot(output), tree)
        XCTAssertEqual(stamps(), before)
    }

    func testFilesInTheWayOfTheSiteAreReplacedWithoutFollowingLinks() throws {
        build()
        let elsewhere = TestPaths.temporaryFolder("brief-elsewhere")
        try "keep me".write(toFile: elsewhere + "/index.html", atomically: true, encoding: .utf8)
        // A folder of the site replaced by a link to a folder outside, and a stray file.
        let folder = output + "/briefings/third"
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: elsewhere)
        try "stray".write(toFile: output + "/stray.txt", atomically: true, encoding: .utf8)
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        XCTAssertNotNil(build().summary)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        XCTAssertEqual(try String(contentsOfFile: elsewhere + "/index.html", encoding: .utf8), "keep me")
        XCTAssertEqual(StateFolder.kind(folder), .folder)
    }

    /// An output that is a link to a folder stays a link: the folder it names holds the site,
    /// built new and then updated in place.
    func testAnOutputLinkedToAFolderStaysALink() throws {
        let real = TestPaths.temporaryFolder("brief-linked-output") + "/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: real)
        XCTAssertNotNil(build().summary)
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        XCTAssertEqual(build().summary?.written, 3)
        XCTAssertEqual(StateFolder.kind(output), .symlink)
        XCTAssertEqual(TreeSnapshot(real), coldTree())
    }

    /// `--force` over a folder brief did not write: its files are replaced or removed as stale
    /// files are, and the folder gets the marker.
    func testForceOverAForeignFolderLeavesTheSiteAndTheMarker() throws {
        try FileManager.default.createDirectory(atPath: output + "/old", withIntermediateDirectories: true)
        try "theirs".write(toFile: output + "/old/page.html", atomically: true, encoding: .utf8)
        try "theirs".write(toFile: output + "/index.html", atomically: true, encoding: .utf8)
        XCTAssertNil(build().summary, "refused without --force")
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "theirs")
        var options = BuildOptions(siteRoot: site, output: output)
        options.force = true
        let summary = try XCTUnwrap(SiteBuilder(options: options).build().summary)
        XCTAssertEqual(summary.removed, 1)
        XCTAssertEqual(StateFolder.kind(output + "/" + SiteWriter.marker), .file)
        XCTAssertEqual(StateFolder.kind(output + "/old"), .missing)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// A version made of hard links shares every file with its source; across filesystems, or
    /// wherever links fail, the bytes are copied. Links inside the source are left out.
    func testLinkedCopiesShareFilesAndCopyWhereTheyCannot() throws {
        let source = TestPaths.temporaryFolder("brief-linked") + "/site"
        try FileManager.default.createDirectory(atPath: source + "/a/b", withIntermediateDirectories: true)
        try "one".write(toFile: source + "/a/b/index.html", atomically: true, encoding: .utf8)
        try "two".write(toFile: source + "/top.txt", atomically: true, encoding: .utf8)
        try "mark".write(toFile: source + "/" + SiteWriter.marker, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: source + "/link", withDestinationPath: "/etc/hostname")
        let target = TestPaths.temporaryFolder("brief-linked") + "/copy"
        XCTAssertNil(LinkedCopy.make(from: source, to: target, skipping: [SiteWriter.marker]))
        XCTAssertEqual(TreeSnapshot(target).files.keys.sorted(), ["a/b/index.html", "top.txt"])
        var x = stat()
        var y = stat()
        lstat(source + "/top.txt", &x)
        lstat(target + "/top.txt", &y)
        XCTAssertEqual(x.st_ino, y.st_ino, "linked, not copied")
        // Another filesystem, where links fail: the bytes are copied.
        var here = stat()
        var shm = stat()
        guard stat("/dev/shm", &shm) == 0, lstat(source, &here) == 0, shm.st_dev != here.st_dev,
            access("/dev/shm", W_OK) == 0
        else { throw XCTSkip("no second writable filesystem to copy across") }
        let elsewhere = "/dev/shm/brief-linked-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        XCTAssertNil(LinkedCopy.make(from: source, to: elsewhere, skipping: [SiteWriter.marker]))
        XCTAssertEqual(TreeSnapshot(elsewhere), TreeSnapshot(target))
    }

    /// A build killed at many points while it rewrote every page (the title of the site
    /// changes back and forth); each time, the next build repairs the folder.
    func testABuildKilledPartWayIsRepairedByTheNext() throws {
        site = try Self.generatedSite(entries: 600)
        let titles = ["Generated", "Retitled"]
        var expected: [TreeSnapshot] = []
        for title in titles {
            try write(
                "title: \"\(title)\"\nbase_url: \"https://gen.example.org/\"\npage_size: 20\n", to: "site.yml"
            )
            expected.append(coldTree())
        }
        let cache = ["BRIEF_CACHE_DIR": ProcessInfo.processInfo.environment["BRIEF_CACHE_DIR"]!]
        XCTAssertEqual(
            try BriefProcess.run(["build", site, "--output", output], environment: cache).status, 0)
        let timed = Date()
        try write(
            "title: \"Generated\"\nbase_url: \"https://gen.example.org/\"\npage_size: 20\n", to: "site.yml")
        XCTAssertEqual(
            try BriefProcess.run(["build", site, "--output", output], environment: cache).status, 0)
        let duration = Date().timeIntervalSince(timed)
        for step in 1...8 {
            let which = step % 2
            try write(
                "title: \"\(titles[which])\"\nbase_url: \"https://gen.example.org/\"\npage_size: 20\n",
                to: "site.yml")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.binary)
            process.arguments = ["build", site, "--output", output]
            process.environment = ProcessInfo.processInfo.environment.merging(cache) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(duration * Double(step) / 9 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let repair = try BriefProcess.run(["build", site, "--output", output], environment: cache)
            XCTAssertEqual(repair.status, 0, repair.stderr)
            XCTAssertEqual(TreeSnapshot(output), expected[which], "killed at step \(step)")
        }
    }

    /// The edits on a generated site of 300 briefings, whose pages, feeds and search index span
    /// many files.
    func testEditsOnAGeneratedSiteLeaveWhatANoCacheBuildWrites() throws {
        site = try Self.generatedSite(entries: 300)
        build()
        let edits: [(String, () throws -> Void)] = [
            ("body", { try self.edit("Content/briefings/entry-17.md") { $0 + "\nMercenaries arrived.\n" } }),
            (
                "title",
                {
                    try self.edit("Content/briefings/entry-18.md") {
                        $0.replacingOccurrences(of: "\"Entry 18\"", with: "\"Renamed\"")
                    }
                }
            ),
            (
                "date",
                {
                    try self.edit("Content/briefings/entry-19.md") {
                        $0.replacingOccurrences(of: "date: 2024-", with: "date: 2023-")
                    }
                }
            ),
            (
                "actor",
                {
                    try self.edit("Content/briefings/entry-20.md") {
                        $0.replacingOccurrences(of: "\"Everyone\", ", with: "")
                    }
                }
            ),
            (
                "added",
                {
                    try self.write(
                        "---\ntitle: \"New\"\ndate: 2025-01-01\nactors: [\"Group 1\"]\n---\nNew.\n",
                        to: "Content/briefings/new.md")
                }
            ),
            (
                "renamed",
                {
                    try FileManager.default.moveItem(
                        atPath: self.site + "/Content/briefings/entry-21.md",
                        toPath: self.site + "/Content/briefings/moved.md")
                }
            ),
            (
                "removed",
                { try FileManager.default.removeItem(atPath: self.site + "/Content/briefings/entry-22.md") }
            ),
        ]
        for (name, change) in edits {
            ageInputs()
            try change()
            let result = build()
            XCTAssertNotNil(result.summary?.written, "\(name): \(result.printedDiagnostics)")
            // Each change shows on some pages only: the others are not rendered again.
            XCTAssertNotNil(result.summary?.rendered, name)
            XCTAssertEqual(TreeSnapshot(output), coldTree(), name)
        }
    }

    func testABodyEditWithoutItsLastOutputRendersEveryFile() throws {
        build()
        // The body cache gone: the body's last output (whose quotes say which actor pages
        // showed it) is unknown.
        try FileManager.default.removeItem(atPath: BuildCache(siteRoot: site, outputPath: output).bodies.path)
        try edit(third) { $0 + "\n> Said again.\n>\n> — Kim Jong Un\n" }
        let summary = try XCTUnwrap(build().summary)
        XCTAssertNil(summary.rendered)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        // Then the cache is whole again, and the next body edit renders only what shows it.
        try edit(third) { $0 + "\nAnd again.\n" }
        XCTAssertNotNil(build().summary?.rendered)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testABodyEditAndAnyOtherChangeRendersThePagesWhoseContextChanged() throws {
        build()
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        try edit("Content/pages/about.md") { $0 + "\nMore about us.\n" }
        // Not the body-edit path (another file changed): every page and feed is fingerprinted,
        // and those whose inputs changed are rendered again with the search files.
        XCTAssertEqual(build().summary?.rendered, 25)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testATitleEditRendersOnlyThePagesWhoseContextChanged() throws {
        build()
        let before = stamps()
        try edit(third) { $0.replacingOccurrences(of: "\"Third\"", with: "\"Retitled\"") }
        let summary = try XCTUnwrap(build().summary)
        // The 23 files that are not fingerprinted (the site feed, sitemap, search index), the 17
        // of 30 pages that show the title (its own, its neighbours', the lists, its actors',
        // topics' and claims' pages) and the 2 of 8 actor and topic feeds that list it.
        XCTAssertEqual(summary.rendered, 42)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        // A feed that does not list the briefing is neither rendered nor written again.
        let feeds = stamps().keys.filter { $0.hasSuffix("/feed.xml") && !$0.hasPrefix("corrections/") }
        var listing = 0
        for feed in feeds {
            let text = try String(contentsOfFile: output + "/" + feed, encoding: .utf8)
            if text.contains("Retitled") {
                listing += 1
                XCTAssertNotEqual(stamps()[feed], before[feed], feed)
            } else {
                XCTAssertEqual(stamps()[feed], before[feed], feed)
            }
        }
        XCTAssertEqual([feeds.count, listing], [8, 2])
        // A page not rendered again is not written again.
        let unchanged = try String(contentsOfFile: output + "/actors/index.html", encoding: .utf8)
        XCTAssertFalse(unchanged.contains("Retitled"))
        XCTAssertEqual(stamps()["actors/index.html"], before["actors/index.html"])
    }

    func testKeptFingerprintsThatDoNotHoldTogetherAreNotTrusted() throws {
        build()
        let pages = BuildCache(siteRoot: site, outputPath: output).pageFingerprints
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: pages.path))
        XCTAssertEqual(pages.load().count, 38, "every page, actor feed and topic feed of the site")
        var changed = bytes
        changed[changed.count - 12] ^= 0x01
        try changed.write(to: URL(fileURLWithPath: pages.path))
        XCTAssertTrue(pages.load().isEmpty)
        try edit(third) { $0.replacingOccurrences(of: "\"Third\"", with: "\"Retitled\"") }
        XCTAssertNil(build().summary?.rendered, "nothing to compare with: every page is rendered")
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        try edit(third) { $0.replacingOccurrences(of: "\"Retitled\"", with: "\"Third\"") }
        XCTAssertNotNil(build().summary?.rendered, "kept again by the last build")
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// A site of `entries` briefings in `Content/briefings/entry-N.md`, with actors and topics
    /// shared among them and bodies of a few paragraphs.
    static func generatedSite(entries: Int) throws -> String {
        let root = TestPaths.temporaryFolder("brief-generated") + "/site"
        let briefings = root + "/Content/briefings"
        try FileManager.default.createDirectory(atPath: briefings, withIntermediateDirectories: true)
        try "title: \"Generated\"\nbase_url: \"https://gen.example.org/\"\npage_size: 20\n".write(
            toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        let words = ["troops", "border", "talks", "sanctions", "drills", "envoy", "summit", "missile", "aid"]
        for i in 0..<entries {
            let paragraphs = (0..<4).map { p in
                (0..<30).map { words[(i * 7 + p * 3 + $0) % words.count] }.joined(separator: " ") + "."
            }
            let text = """
                ---
                title: "Entry \(i)"
                date: 2024-\(String(format: "%02d-%02d", 1 + i % 12, 1 + i % 28))
                actors: ["Everyone", "Group \(i % 12)"]
                topics: ["Topic \(i % 3)"]
                ---
                \(paragraphs.joined(separator: "\n\n"))

                """
            try text.write(toFile: briefings + "/entry-\(i).md", atomically: true, encoding: .utf8)
        }
        return root
    }
}
