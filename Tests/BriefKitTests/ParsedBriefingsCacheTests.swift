import Foundation
import XCTest

@testable import BriefKit

/// The parses of briefing files a build keeps for the next (`ParsedBriefingsCache`): every
/// field comes back as parsed, a damaged or foreign file is not taken, a body left in its file
/// is read from there only while the file still holds it, and builds that take kept parses
/// write and print what builds without the cache do.
final class ParsedBriefingsCacheTests: FixtureSiteTestCase {
    /// A briefing with every field the format has, and a warning.
    static let everyField = """
        ---
        title: "Every field"
        date: 2024-10-25T14:30:00+02:00
        updated: 2024-10-27
        author: "An analyst"
        summary: "A summary."
        actors: ["Kim Jong-un", "DPRK"]
        topics: ["Troops", "Unregistered topic"]
        source:
          title: "An article"
          publisher: "A paper"
          author: "A reporter"
          editor: "An editor"
          url: "https://news.example.com/a"
        image: { src: map.svg, alt: "A map" }
        claims:
          - claim: "3,000 troops were sent"
            id: troops-sent
            credibility: 3
            by: ["North Korea"]
            status: denied
            denied_by: ["north korea"]
            source: "A paper"
            note: "As reported."
          - claim: "A second claim"
            by: ["DPRK"]
        judgements:
          - judgement: "The troops will reach the front within a month"
            id: troops-at-front
            likelihood: likely
            confidence: moderate
        updates:
          - date: 2024-10-26
            note: "A correction."
            kind: correction
        watch:
          - indicator: "Units move south"
            id: units-south
            status: watching
        slug: every-field
        colour: blue
        draft: false
        params: { score: 2.5, count: 3, flag: true, none: null, tags: [a, b], nested: { key: value } }
        ---
        The body, with Erdoğan.
        """

    private func parse(_ text: String, path: String) throws -> (Briefing, [Diagnostic]) {
        let source = try SourceText.decode(Data(text.utf8), path: path).get()
        let (briefing, diagnostics) = EntryParser.parseBriefing(source)
        return (try XCTUnwrap(briefing, "\(diagnostics)"), diagnostics)
    }

    func testEveryFieldComesBackAsParsed() throws {
        var parses: [(Briefing, [Diagnostic])] = [
            try parse(Self.everyField, path: "Content/briefings/every.md")
        ]
        let folder = TestPaths.fixtures + "/site/Content/briefings"
        for path in FileManager.default.subpaths(atPath: folder) ?? [] where path.hasSuffix(".md") {
            let text = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            parses.append(try parse(text, path: "Content/briefings/" + path))
        }
        let (first, warnings) = parses[0]
        XCTAssertFalse(warnings.isEmpty, "the briefing with every field has a warning to keep")
        XCTAssertNotNil(first.source?.editor)
        XCTAssertFalse(first.updates.isEmpty || first.judgements.isEmpty || first.watch.isEmpty)
        let cache = ParsedBriefingsCache(path: TestPaths.temporaryFolder() + "/sources")
        var kept: [UInt64: BriefingParse] = [:]
        for (briefing, diagnostics) in parses {
            let key = BriefingParse.key(path: briefing.path, hash: ContentHash(briefing.path))
            kept[key] = BriefingParse(briefing: briefing.leavingBodyInFile(), diagnostics: diagnostics)
        }
        cache.save(ShardedParses(kept), over: nil)
        let loaded = cache.load()
        XCTAssertEqual(loaded.count, parses.count)
        for (briefing, diagnostics) in parses {
            let key = BriefingParse.key(path: briefing.path, hash: ContentHash(briefing.path))
            let parse = try XCTUnwrap(loaded[key], briefing.path)
            XCTAssertEqual(parse.briefing, briefing.leavingBodyInFile(), briefing.path)
            XCTAssertEqual(parse.briefing.bodyHash, ContentHash(briefing.body))
            XCTAssertEqual(parse.briefing.bodyByteCount, briefing.body.utf8.count)
            XCTAssertEqual(parse.diagnostics, diagnostics, briefing.path)
        }
        // Each parse is in the shard its key names.
        for (shard, members) in loaded.shards.enumerated() {
            XCTAssertTrue(members.keys.allSatisfy { ParsedBriefingsCache.shard(of: $0) == shard })
        }
    }

