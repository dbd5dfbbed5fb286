import Foundation
import XCTest

@testable import BriefKit

/// `SiteSession`, the incremental rebuild behind `brief serve`: after every kind of edit, the
/// site it holds is byte-identical to a full build of the same files, with the same
/// diagnostics, and it redid only what the edit affects.
final class IncrementalBuildTests: XCTestCase {
    var site = ""
    var session: SiteSession!

    override func setUp() {
        site = TestPaths.temporaryFolder("brief-incremental") + "/site"
        try! FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        session = SiteSession(siteRoot: site, drafts: false)
        XCTAssertNotNil(session.rebuild(changed: nil).files)
    }

    let third = "Content/briefings/2024-11-01-third.md"
    let first = "Content/briefings/2024/10/2024-10-23-first.md"

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: site + "/" + path, encoding: .utf8)
    }

    func write(_ text: String, _ path: String) throws {
        let url = URL(fileURLWithPath: site + "/" + path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Rebuilds after `paths` changed and checks the result against a fresh full build.
    @discardableResult
    func rebuild(
        _ paths: [String], expect scope: SiteSession.Scope, file: StaticString = #filePath, line: UInt = #line
    ) -> SiteSession.Outcome {
        let outcome = session.rebuild(changed: paths)
        let full = SiteSession(siteRoot: site, drafts: false).rebuild(changed: nil)
        if case .content = scope, case .content = outcome.scope {
            // Any number of pages: the test looks at which ones through `rendered`.
        } else {
            XCTAssertEqual(outcome.scope, scope, file: file, line: line)
        }
        XCTAssertEqual(
            outcome.diagnostics.map(\.description), full.diagnostics.map(\.description), file: file,
            line: line)
        XCTAssertEqual(
            outcome.files == nil, full.files == nil, "both fail or both succeed", file: file, line: line)
        guard let files = outcome.files, let expected = full.files else { return outcome }
        XCTAssertEqual(files.keys.sorted(), expected.keys.sorted(), file: file, line: line)
        for (path, want) in expected {
            guard let got = files[path] else { continue }
            switch (got.content, want.content) {
            case (.bytes(let a), .bytes(let b)):
                XCTAssertEqual(
                    String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), path, file: file,
                    line: line)
            case (.copy(let a), .copy(let b)): XCTAssertEqual(a, b, path, file: file, line: line)
            default: XCTFail("\(path): different kinds of content", file: file, line: line)
            }
        }
        XCTAssertEqual(outcome.summary?.pages, full.summary?.pages, file: file, line: line)
        return outcome
    }

    /// How many files of the search index (not its page) a site has.
    private func searchIndexFiles(_ outcome: SiteSession.Outcome) -> Int {
        (outcome.files ?? [:]).keys.filter { $0.hasPrefix("search/") && $0 != "search/index.html" }.count
    }

    func testBodyEditsRenderOnlyWhatShowsTheBody() throws {
        let original = try read(third)
        // The first paragraph is the entry's summary on lists, feeds and search.
        try write(original.replacingOccurrences(of: "Third body.", with: "A new first paragraph."), third)
        let edited = rebuild([third], expect: .entryBodies(1))
        // Beside the search index's files (made again from its words), few pages.
        XCTAssertLessThan(edited.rendered - searchIndexFiles(edited), 15)
        XCTAssertGreaterThan(edited.changed, 3, "page, lists, feeds and search show the new summary")
        // A quote attributed to an actor reaches that actor's page.
        try write(original + "\n> We said it.\n>\n> — Kim Jong Un\n", third)
        rebuild([third], expect: .entryBodies(1))
        try write(original, third)
        rebuild([third], expect: .entryBodies(1))
        // A mention of a registered actor the entry does not list adds a note.
        try write(original + "\nAlso Lee Jae-myung spoke.\n", third)
        rebuild([third], expect: .entryBodies(1))
        // Headings, wikilinks and links.
        try write(original + "\n## What next\n\nSee [[briefing:first]] and [[topic:Sanctions]].\n", third)
        rebuild([third], expect: .entryBodies(1))
    }

    func testABrokenBodyFailsAndItsFixComesBackIncrementally() throws {
        let original = try read(third)
        try write(original + "\nSee [[Nobody At All]].\n", third)
        let broken = rebuild([third], expect: .entryBodies(1))
        XCTAssertNil(broken.files)
        XCTAssertTrue(broken.diagnostics.contains { $0.severity == .error })
        try write(original + "\nFixed.\n", third)
        rebuild([third], expect: .entryBodies(1))
    }

    func testEditsMadeWhileTheSiteWasBrokenAreNotLost() throws {
        let firstText = try read(first)
        let thirdText = try read(third)
        try write(firstText.replacingOccurrences(of: "date: 2024-10-23", with: "date: soon"), first)
        XCTAssertNil(rebuild([first], expect: .full).files)
        try write(thirdText + "\nEdited while the first entry was broken.\n", third)
        XCTAssertNil(rebuild([third], expect: .full).files)
        try write(firstText, first)
        rebuild([first], expect: .entryBodies(2))
    }

    let everyPage: Set<String> = [
        "footer", "home", "briefings", "briefing", "actors", "actor", "topics", "topic", "claims", "claim",
        "sources", "source", "judgements", "indicators", "corrections", "timeline", "year", "page", "search",
        "404",
    ]

    func testTemplateEditsRenderThePagesThatUseThem() throws {
        try write(
            "<footer>{{site.title}}, edited</footer>\n</body>\n</html>\n",
            "Templates/partials/footer.mustache")
        // A site template replacing the embedded one is an edit of that template.
        XCTAssertNotNil(rebuild(["Templates/partials/footer.mustache"], expect: .templates(everyPage)).files)
        try write(
            "<footer>{{site.title}}, edited again</footer>\n</body>\n</html>\n",
            "Templates/partials/footer.mustache")
        let again = rebuild(["Templates/partials/footer.mustache"], expect: .templates(everyPage))
        XCTAssertEqual(again.rendered, again.summary?.pages)
        try write("{{> head}}{{> header}}<h1>{{page.title}}</h1>{{> footer}}", "Templates/404.mustache")
        XCTAssertEqual(rebuild(["Templates/404.mustache"], expect: .templates(["404"])).rendered, 1)
        try write("{{> head}}{{> header}}<h1>Lost: {{page.title}}</h1>{{> footer}}", "Templates/404.mustache")
        XCTAssertEqual(rebuild(["Templates/404.mustache"], expect: .templates(["404"])).rendered, 1)
        try write("{{#broken}}", "Templates/404.mustache")
        XCTAssertNil(rebuild(["Templates/404.mustache"], expect: .templates([])).files)
    }

    func testFrontMatterAndRegistryEditsRenderThePagesWhoseContextChanged() throws {
        let firstText = try read(first)
        try write(
            firstText.replacingOccurrences(of: "First: troops reported", with: "First, retitled"), first)
        let retitled = rebuild([first], expect: .content(0))
        XCTAssertLessThan(
            retitled.rendered - searchIndexFiles(retitled), 40,
            "not every page: the actors page, for one, does not show titles")
        // A date moves the entry among its neighbours and through the paginated lists.
        try write(firstText.replacingOccurrences(of: "date: 2024-10-23", with: "date: 2024-11-05"), first)
        rebuild([first], expect: .content(0))
        try write(firstText, first)
        rebuild([first], expect: .content(0))
        // Actors named in front matter, claims and draft flags.
        try write(firstText.replacingOccurrences(of: "status: denied", with: "status: confirmed"), first)
        rebuild([first], expect: .content(0))
        try write(
            firstText.replacingOccurrences(
                of: "actors: [\"Kim Jong-un\", \"DPRK\"]", with: "actors: [\"DPRK\"]"), first)
        rebuild([first], expect: .content(0))
        try write(
            firstText.replacingOccurrences(
                of: "actors: [\"Kim Jong-un\", \"DPRK\"]",
                with: "actors: [\"Kim Jong-un\", \"DPRK\", \"Someone New\"]"), first)
        rebuild([first], expect: .content(0))
        try write(firstText + "\nA body edit along with the front matter.\n", first)
        rebuild([first], expect: .content(0))
        try write(firstText, first)
        rebuild([first], expect: .entryBodies(1))
        // Registry files: a role shows on the actor's pages, an alias changes what links where.
        let actor = "Content/actors/kim-jong-un.md"
        let actorText = try read(actor)
        try write(actorText.replacingOccurrences(of: "Leader of North Korea\"", with: "Chairman\""), actor)
        let role = rebuild([actor], expect: .content(0))
        XCTAssertGreaterThan(role.rendered, 0)
        try write(actorText.replacingOccurrences(of: "\"Kim Jong-un\", ", with: "\"Marshal Kim\", "), actor)
        rebuild([actor], expect: .content(0))
        try write(actorText, actor)
        rebuild([actor], expect: .content(0))
        // A broken front matter fails like a full build, and its fix comes back.
        try write(
            firstText.replacingOccurrences(
                of: "actors: [\"Kim Jong-un\", \"DPRK\"]", with: "actors: [\"Nobody Known\", \"DPRK\"]"),
            first)
        rebuild([first], expect: .content(0))
        try write(firstText, first)
        rebuild([first], expect: .content(0))
        try write(try read("Content/pages/about.md") + "\nMore about.\n", "Content/pages/about.md")
        rebuild(["Content/pages/about.md"], expect: .content(0))
    }

    func testProfilesDescriptionsAndFailuresOnTheContentPath() throws {
        let actor = "Content/actors/kim-jong-un.md"
        try write(try read(actor) + "\nA longer profile, with [[North Korea]].\n", actor)
        XCTAssertEqual(rebuild([actor], expect: .content(0)).rendered > 0, true)
        let topic = "Content/topics/troops.md"
        try write(try read(topic) + "\nAnd where they go.\n", topic)
        rebuild([topic], expect: .content(0))
        // A slug taken twice stops resolving; a wikilink to a missing name stops Markdown.
        let thirdText = try read(third)
        try write(
            thirdText.replacingOccurrences(of: "date: 2024-11-01", with: "date: 2024-11-01\nslug: first"),
            third)
        XCTAssertNil(rebuild([third], expect: .content(0)).files)
        try write(thirdText, third)
        rebuild([third], expect: .entryBodies(1))
        try write(
            try read(actor).replacingOccurrences(of: "[[North Korea]]", with: "[[Nowhere Land]]"), actor)
        XCTAssertNil(rebuild([actor], expect: .content(0)).files)
    }

    func testClaimStatusAndSourceEditsMatchAFullBuild() throws {
        let second = "Content/briefings/2024/10/2024-10-24-second.md"
        let secondText = try read(second)
        let thirdText = try read(third)
        // A step's status moves the tracked claim between groups on /claims/ and changes the
        // record of its source.
        try write(secondText.replacingOccurrences(of: "status: confirmed", with: "status: retracted"), second)
        let status = rebuild([second], expect: .content(0))
        XCTAssertGreaterThan(status.rendered, 3, "briefing, claim, claims and source pages")
        // A step's source, credibility and note.
        try write(secondText.replacingOccurrences(of: "source: Wire", with: "source: \"A Paper\""), second)
        rebuild([second], expect: .content(0))
        try write(secondText.replacingOccurrences(of: "credibility: 2", with: "credibility: 5"), second)
        rebuild([second], expect: .content(0))
        try write(
            secondText.replacingOccurrences(of: "Confirmed by a second", with: "Seen by a third"), second)
        rebuild([second], expect: .content(0))
        // The first text of a tracked claim is every step's text.
        try write(
            try read(first).replacingOccurrences(
                of: "3,000 troops were sent", with: "3,500 troops were sent"),
            first)
        rebuild([first], expect: .content(0))
        // A step that claims other text warns; a step with no text that comes first fails.
        try write(
            thirdText.replacingOccurrences(of: "note: \"Nothing new.\"", with: "claim: \"Other\""), third)
        XCTAssertTrue(
            rebuild([third], expect: .content(0)).diagnostics.contains {
                $0.message.contains("has other text than where it first appears")
            })
        try write(thirdText.replacingOccurrences(of: "date: 2024-11-01", with: "date: 2024-10-01"), third)
        XCTAssertNil(rebuild([third], expect: .content(0)).files)
        try write(thirdText, third)
        rebuild([third], expect: .content(0))
        // A registry edit: a source's grade shows on every claim drawn from it.
        let source = "Content/sources/wire-service.md"
        let sourceText = try read(source)
        try write(sourceText.replacingOccurrences(of: "reliability: C", with: "reliability: A"), source)
        rebuild([source], expect: .content(0))
        try write(sourceText.replacingOccurrences(of: "Fast, and sometimes wrong.", with: "Fast."), source)
        rebuild([source], expect: .content(0))
        try write(sourceText.replacingOccurrences(of: "aliases: [\"Wire\"]", with: "aliases: []"), source)
        XCTAssertTrue(
            rebuild([source], expect: .content(0)).diagnostics.contains {
                $0.message.contains("'Wire' is not in the source registry")
            })
        try write(sourceText, source)
        rebuild([source], expect: .content(0))
    }

    func testJudgementUpdateAndIndicatorEditsMatchAFullBuild() throws {
        let second = "Content/briefings/2024/10/2024-10-24-second.md"
        let secondText = try read(second)
        let firstText = try read(first)
        let thirdText = try read(third)
        // A revision's likelihood, and a first appearance's confidence.
        try write(
            secondText.replacingOccurrences(of: "likelihood: very likely", with: "likelihood: unlikely"),
            second)
        XCTAssertGreaterThan(rebuild([second], expect: .content(0)).rendered, 1, "briefing and /judgements/")
        try write(firstText.replacingOccurrences(of: "confidence: moderate", with: "confidence: high"), first)
        rebuild([first], expect: .content(0))
        // A judgement whose text mixes in another likelihood warns; an unknown term fails.
        try write(
            secondText.replacingOccurrences(
                of: "Talks will resume this year", with: "Talks will probably resume"),
            second)
        XCTAssertTrue(
            rebuild([second], expect: .content(0)).diagnostics.contains { $0.message.contains("'probably'") })
        // A file that no longer parses is handed to a full build, which reports why.
        try write(secondText.replacingOccurrences(of: "roughly even chance", with: "even odds"), second)
        XCTAssertNil(rebuild([second], expect: .full).files)
        try write(secondText, second)
        rebuild([second], expect: .content(0))
        // Updates: a new correction reaches the entry, /corrections/, its feed and the JSON-LD;
        // the entry's last change moves its feed entries and sitemap line.
        try write(
            secondText.replacingOccurrences(
                of: "updates:\n",
                with: "updates:\n  - date: 2024-10-25\n    kind: correction\n    note: \"A second fix.\"\n"),
            second)
        rebuild([second], expect: .content(0))
        try write(
            secondText.replacingOccurrences(of: "updated: 2024-10-25", with: "updated: 2024-10-26"), second)
        rebuild([second], expect: .content(0))
        try write(
            secondText.replacingOccurrences(
                of: "updated: 2024-10-25", with: "updated: 2024-10-24T10:00:00+09:00"),
            second)
        XCTAssertNil(rebuild([second], expect: .full).files, "'updated' before the newest update")
        try write(secondText, second)
        rebuild([second], expect: .content(0))
        // Indicators: a later status, a new one, and a first appearance moved after its step.
        try write(thirdText.replacingOccurrences(of: "status: observed", with: "status: lapsed"), third)
        rebuild([third], expect: .content(0))
        try write(
            thirdText.replacingOccurrences(of: "  - indicator: \"Sanctions are widened\"\n", with: ""), third)
        rebuild([third], expect: .content(0))
        try write(thirdText.replacingOccurrences(of: "date: 2024-11-01", with: "date: 2024-10-01"), third)
        XCTAssertNil(rebuild([third], expect: .content(0)).files)
        try write(thirdText, third)
        rebuild([third], expect: .content(0))
        // The lead image's alt text is the entry's and its sharing card's.
        try write(firstText.replacingOccurrences(of: "A map of the border region", with: "The border"), first)
        rebuild([first], expect: .content(0))
        try write(firstText, first)
        rebuild([first], expect: .content(0))
    }

    func testScratchFilesOfASaveRebuildOnlyWhatTheSaveChanged() throws {
        // `sed -i` and vim save through a scratch file beside the file, made and removed at
        // once: the watcher reports both paths.
        let scratch = "Content/briefings/sedAb12Cd"
        try write("scratch", scratch)
        try FileManager.default.removeItem(atPath: site + "/" + scratch)
        try write(
            try read(third).replacingOccurrences(of: "Third body.", with: "Saved through a scratch file."),
            third)
        rebuild([scratch, third], expect: .entryBodies(1))
        // A scratch file alone: nothing of the site changed, and nothing is rebuilt.
        let nothing = rebuild(["Content/briefings/4913"], expect: .nothing)
        XCTAssertEqual([nothing.rendered, nothing.changed], [0, 0])
        // A file of the site that is gone is not taken for a scratch file.
        try FileManager.default.removeItem(atPath: site + "/" + third)
        rebuild([third], expect: .full)
    }

    func testAddedAndRemovedFilesAndSiteYmlAreFullRebuilds() throws {
        try write(
            "---\ntitle: \"Fourth\"\ndate: 2024-11-03\n---\nNew.\n", "Content/briefings/2024-11-03-fourth.md")
        rebuild(["Content/briefings/2024-11-03-fourth.md"], expect: .full)
        try FileManager.default.removeItem(atPath: site + "/Content/briefings/2024-11-03-fourth.md")
        rebuild(["Content/briefings/2024-11-03-fourth.md"], expect: .full)
        try write(
            try read("site.yml").replacingOccurrences(of: "The end-to-end fixture site.", with: "Changed."),
            "site.yml")
        rebuild(["site.yml"], expect: .full)
    }
}
