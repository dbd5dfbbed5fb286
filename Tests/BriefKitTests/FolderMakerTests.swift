import Foundation
import XCTest

@testable import BriefKit

/// Where folders are made: the streak that says when to move, and the moves on real folders.
final class FolderMakerTests: XCTestCase {
    private let fast = Duration.microseconds(20)
    private let slow = Duration.microseconds(400)

    func testAStreakOfSlowCreationsCallsForAMove() {
        var streak = SlowStreak()
        XCTAssertEqual([slow, slow, slow].map { streak.record($0) }, [false, false, false])
        XCTAssertTrue(streak.record(slow))
        XCTAssertEqual(streak.moves, 1)
        // After a move it counts again from nothing.
        XCTAssertEqual([slow, slow, slow].map { streak.record($0) }, [false, false, false])
    }

    func testOneQuickCreationEndsTheStreak() {
        var streak = SlowStreak()
        let calls = [slow, slow, slow, fast, slow, slow, slow].map { streak.record($0) }
        XCTAssertEqual(calls, Array(repeating: false, count: 7))
        XCTAssertEqual(streak.moves, 0)
    }

    func testMovesStopAtTheMost() {
        var streak = SlowStreak()
        let calls = (0..<(SlowStreak.inARow * (SlowStreak.mostMoves + 3))).map { _ in streak.record(slow) }
        XCTAssertEqual(calls.filter { $0 }.count, SlowStreak.mostMoves)
        XCTAssertEqual(streak.moves, SlowStreak.mostMoves)
    }

    /// A maker for a new staging folder in a holder with ext4's attribute (skips where the
    /// attribute is missing), or in a plain holder.
    private func maker(spreading: Bool = true) throws -> FolderMaker {
        let holder = spreading ? try TestPaths.folderWhereFoldersSpread() : TestPaths.temporaryFolder()
        if spreading { TopFolder.set(holder, true) }
        let root = holder + "/site"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        return FolderMaker(root: root, holder: holder, spreads: spreading)
    }

    private let folders = ["briefings"] + (1...20).map { "briefings/b\($0)" } + ["actors", "actors/kim"]

    /// Makes `folders` in order, with a file in `briefings` and one in each of the first briefing
    /// folders, written as soon as their folder is made (as the writer does). Returns the inode
    /// `briefings` was first made with.
    @discardableResult
    private func makeFolders(with maker: FolderMaker) throws -> UInt {
        var firstBriefings: UInt = 0
        for folder in folders {
            try maker.make(folder)
            if folder == "briefings" { firstBriefings = inode(maker.root + "/briefings") }
            if folder == "briefings" || folder == "briefings/b1" || folder == "briefings/b2" {
                try Data(folder.utf8).write(
                    to: URL(fileURLWithPath: maker.root + "/" + folder + "/index.html"))
            }
        }
        return firstBriefings
    }

    private func inode(_ path: String) -> UInt {
        var status = stat()
        return stat(path, &status) == 0 ? UInt(status.st_ino) : 0
    }

    /// Checks the folders and files made, and that the nurseries beside the root are empty.
    private func assertMade(_ maker: FolderMaker, file: StaticString = #filePath, line: UInt = #line) {
        let manager = FileManager.default
        let root = maker.root
        for nursery in try! manager.contentsOfDirectory(atPath: maker.holder) where nursery != "site" {
            XCTAssertEqual(
                try manager.contentsOfDirectory(atPath: maker.holder + "/" + nursery), [],
                "nothing is left in a nursery", file: file, line: line)
        }
        for folder in ["briefings", "briefings/b1", "briefings/b2"] {
            XCTAssertEqual(
                try? String(contentsOfFile: root + "/" + folder + "/index.html", encoding: .utf8), folder,
                "files stay where they were written", file: file, line: line)
        }
        XCTAssertEqual(
            try manager.contentsOfDirectory(atPath: root).sorted(), ["actors", "briefings"],
            file: file, line: line)
        XCTAssertEqual(
            try manager.contentsOfDirectory(atPath: root + "/briefings").sorted(),
            ((1...20).map { "b\($0)" } + ["index.html"]).sorted(), file: file, line: line)
        XCTAssertEqual(
            try manager.contentsOfDirectory(atPath: root + "/actors"), ["kim"], file: file, line: line)
    }

    /// When every creation counts as slow, the maker moves after each streak, rehousing
    /// `briefings` each time; every folder and file still lands where it is named, and the
    /// nurseries are left empty.
    func testSlowCreationsMoveAndEveryFolderLandsInPlace() throws {
        let maker = try maker()
        maker.streak.slow = .zero
        let firstBriefings = try makeFolders(with: maker)
        XCTAssertEqual(maker.streak.moves, folders.count / SlowStreak.inARow)
        XCTAssertNotEqual(inode(maker.root + "/briefings"), firstBriefings, "briefings was made again")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: maker.holder).count - 1,
            maker.streak.moves * FolderMaker.nurseryTries, "each move tried every place, none being quick")
        assertMade(maker)
    }

    /// A folder too full to rehouse keeps its place; its new folders are made in the nursery
    /// and renamed into it.
    func testAFolderTooFullToRehouseGetsItsFoldersOneByOne() throws {
        let maker = try maker()
        maker.streak.slow = .zero
        maker.mostToRehouse = 0
        let firstBriefings = try makeFolders(with: maker)
        XCTAssertEqual(maker.streak.moves, folders.count / SlowStreak.inARow)
        XCTAssertEqual(inode(maker.root + "/briefings"), firstBriefings)
        assertMade(maker)
    }

    /// When creations are quick, it stays: every folder is made in place, and no nursery.
    func testQuickCreationsStay() throws {
        let maker = try maker()
        maker.streak.slow = .seconds(60)
        let firstBriefings = try makeFolders(with: maker)
        XCTAssertEqual(inode(maker.root + "/briefings"), firstBriefings)
        XCTAssertEqual(maker.streak.moves, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: maker.holder), ["site"])
        assertMade(maker)
    }

    /// Without the attribute, folders are made as named and nothing is timed.
    func testFoldersAreMadeAsNamedWhereNothingSpreads() throws {
        let maker = try maker(spreading: false)
        maker.streak.slow = .zero
        try makeFolders(with: maker)
        XCTAssertEqual(maker.streak.moves, 0)
        assertMade(maker)
    }

    func testAFolderThatCannotBeMadeIsNamed() throws {
        let maker = try maker()
        try maker.make("briefings")
        XCTAssertThrowsError(try maker.make("missing/b1")) { error in
            XCTAssertEqual(SiteWriter.reason(error), "cannot create missing/b1: No such file or directory")
        }
    }
}
