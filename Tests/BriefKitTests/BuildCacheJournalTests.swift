import Foundation
import XCTest

@testable import BriefKit

/// The build record's journal: builds that change a few inputs and output files write their
/// changes beside the record file instead of rewriting it; a build about to change the output
/// makes the record unreadable until it saves; a damaged journal is not trusted, and one of
/// another record file is not read.
final class BuildCacheJournalTests: FixtureSiteTestCase {
    var cache: BuildCache { BuildCache(siteRoot: site, outputPath: output) }
    let third = "Content/briefings/2024-11-01-third.md"
    let first = "Content/briefings/2024/10/2024-10-23-first.md"

    func recordBytes() throws -> Data {
        try XCTUnwrap(FileManager.default.contents(atPath: cache.path))
    }

    /// Asserts that the record holds the hash of every file in the output folder, and no other.
    func assertRecordHashesTheOutput(file: StaticString = #filePath, line: UInt = #line) throws {
        let record = try XCTUnwrap(cache.load(), file: file, line: line)
        var onDisk: [String: UInt64] = [:]
        for path in FileManager.default.subpaths(atPath: output) ?? [] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder),
                !isFolder.boolValue, path != SiteWriter.marker
            else { continue }
            onDisk[path] = ContentHash(try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))).value
        }
        let recorded = Dictionary(uniqueKeysWithValues: zip(record.files.map(\.path), record.hashes))
        XCTAssertEqual(recorded, onDisk, file: file, line: line)
    }

    func testBodyEditsAreJournaledBesideTheRecordFileTheyChange() throws {
        build()
        ageInputs()
        let before = try recordBytes()
        let base = try XCTUnwrap(cache.load())
        XCTAssertNotEqual(base.nonce, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.journalPath))
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        let written = try XCTUnwrap(build().summary?.written)
        XCTAssertEqual(try recordBytes(), before, "the record file is not written again")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.journalPath))
        let journaled = try XCTUnwrap(cache.load())
        // The edited briefing (and the others' new stamps: they were aged), the files written.
        let place = try XCTUnwrap(journaled.inputs.firstIndex { $0.path == third })
        XCTAssertEqual(journaled.journal.inputs[place]?.hash, journaled.inputs[place].hash)
        XCTAssertNotEqual(journaled.inputs[place].hash, base.inputs[place].hash)
        XCTAssertEqual(journaled.journal.files.count, written)
        XCTAssertEqual(journaled.inputs.map(\.path), base.inputs.map(\.path))
        XCTAssertNotEqual(journaled.key, base.key)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        try assertRecordHashesTheOutput()
        // A second edit: the journal holds both, still against the same record file.
        try edit(first) { $0 + "\nAnother paragraph.\n" }
        build()
        XCTAssertEqual(try recordBytes(), before)
        let both = try XCTUnwrap(cache.load())
        XCTAssertEqual(both.journal.files.count, written + 1, "the first briefing's page too")
        XCTAssertNotEqual(both.inputs[place].hash, base.inputs[place].hash)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        try assertRecordHashesTheOutput()
        XCTAssertEqual(build().summary?.upToDate, true, "the journaled record serves an unchanged site")
        // A new briefing moves every place: the record file is written whole, the journal goes.
        try write(
            "---\ntitle: \"Fourth\"\ndate: 2024-11-02\nslug: fourth\nactors: []\ntopics: []\n---\nA body.\n",
            to: "Content/briefings/2024-11-02-fourth.md")
        build()
        XCTAssertNotEqual(try recordBytes(), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.journalPath))
        XCTAssertEqual(try XCTUnwrap(cache.load()).journal.count, 0)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testABodyEditRecordsTheBodyKeysABuildFromNothingRecords() throws {
        build()
        ageInputs()
        for paragraph in ["One more paragraph.", "And another."] {
            try edit(third) { $0 + "\n\(paragraph)\n" }
            // Only what shows the body is rendered: the last edit's body was found by its key.
            XCTAssertEqual(build().summary?.rendered, 5)
            let edited = try XCTUnwrap(BuildCache(siteRoot: site, outputPath: output).load())
            // The same site built into another folder, with a record of its own.
            let other = TestPaths.temporaryFolder("brief-fixture-other") + "/out"
            XCTAssertNotNil(SiteBuilder(options: BuildOptions(siteRoot: site, output: other)).build().summary)
            let fresh = try XCTUnwrap(BuildCache(siteRoot: site, outputPath: other).load())
            XCTAssertEqual(edited.inputs.map(\.path), fresh.inputs.map(\.path))
            XCTAssertEqual(edited.inputs.map(\.bodyKey), fresh.inputs.map(\.bodyKey))
            XCTAssertTrue(edited.inputs.contains { $0.path == third && $0.bodyKey > BodyEdits.leftOut })
        }
    }

    func testARecordIsUnreadableWhileABuildWritesTheOutput() throws {
        build()
        let record = try XCTUnwrap(cache.load())
        cache.invalidate(record)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path), "the record file stays")
        XCTAssertNil(cache.load(), "a build killed from here on leaves no record")
        // The next build reads the output folder, and saves a record it can trust again.
        XCTAssertEqual(build().summary?.upToDate, false)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        XCTAssertEqual(build().summary?.upToDate, true)
        // Without a record read, the file itself goes.
        cache.invalidate(nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path))
        XCTAssertNil(cache.load())
    }

    func testADamagedJournalIsNotTrustedAndAnotherRecordsIsNotRead() throws {
        build()
        ageInputs()
        let base = try XCTUnwrap(cache.load())
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        build()
        let journal = try XCTUnwrap(FileManager.default.contents(atPath: cache.journalPath))
        let journaled = try XCTUnwrap(cache.load())
        // One byte changed, or cut short: not trusted; the next build repairs.
        var changed = journal
        changed[changed.count / 2] ^= 0x01
        for damaged in [changed, journal.prefix(journal.count - 5), journal.prefix(40)] {
            try damaged.write(to: URL(fileURLWithPath: cache.journalPath))
            XCTAssertNil(cache.load())
        }
        XCTAssertEqual(build().summary?.upToDate, false)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        // A journal that names another record file (left when this one replaced it) is not read.
        try edit(third) { $0 + "\nAnd another.\n" }
        build()
        let current = try XCTUnwrap(cache.load())
        let text = try XCTUnwrap(String(data: journal, encoding: .utf8))
        try text.replacingOccurrences(
            of: String(journaled.nonce, radix: 16), with: String(current.nonce &+ 1, radix: 16)
        ).write(toFile: cache.journalPath, atomically: true, encoding: .utf8)
        let unjournaled = try XCTUnwrap(cache.load())
        XCTAssertEqual(unjournaled.journal.count, 0)
        XCTAssertEqual(unjournaled.nonce, current.nonce)
        XCTAssertNotEqual(base.nonce, current.nonce, "the damaged journal's build wrote a new record file")
    }

    func testChangesThatMovePlacesOrAreManyAreNoJournal() {
        func stamp(_ path: String) -> BuildCache.Stamp {
            BuildCache.Stamp(path: path, size: 1, inode: 1, seconds: 1, nanoseconds: 1)
        }
        let files = (0..<40_000).map { stamp("f\($0)") }
        let previous = BuildCache.Record(
            key: ContentHash("a"), diagnostics: [],
            summary: BuildSummary(pages: 0, files: 0, entries: 0, actors: 0, topics: 0, seconds: 0),
            inputs: [BuildCache.RecordedInput(path: "Content/a.md", stamp: nil, hash: 1)],
            folders: [stamp(".")], files: files, hashes: files.map { _ in 7 }, nonce: 9)
        var record = previous
        record.key = ContentHash("b")
        record.inputs[0].hash = 2
        record.hashes[5] = 8
        let journal = BuildCache.Journal(from: previous, to: record)
        XCTAssertEqual(journal?.inputs.keys.sorted(), [0])
        XCTAssertEqual(journal?.files.keys.sorted(), [5])
        // What the journal of `previous` changed stays in the next one.
        var journaled = record
        journaled.journal = journal!
        var next = record
        next.hashes[6] = 8
        XCTAssertEqual(BuildCache.Journal(from: journaled, to: next)?.files.keys.sorted(), [5, 6])
        var unread = previous
        unread.nonce = 0
        XCTAssertNil(BuildCache.Journal(from: unread, to: record), "no record file to change")
        var moved = record
        moved.files[3].path = "g"
        XCTAssertNil(BuildCache.Journal(from: previous, to: moved))
        var added = record
        added.inputs.append(BuildCache.RecordedInput(path: "Content/b.md", stamp: nil, hash: 3))
        XCTAssertNil(BuildCache.Journal(from: previous, to: added))
        var many = record
        for i in 0..<(BuildCache.Journal.limit(record) + 1) { many.hashes[i] = 9 }
        XCTAssertNil(BuildCache.Journal(from: previous, to: many))
    }
}
