import Foundation
import XCTest

@testable import BriefKit

/// `brief publish` on real folders and a real git repository.
final class PublishTests: XCTestCase {
    /// A strict-clean copy of the fixture site (its one warning removed) with `publish.keep: [CNAME]`.
    func makeSite() throws -> String {
        let site = TestPaths.temporaryFolder() + "/site"
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        let second = site + "/Content/briefings/2024/10/2024-10-24-second.md"
        let text = try String(contentsOfFile: second, encoding: .utf8)
        try text.replacingOccurrences(of: ", \"Sanctions\"]", with: "]").write(
            toFile: second, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/Content/static/CNAME")
        let config = try String(contentsOfFile: site + "/site.yml", encoding: .utf8)
        try (config + "publish: { keep: [CNAME, .well-known/keep.txt] }\n").write(
            toFile: site + "/site.yml", atomically: true, encoding: .utf8)
        return site
    }

    func retitle(_ site: String, _ title: String) throws {
        try BriefProcess.retitle(site: site, title)
    }

    func testPublishKeepRollbackAndDryRun() throws {
        let site = try makeSite()
        let dest = TestPaths.temporaryFolder() + "/www"
        let publisher = DirectoryPublisher(siteRoot: site, destination: dest)
        let first = publisher.publish()
        XCTAssertTrue(first.succeeded, "\(first.diagnostics)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dest + "/briefings/third/index.html"))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dest + "/" + SiteWriter.marker), "no state inside DEST")
        try "fixture.example.org\n".write(toFile: dest + "/CNAME", atomically: true, encoding: .utf8)
        try "stale".write(toFile: dest + "/stale.html", atomically: true, encoding: .utf8)

        try retitle(site, "Third, revised")
        let dry = publisher.dryRun()
        XCTAssertEqual(dry.changes?.added, [])
        XCTAssertEqual(dry.changes?.removed, ["stale.html"], "keep files are never removed")
        XCTAssertTrue(dry.changes!.changed.contains("briefings/third/index.html"))
        XCTAssertTrue(
            dry.changes!.report.hasSuffix("0 added, \(dry.changes!.changed.count) changed, 1 removed"))
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                ">Third<"))

        XCTAssertTrue(publisher.publish().succeeded)
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                "Third, revised"))
        XCTAssertEqual(try String(contentsOfFile: dest + "/CNAME", encoding: .utf8), "fixture.example.org\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest + "/stale.html"))

        XCTAssertTrue(publisher.rollback().succeeded)
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                ">Third<"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dest + "/stale.html"))
        XCTAssertTrue(publisher.rollback().succeeded, "a second rollback rolls forward")
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                "Third, revised"))
    }

    func testBrokenOrWarningBuildsAreNeverPublished() throws {
        let dest = TestPaths.temporaryFolder() + "/www"
        let warned = DirectoryPublisher(siteRoot: TestPaths.fixtures + "/site", destination: dest).publish()
        XCTAssertFalse(warned.succeeded)
        XCTAssertEqual(
            warned.diagnostics.map(\.description),
            [
                "Content/briefings/2024/10/2024-10-24-second.md:8:31: error: 'Sanctions' is not in the topic registry; it gets a page of its own (add Content/topics/sanctions.md to register it)"
            ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest))
        let broken = DirectoryPublisher(
            siteRoot: TestPaths.fixtures + "/invalid/impossible-date", destination: dest
        ).publish()
        XCTAssertFalse(broken.succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest))
    }

    func testForeignFolderIsRefusedAndForceKeepsItsFiles() throws {
        let site = try makeSite()
        let dest = TestPaths.temporaryFolder() + "/www"
        try FileManager.default.createDirectory(atPath: dest, withIntermediateDirectories: true)
        try "theirs".write(toFile: dest + "/index.html", atomically: true, encoding: .utf8)
        let refused = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertFalse(refused.succeeded)
        XCTAssertTrue(
            refused.diagnostics.last!.message.hasPrefix(
                "the folder is not empty and was not published by brief"))
        XCTAssertEqual(try String(contentsOfFile: dest + "/index.html", encoding: .utf8), "theirs")
        let forced = DirectoryPublisher(siteRoot: site, destination: dest, force: true)
        XCTAssertTrue(forced.publish().succeeded)
        XCTAssertNotEqual(try String(contentsOfFile: dest + "/index.html", encoding: .utf8), "theirs")
        XCTAssertEqual(
            try String(contentsOfFile: forced.place.previous + "/index.html", encoding: .utf8), "theirs")
    }

    func testConcurrentPublishIsRefused() throws {
        let site = try makeSite()
        let dest = TestPaths.temporaryFolder() + "/www"
        let place = PublishPlace(destination: dest)
        try FileManager.default.createDirectory(atPath: place.state, withIntermediateDirectories: true)
        let held = try XCTUnwrap(FileLock(path: place.state + "/lock"))
        let second = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertFalse(second.succeeded)
        XCTAssertTrue(
            second.diagnostics.last!.message.hasPrefix("another publish to this destination is running"))
        withExtendedLifetime(held) {}
    }

    /// SIGKILL at several moments of a publish: DEST is always one whole version, old or new.
    func testKilledPublishLeavesACompleteOldOrNewSite() throws {
        let site = try makeSite()
        let dest = TestPaths.temporaryFolder() + "/www"
        let expected = TestPaths.temporaryFolder()
        var versions: [TreeSnapshot] = []
        for (index, title) in ["Version zero", "Version one", "Version two"].enumerated() {
            try retitle(site, title)
            let output = expected + "/v\(index)"
            XCTAssertNotNil(
                SiteBuilder(options: BuildOptions(siteRoot: site, output: output, strict: true)).build()
                    .summary)
            try FileManager.default.removeItem(atPath: output + "/" + SiteWriter.marker)
            versions.append(TreeSnapshot(output))
        }
        try retitle(site, "Version zero")
        XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        var title = 0
        for delay in [0, 2, 5, 10, 20, 40, 80, 160] {
            title = (title + 1) % 3
            try retitle(site, ["Version zero", "Version one", "Version two"][title])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.binary)
            process.arguments = ["publish", site, "--to", dest]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = TreeSnapshot(dest)
            XCTAssertTrue(
                versions.contains(now), "after a kill at \(delay) ms DEST is not one complete version")
        }
        let last = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertTrue(last.succeeded, "a publish after killed ones works: \(last.diagnostics)")
        let state = try FileManager.default.contentsOfDirectory(atPath: PublishPlace(destination: dest).state)
        XCTAssertEqual(
            state.sorted(), ["build", "lock", "previous", "published-by-brief"],
            "no leftovers of killed publishes")
        XCTAssertEqual(TreeSnapshot(dest), versions[title])
    }

    /// A kept folder is carried over into each version, and with it in DEST an unchanged site
    /// is still "nothing to publish".
    func testAKeptFolderLeavesAnUnchangedSiteUnpublished() throws {
        let site = try makeSite()
        let config = try String(contentsOfFile: site + "/site.yml", encoding: .utf8)
        try config.replacingOccurrences(
            of: "publish: { keep: [CNAME, .well-known/keep.txt] }", with: "publish: { keep: [extras] }"
        )
        .write(toFile: site + "/site.yml", atomically: true, encoding: .utf8)
        let dest = TestPaths.temporaryFolder() + "/www"
        XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        try FileManager.default.createDirectory(
            atPath: dest + "/extras/deep", withIntermediateDirectories: true)
        try "kept".write(toFile: dest + "/extras/deep/file.txt", atomically: true, encoding: .utf8)
        try BriefProcess.retitle(site: site, "Third, revised")
        XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        XCTAssertEqual(try String(contentsOfFile: dest + "/extras/deep/file.txt", encoding: .utf8), "kept")
        XCTAssertEqual(
            DirectoryPublisher(siteRoot: site, destination: dest).publish().messages,
            ["Nothing to publish: \(dest) already holds this site."])
    }

    /// A publish after a one-entry edit writes only what changed into its build folder, and the
    /// new version shares every unchanged file with the old one (hard links, no copies).
    func testAOneEntryChangePublishesWithoutCopyingTheRest() throws {
        let site = try makeSite()
        let dest = TestPaths.temporaryFolder() + "/www"
        XCTAssertTrue(DirectoryPublisher(siteRoot: site, destination: dest).publish().succeeded)
        let entry = site + "/Content/briefings/2024-11-01-third.md"
        try (String(contentsOfFile: entry, encoding: .utf8) + "\nA new paragraph.\n").write(
            toFile: entry, atomically: true, encoding: .utf8)
        let report = DirectoryPublisher(siteRoot: site, destination: dest).publish()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        func inode(_ path: String) -> UInt64 {
            var info = stat()
            return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        let previous = PublishPlace(destination: dest).previous
        XCTAssertEqual(
            inode(dest + "/about/index.html"), inode(previous + "/about/index.html"), "unchanged: one file")
        XCTAssertNotEqual(
            inode(dest + "/briefings/third/index.html"), inode(previous + "/briefings/third/index.html"))
        XCTAssertTrue(
            try String(contentsOfFile: dest + "/briefings/third/index.html", encoding: .utf8).contains(
                "A new paragraph."))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest + "/" + SiteWriter.marker))
        XCTAssertEqual(
            DirectoryPublisher(siteRoot: site, destination: dest).publish().messages,
            ["Nothing to publish: \(dest) already holds this site."])
    }

    func testGitPublishCommitsOnTopOfTheBranchWithoutTouchingTheWorkingTree() throws {
        let site = try makeSite()
        try "fixture.example.org\n".write(
            toFile: site + "/Content/static/CNAME", atomically: true, encoding: .utf8)
        let root = TestPaths.temporaryFolder()
        let bare = root + "/pages.git"
        XCTAssertEqual(GitPublisher.git(["init", "-q", "--bare", bare]).status, 0)
        let publisher = GitPublisher(siteRoot: site, repository: bare, branch: "gh-pages", message: "First")
        XCTAssertTrue(publisher.publish().succeeded)
        try retitle(site, "Third, revised")
        var second = publisher
        second.message = "Second"
        XCTAssertTrue(second.publish().succeeded)
        let log = GitPublisher.git(["--git-dir", bare, "log", "--format=%s", "gh-pages"]).output
        XCTAssertEqual(log, "Second\nFirst")
        let files = GitPublisher.git(["--git-dir", bare, "ls-tree", "-r", "--name-only", "gh-pages"]).output
            .split(separator: "\n")
        XCTAssertTrue(files.contains("CNAME"))
        XCTAssertTrue(files.contains("briefings/third/index.html"))
        XCTAssertFalse(files.contains(Substring(SiteWriter.marker)))
        let unchanged = publisher.publish()
        XCTAssertEqual(unchanged.messages.first?.hasPrefix("Nothing changed"), true)

        // A working repository: its checked-out branch, index and files stay as they were.
        let work = root + "/work"
        XCTAssertEqual(GitPublisher.git(["init", "-q", "-b", "main", work]).status, 0)
        try "draft notes".write(toFile: work + "/notes.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(GitPublisher.git(["add", "notes.txt"], in: work).status, 0)
        let before = GitPublisher.git(["status", "--porcelain"], in: work).output
        XCTAssertTrue(GitPublisher(siteRoot: site, repository: work, branch: "gh-pages").publish().succeeded)
        XCTAssertEqual(GitPublisher.git(["status", "--porcelain"], in: work).output, before)
        XCTAssertEqual(GitPublisher.git(["symbolic-ref", "--short", "HEAD"], in: work).output, "main")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: work).sorted(), [".git", "notes.txt"])
        XCTAssertTrue(GitPublisher.git(["rev-parse", "--verify", "gh-pages"], in: work).status == 0)
    }
}
