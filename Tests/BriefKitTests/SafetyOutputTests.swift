import Foundation
import XCTest

@testable import BriefKit

/// Issue-level safety: `brief build` never replaces or deletes what brief did not make.
/// Every test runs in its own temporary folder with a fake HOME.
final class SafetyOutputTests: XCTestCase {
    var root: String!
    var home: String!
    var site: String!

    override func setUpWithError() throws {
        root = TestPaths.temporaryFolder("safety")
        home = root + "/home"
        try FileManager.default.createDirectory(atPath: home + "/notes", withIntermediateDirectories: true)
        try "mine".write(toFile: home + "/notes/keep.txt", atomically: true, encoding: .utf8)
        site = try BriefProcess.strictSite(in: home)
    }

    func build(_ arguments: [String]) throws -> BriefProcess.Run {
        try BriefProcess.run(["build", site] + arguments, environment: ["HOME": home], in: root)
    }

    func testOutputsThatHoldTheSiteOrHomeAreRefusedEvenWithForce() throws {
        let before = TreeSnapshot(home)
        let cases: [(output: String, message: String)] = [
            (site, "the output folder is the site itself; refusing to replace it"),
            (
                site + "/Content",
                "the output folder is inside the site's Content/ folder; it would be copied into every later build; choose a folder outside Content/"
            ),
            (
                site + "/Content/media/out",
                "the output folder is inside the site's Content/ folder; it would be copied into every later build; choose a folder outside Content/"
            ),
            (
                site + "/Templates/out",
                "the output folder is inside the site's Templates/ folder; it would be copied into every later build; choose a folder outside Templates/"
            ),
            (home, "the output folder contains the site; refusing to replace it"),
            ("home/site/Content/../../site", "the output folder is the site itself; refusing to replace it"),
            ("~", "the output folder contains the site; refusing to replace it"),
            ("/", "the output folder is the filesystem's root; refusing to replace it"),
        ]
        for (output, message) in cases {
            let run = try build(["--output", output, "--force"])
            XCTAssertEqual(run.status, 1, output)
            XCTAssertEqual(run.stderr, "\(output): error: \(message)\n1 error, 0 warnings\n", output)
        }
        XCTAssertEqual(TreeSnapshot(home), before, "nothing in the site or home changed")
    }

    func testHomeItselfIsRefusedWhenTheSiteLiesElsewhere() throws {
        let elsewhere = try BriefProcess.strictSite(in: TestPaths.temporaryFolder())
        let run = try BriefProcess.run(
            ["build", elsewhere, "--output", "~", "--force"], environment: ["HOME": home], in: root)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stderr,
            "~: error: the output folder is your home folder or contains it; refusing to replace it\n1 error, 0 warnings\n"
        )
        XCTAssertEqual(try String(contentsOfFile: home + "/notes/keep.txt", encoding: .utf8), "mine")
    }

    func testSymlinkToTheSiteIsSeenThrough() throws {
        let link = root + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: site)
        let run = try build(["--output", link, "--force"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("the output folder is the site itself"), run.stderr)
    }

    func testEmptyOutputIsAWrongCommandLine() throws {
        let run = try build(["--output", ""])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(
            run.stderr.hasPrefix("Error: --output is empty; name a folder, like --output Site\n"), run.stderr)
    }

    func testQuotedTildeIsHomeFromTheEnvironment() throws {
        let run = try build(["--output", "~/public"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/public/index.html"))
        XCTAssertEqual(UserPath.absolute("~/x", home: "/h", currentFolder: "/c"), .success("/h/x"))
        XCTAssertEqual(UserPath.absolute("~user/x", home: "/h", currentFolder: "/c"), .success("/c/~user/x"))
        XCTAssertEqual(UserPath.absolute("~", home: nil, currentFolder: "/c"), .failure(.noHome))
        XCTAssertEqual(UserPath.absolute("a/../../b/./c", home: nil, currentFolder: "/c"), .success("/b/c"))
    }

    func testStagingLeftByAKilledBuildIsRemovedButARunningOnesIsNot() throws {
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let stale = root + "/.out.brief-staging-\(dead.processIdentifier)"
        try FileManager.default.createDirectory(atPath: stale + "/site-1", withIntermediateDirectories: true)
        try "x".write(toFile: stale + "/site-1/index.html", atomically: true, encoding: .utf8)
        // A holder whose lock is held (by this process, as a running build would) stays.
        let live = root + "/.out.brief-staging-1"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        let owner = try XCTUnwrap(FileLock(path: live + "/" + StagingHolder.lockName))
        // A link named like a holder is never followed or removed.
        let victim = root + "/victim"
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try "keep".write(toFile: victim + "/keep.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/.out.brief-staging-2", withDestinationPath: victim)

        let run = try build(["--output", root + "/out"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale), "the killed build's staging is gone")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live + "/" + StagingHolder.lockName))
        XCTAssertTrue(FileManager.default.fileExists(atPath: victim + "/keep.txt"))
        owner.release()
    }
}
