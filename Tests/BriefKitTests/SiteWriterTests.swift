import Foundation
import XCTest

@testable import BriefKit

/// The writer on real folders: what lands in the output, and the ext4 attribute that spreads
/// the site over the filesystem never reaching it.
final class SiteWriterTests: XCTestCase {
    private let files = [
        OutputFile(path: "index.html", content: .bytes(Data("home".utf8))),
        OutputFile(path: "briefings/a/index.html", content: .bytes(Data("a".utf8))),
        OutputFile(path: "briefings/b/index.html", content: .bytes(Data("b".utf8))),
        OutputFile(path: "search/index.html", content: .bytes(Data("search".utf8))),
        OutputFile(path: "actors/kim/feed.xml", content: .bytes(Data("feed".utf8))),
    ]

    /// Writes `files` in two batches through a staging folder under `parent` and commits it.
    private func writeSite(under parent: String) throws -> (output: String, spread: Bool) {
        let output = parent + "/out"
        let writer = SiteWriter(outputPath: output, displayPath: "out", force: false)
        let staging = try writer.prepare().get()
        if staging.spreads {
            XCTAssertEqual(TopFolder.isSet(staging.holder), true)
            XCTAssertEqual(
                TopFolder.isSet(staging.path), false, "the folder that becomes the output has none")
        }
        try staging.write(Array(files[..<2]))
        try staging.write(Array(files[2...]))
        XCTAssertNil(writer.commit(staging))
        return (output, staging.spreads)
    }

    private func assertSite(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        let snapshot = TreeSnapshot(output)
        XCTAssertEqual(
            snapshot.files.keys.sorted(),
            [
                ".brief-output", "actors/kim/feed.xml", "briefings/a/index.html", "briefings/b/index.html",
                "index.html", "search/index.html",
            ], file: file, line: line)
        XCTAssertEqual(
            try? FileManager.default.contentsOfDirectory(atPath: output).sorted(),
            [".brief-output", "actors", "briefings", "index.html", "search"],
            "no folder is left under the name it was made with", file: file, line: line)
        XCTAssertEqual(try? String(contentsOfFile: output + "/search/index.html", encoding: .utf8), "search")
    }

    /// On ext4 the folder the staging folder is made in has the attribute, the output has none
    /// and nothing is left beside it; a second build replaces the first.
    func testTheSiteIsSpreadAndTheOutputKeepsNoAttribute() throws {
        let parent = try TestPaths.folderWhereFoldersSpread()
        for _ in 1...2 {
            let (output, spread) = try writeSite(under: parent)
            XCTAssertTrue(spread)
            assertSite(output)
            XCTAssertEqual(TopFolder.isSet(output), false)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), ["out"])
    }

    /// Where the attribute does not exist (tmpfs), folders are made as they are named.
    func testWritesWhereTheAttributeDoesNotExist() throws {
        let shm = "/dev/shm"
        guard FileManager.default.isWritableFile(atPath: shm) else { throw XCTSkip("no /dev/shm") }
        let parent = shm + "/brief-writer-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        guard !TopFolder.set(parent, true) else { throw XCTSkip("/dev/shm has the top-folder attribute") }
        let (output, spread) = try writeSite(under: parent)
        XCTAssertFalse(spread)
        assertSite(output)
    }
}