    func testADamagedOrForeignFileIsNotTaken() throws {
        let folder = TestPaths.temporaryFolder() + "/sources"
        let cache = ParsedBriefingsCache(path: folder)
        let (briefing, _) = try parse(Self.everyField, path: "Content/briefings/every.md")
        let key = BriefingParse.key(path: briefing.path, hash: ContentHash("bytes"))
        cache.save(
            ShardedParses([key: BriefingParse(briefing: briefing.leavingBodyInFile(), diagnostics: [])]),
            over: nil)
        XCTAssertEqual(cache.load().count, 1)
        var other = cache
        other.brief = "another brief"
        XCTAssertTrue(other.load().count == 0, "written by another brief")
        let file = folder + "/\(ParsedBriefingsCache.shard(of: key))"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(cache.load().count == 0, "a changed byte")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(cache.load().count == 0, "cut short")
    }

    func testTheLoaderTakesAKeptParseForTheFileItWasMadeFrom() throws {
        let path = "Content/briefings/2024-11-01-third.md"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: site + "/" + path))
        var kept = try parse(String(decoding: bytes, as: UTF8.self), path: path).0.fields
        kept.title = "Taken from the cache"
        kept.keptBody = Briefing.KeptBody(hash: 1, byteCount: 1)
        let parse = BriefingParse(briefing: Briefing(fields: kept), diagnostics: [])
        let loader = ContentLoader(root: site)
        func title(keyedBy hash: ContentHash) -> String? {
            let (sources, _) = loader.load(
                SiteInputs.read(root: site), partial: false,
                kept: ShardedParses([BriefingParse.key(path: path, hash: hash): parse]), collect: true)
            return sources?.briefings.first { $0.path == path }?.title
        }
        XCTAssertEqual(title(keyedBy: ContentHash(bytes)), "Taken from the cache")
        XCTAssertNotEqual(title(keyedBy: ContentHash("other bytes")), "Taken from the cache")
    }

    func testABodyLeftInItsFileIsReadOnlyWhileTheFileHoldsIt() throws {
        let path = "Content/briefings/2024-11-01-third.md"
        let text = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
        let (briefing, _) = try parse(text, path: path)
        let left = briefing.leavingBodyInFile()
        XCTAssertEqual(left.body, "")
        XCTAssertEqual(try left.readingBody(siteRoot: site).get().body, briefing.body)
        try edit(path) { $0.replacingOccurrences(of: "Third body.", with: "Third body, edited.") }
        guard case .failure(let problem) = left.readingBody(siteRoot: site) else {
            return XCTFail("a body the file no longer holds was read")
        }
        XCTAssertEqual(
            problem.description, "\(path): error: changed while brief was building the site; build again")
    }

    /// Kept parses with every body left in its file, then a change to how links resolve (a new
    /// actor), so every body is rendered again from its file: the output and the diagnostics
    /// are those of a build without the cache.
    func testBuildsTakingKeptParsesWriteAndPrintWhatAColdBuildDoes() throws {
        try write(Self.everyField, to: "Content/briefings/every.md")
        build()
        ageInputs()
        try write("---\nname: \"A new actor\"\n---\nProfile.\n", to: "Content/actors/a-new-actor.md")
        let result = build()
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        let cold = coldBuild()
        XCTAssertEqual(result.printedDiagnostics, cold.printedDiagnostics)
        // The parse's warning (an unknown key) came from the kept parse, the resolver's anew.
        XCTAssertTrue(result.printedDiagnostics.contains { $0.message.contains("colour") })
        XCTAssertTrue(result.printedDiagnostics.contains { $0.message.contains("Unregistered topic") })
    }
}
