import Foundation
import XCTest

@testable import BriefKit

/// `brief publish` never deletes what brief did not publish, never follows a link in its state
/// folder, keeps the rollback slot straight, and never hands git a value it could read as an option.
final class SafetyPublishTests: XCTestCase {
    var root: String!
    var site: String!

    override func setUpWithError() throws {
        root = TestPaths.temporaryFolder("publish-safety")
        site = try BriefProcess.strictSite(in: root)
    }

    func retitle(_ title: String) throws {
        try BriefProcess.retitle(site: site, title)
    }

    /// Publishes the third briefing titled "One", then "Two", to `dest`.
    func publishTwoVersions(to dest: String) throws {
        for title in ["One", "Two"] {
            try retitle(title)
            XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        }
    }

    func testAFileDestinationIsRefusedAndKept() throws {
        let file = root + "/notes.txt"
        try "mine".write(toFile: file, atomically: true, encoding: .utf8)
        let report = DirectoryPublisher(siteRoot: site, destination: file, force: true).publish()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(
            report.diagnostics.map(\.description),
            [
                "\(file): error: the destination is a file, not a folder; refusing to replace it (publish into a folder)"
            ])
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "mine")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: root + "/.notes.txt.brief"), "no state, no lock left")
    }

    func testARefusedPublishLeavesNoLockBehind() throws {
        let dest = root + "/www"
        try FileManager.default.createDirectory(atPath: dest, withIntermediateDirectories: true)
        try "theirs".write(toFile: dest + "/index.html", atomically: true, encoding: .utf8)
        let report = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertFalse(report.succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/.www.brief"))
    }

    func testFilesForceMovedAsideSurviveEveryLaterPublish() throws {
        let dest = root + "/www"
        try FileManager.default.createDirectory(atPath: dest, withIntermediateDirectories: true)
        try "theirs".write(toFile: dest + "/index.html", atomically: true, encoding: .utf8)
        let forced = DirectoryPublisher(siteRoot: site, destination: dest, force: true).publish()
        XCTAssertTrue(forced.succeeded, "\(forced.diagnostics)")
        XCTAssertTrue(
            forced.messages.contains {
                $0.hasPrefix("The folder's earlier files were moved to \(root!)/.www.brief/previous")
            })
        for title in ["Second", "Third", "Fourth"] {
            try retitle(title)
            XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        }
        XCTAssertEqual(
            try String(contentsOfFile: root + "/.www.brief/set-aside-1/index.html", encoding: .utf8), "theirs"
        )
    }

    func testAPlantedStateLinkIsNeverFollowed() throws {
        let victim = root + "/victim"
        try FileManager.default.createDirectory(atPath: victim + "/next", withIntermediateDirectories: true)
        try "keep".write(toFile: victim + "/next/keep.txt", atomically: true, encoding: .utf8)
        let dest = root + "/www"
        try FileManager.default.createSymbolicLink(atPath: root + "/.www.brief", withDestinationPath: victim)
        let report = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertEqual(
            report.diagnostics.map(\.description),
            [
                "\(dest): error: \(root!)/.www.brief is a symlink; brief keeps its state only in real folders and never follows links there; remove it and try again"
            ])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: victim).sorted(), ["next"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: victim + "/next/keep.txt"))

        // A link inside a real state folder is refused too, by publish and by rollback.
        try FileManager.default.removeItem(atPath: root + "/.www.brief")
        try FileManager.default.createDirectory(
            atPath: root + "/.www.brief", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/.www.brief/trash", withDestinationPath: victim)
        XCTAssertFalse(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        XCTAssertFalse(DirectoryPublisher(siteRoot: site, destination: dest).rollback().succeeded)
        XCTAssertTrue(FileManager.default.fileExists(atPath: victim + "/next/keep.txt"))
    }

    func testDestinationsInsideTheSiteOrHomeAreRefused() throws {
        for dest in [site!, site + "/Content/media/www", root!, "/"] {
            let report = DirectoryPublisher(siteRoot: site, destination: dest, force: true).publish()
            XCTAssertFalse(report.succeeded, dest)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: site + "/Content/briefings/2024-11-01-third.md"))
        let run = try BriefProcess.run(["publish", site, "--to", ""])
        XCTAssertEqual(run.status, 2)
    }

    func testUnchangedSiteKeepsTheRollbackSlot() throws {
        let dest = root + "/www"
        try publishTwoVersions(to: dest)
        let unchanged = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertEqual(unchanged.messages, ["Nothing to publish: \(dest) already holds this site."])
        XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).rollback().succeeded)
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                ">One<"))
    }

    /// An immutable file in an old version: the failure is reported, and `--rollback` still
    /// lands on the version before the live one.
    func testAnUndeletableOldVersionIsReportedAndRollbackStaysStraight() throws {
        let dest = root + "/www"
        try publishTwoVersions(to: dest)
        let pinned = root + "/.www.brief/previous/index.html"
        guard Self.chattr("+i", pinned) else { throw XCTSkip("chattr +i needs root on ext4") }
        defer { _ = Self.chattr("-i", root + "/.www.brief/trash/index.html") }
        try retitle("Three")
        let warned = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertTrue(warned.succeeded)
        XCTAssertEqual(
            warned.diagnostics.map(\.description),
            [
                "\(dest): warning: published, but the version before the rollback slot could not be deleted from \(root!)/.www.brief/trash: \(root!)/.www.brief/trash/index.html: Operation not permitted; the next publish refuses until it is removed"
            ])
        try retitle("Four")
        let refused = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertFalse(refused.succeeded)
        XCTAssertTrue(refused.diagnostics.last!.message.hasPrefix("cannot remove \(root!)/.www.brief/trash"))
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                ">Three<"))
        XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).rollback().succeeded)
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                ">Two<"))
    }

    static func chattr(_ flag: String, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, "--", path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    func testGitValuesThatLookLikeOptionsAreRefused() throws {
        let marker = root + "/pwned"
        let hostile = "--upload-pack=touch \(marker)"
        let report = GitPublisher(siteRoot: site, repository: hostile, branch: "gh-pages").publish()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(
            report.diagnostics.map(\.message),
            [
                "--git '\(hostile)' starts with '-', which git would read as an option; write a path like ./\(hostile)"
            ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
        let run = try BriefProcess.run(["publish", site, "--git=\(hostile)"])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
        XCTAssertNotNil(GitPublisher.refusal(repository: "repo.git", branch: "--force"))
        XCTAssertNotNil(GitPublisher.refusal(repository: "repo.git", branch: "a..b"))
        XCTAssertNil(GitPublisher.refusal(repository: "repo.git", branch: "gh-pages"))
        // ext:: would run a command; git is told never to allow it.
        let ext = GitPublisher(siteRoot: site, repository: "ext::sh -c touch% \(marker)", branch: "gh-pages")
            .publish()
        XCTAssertFalse(ext.succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
    }
}
