import Foundation
import XCTest

@testable import BriefKit

/// The site model a build keeps for the next (`ResolvedModelCache`): every part comes back as
/// resolved, a foreign or damaged file is not taken, builds of body edits take it (and write
/// and print what builds without the cache do), and any other edit resolves the site again.
final class ResolvedModelCacheTests: FixtureSiteTestCase {
    /// The fixture site (and a briefing with every field) loaded and resolved, with diagnostics.
    func resolved() throws -> (SiteModel, load: [Diagnostic], resolve: [Diagnostic]) {
        try write(ParsedBriefingsCacheTests.everyField, to: "Content/briefings/every.md")
        let (sources, load) = ContentLoader(root: site).load()
        let (model, resolve) = SiteResolver(includeDrafts: false).resolve(try XCTUnwrap(sources))
        return (try XCTUnwrap(model), load, resolve)
    }

    /// Every value of `model`, field by field.
    func described(_ model: SiteModel) -> String {
        var text = ""
        dump(model, to: &text)
        return text
    }

    func testEveryPartComesBackAsResolved() throws {
        let (model, load, resolve) = try resolved()
        // The fixture has every part a model keeps.
        XCTAssertTrue(
            model.entries.contains { !$0.claims.isEmpty && $0.claims.contains { $0.source != nil } })
        XCTAssertTrue(model.entries.contains { $0.claims.contains { !$0.deniedBy.isEmpty } })
        XCTAssertTrue(model.entries.contains { !$0.judgements.isEmpty && !$0.indicators.isEmpty })
        XCTAssertTrue(model.entries.contains { $0.source != nil })
        XCTAssertFalse(model.claims.tracked.isEmpty)
        XCTAssertFalse(model.sources.isEmpty)
        XCTAssertFalse(model.pages.isEmpty)
        XCTAssertFalse(model.media.isEmpty)
        XCTAssertFalse(model.statics.isEmpty)
        XCTAssertTrue(model.actors.contains { $0.kind != nil && $0.role != nil })
        XCTAssertTrue(model.topics.contains { $0.path == nil })
        XCTAssertFalse(load.isEmpty)
        XCTAssertFalse(resolve.isEmpty)

        let cache = ResolvedModelCache(path: cacheFolder + "/model")
        cache.save(key: 7, model: ResolvedModel(model, loadDiagnostics: load, resolveDiagnostics: resolve))
        let kept = try XCTUnwrap(cache.load(key: 7))
        let byPath = Dictionary(uniqueKeysWithValues: model.entries.map { ($0.briefing.path, $0.briefing) })
        let back = try XCTUnwrap(
            kept.model(config: model.config, root: model.root) { path, _ in byPath[path] })
        XCTAssertEqual(described(back), described(model))
        XCTAssertEqual(kept.loadDiagnostics, load)
        XCTAssertEqual(kept.resolveDiagnostics, resolve)
        // A briefing the build does not have: no model.
        XCTAssertNil(kept.model(config: model.config, root: model.root) { _, _ in nil })
    }

    func testAForeignOrDamagedFileIsNotTaken() throws {
        let (model, load, resolve) = try resolved()
        let cache = ResolvedModelCache(path: cacheFolder + "/model")
        cache.save(key: 7, model: ResolvedModel(model, loadDiagnostics: load, resolveDiagnostics: resolve))
        XCTAssertNil(cache.load(key: 8), "kept under another key")
        var other = cache
        other.brief = "brief 0.0.0 build another"
        XCTAssertNil(other.load(key: 7), "kept by another brief")
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: cache.path))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: cache.path))
        XCTAssertNil(cache.load(key: 7), "damaged")
    }

    /// The model file of this test's build cache.
    func keptModelPath() throws -> String {
        let folder = try XCTUnwrap(
            FileManager.default.enumerator(atPath: cacheFolder)?.compactMap { $0 as? String }
                .first { $0.hasSuffix(".bodies") })
        return cacheFolder + "/" + folder + "/model"
    }

    /// The model file of this test's build cache, and the key it was kept under.
    func keptModelFile() throws -> (ResolvedModelCache, UInt64) {
        let path = try keptModelPath()
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let key = try data.withUnsafeBytes { raw -> UInt64 in
            var reader = ByteReader(bytes: raw)
            _ = reader.string()
            return try XCTUnwrap(reader.number())
        }
        return (ResolvedModelCache(path: path), key)
    }

    func testABodyEditTakesTheKeptModelAndAnyOtherEditResolvesAgain() throws {
        try write(ParsedBriefingsCacheTests.everyField, to: "Content/briefings/every.md")
        build()
        ageInputs()
        // The kept model, with one actor renamed: a build that takes it shows the new name.
        let (cache, key) = try keptModelFile()
        var kept = try XCTUnwrap(cache.load(key: key))
        let renamed = try XCTUnwrap(kept.actors.firstIndex { $0.name == "Kim Jong Un" })
        kept.actors[renamed].name = "A name only the kept model has"
        cache.save(key: key, model: kept)
        try edit("Content/briefings/2024-11-01-third.md") { $0 + "\nOne more paragraph.\n" }
        build()
        XCTAssertTrue(try Self.contains("A name only the kept model has", in: output))
        // A title edit resolves the site again (and keeps its model for the next build).
        try edit("Content/briefings/2024-11-01-third.md") {
            $0.replacingOccurrences(of: "title: \"", with: "title: \"Retitled ")
        }
        build()
        XCTAssertFalse(try Self.contains("A name only the kept model has", in: output))
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// Body edits over a kept model, one with a warning that only its new body has (the import
    /// marker): the output and the diagnostics are those of a build without the cache.
    func testBodyEditsOverAKeptModelWriteAndPrintWhatAColdBuildDoes() throws {
        try write(ParsedBriefingsCacheTests.everyField, to: "Content/briefings/every.md")
        build()
        ageInputs()
        try edit("Content/briefings/every.md") { $0 + "\n\(EntryParser.importMarker)\n\nMore.\n" }
        let result = build()
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        let cold = coldBuild()
        XCTAssertEqual(result.printedDiagnostics, cold.printedDiagnostics)
        XCTAssertTrue(result.printedDiagnostics.contains { $0.message.contains("import marker") })
        // The marker taken out again: its warning goes with it.
        ageInputs()
        try edit("Content/briefings/every.md") {
            $0.replacingOccurrences(of: EntryParser.importMarker, with: "")
        }
        let fixed = build()
        XCTAssertFalse(fixed.printedDiagnostics.contains { $0.message.contains("import marker") })
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// A kept model knows each briefing's place among the briefing files, where its parse is
    /// looked for first; a place that names another file is found by path instead.
    func testAKeptEntryIsFoundAtItsPlaceOrByPath() throws {
        build()
        ageInputs()
        let (cache, key) = try keptModelFile()
        var kept = try XCTUnwrap(cache.load(key: key))
        let briefings = SiteInputs.list(root: site).files.map(\.relativePath).filter(SiteInputs.isBriefing)
        for entry in kept.entries {
            XCTAssertEqual(briefings[entry.place], entry.path)
        }
        // Places that name other files.
        let count = kept.entries.count
        for i in kept.entries.indices { kept.entries[i].place = (kept.entries[i].place + 1) % count }
        cache.save(key: key, model: kept)
        try edit("Content/briefings/2024-11-01-third.md") { $0 + "\nOne more paragraph.\n" }
        build()
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// After body edits over a kept model, the parse cache holds the parse of each briefing
    /// file as it is now, and no other (an edited file's last parse goes).
    func testBodyEditsOverAKeptModelKeepTheParsesOfTheFilesAsTheyAre() throws {
        build()
        ageInputs()
        let parses = BuildCache(siteRoot: site, outputPath: output).parses
        func keys() throws -> Set<UInt64> {
            let folder = site + "/Content/briefings"
            return Set(
                try (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".md") }.map {
                    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))
                    return BriefingParse.key(path: "Content/briefings/" + $0, hash: ContentHash(data))
                })
        }
        let before = try keys()
        XCTAssertEqual(Set(parses.load().shards.flatMap(\.keys)), before)
        try edit("Content/briefings/2024-11-01-third.md") { $0 + "\nOne more paragraph.\n" }
        build()
        try edit("Content/briefings/2024/10/2024-10-23-first.md") { $0 + "\nAnother.\n" }
        build()
        let after = try keys()
        XCTAssertEqual(before.subtracting(after).count, 2)
        XCTAssertEqual(Set(parses.load().shards.flatMap(\.keys)), after)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// A body edit that leaves the file unreadable as text (a byte that is not UTF-8): the kept
    /// model cannot be made whole, so the build reads every file and reports the file as a
    /// build without the cache does, leaving the output as it was; fixed, it builds again.
    func testABodyEditTheKeptModelCannotTakeIsReportedAsWithoutTheCache() throws {
        build()
        ageInputs()
        let before = TreeSnapshot(output)
        let path = site + "/Content/briefings/2024-11-01-third.md"
        let original = try XCTUnwrap(FileManager.default.contents(atPath: path))
        try (original + Data([0x0A, 0xFF, 0x0A])).write(to: URL(fileURLWithPath: path))
        let failed = build()
        XCTAssertNil(failed.summary)
        let cold = coldBuild()
        XCTAssertEqual(failed.printedDiagnostics, cold.printedDiagnostics)
        XCTAssertTrue(
            failed.printedDiagnostics.contains { $0.location.path == "Content/briefings/2024-11-01-third.md" }
        )
        XCTAssertEqual(TreeSnapshot(output), before)
        try (original + Data("\nFixed.\n".utf8)).write(to: URL(fileURLWithPath: path))
        XCTAssertNotNil(build().summary)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// True when a file under `folder` holds `text`.
    static func contains(_ text: String, in folder: String) throws -> Bool {
        try (FileManager.default.subpaths(atPath: folder) ?? []).contains { path in
            guard path.hasSuffix(".html") else { return false }
            return try String(contentsOfFile: folder + "/" + path, encoding: .utf8).contains(text)
        }
    }
}
