import Foundation
import XCTest

@testable import BriefKit

/// The `brief` binary as a user runs it: exit codes, help, determinism across processes,
/// and atomic, careful output.
final class CommandLineTests: XCTestCase {
    typealias Run = BriefProcess.Run

    @discardableResult
    func brief(_ arguments: [String], environment: [String: String] = [:], in folder: String? = nil) throws
        -> Run
    {
        try BriefProcess.run(arguments, environment: environment, in: folder)
    }

    /// A writable copy of the fixture site.
    func copyOfFixtureSite() throws -> String {
        let copy = TestPaths.temporaryFolder() + "/site"
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: copy)
        return copy
    }

    func testHelpAndWrongCommandLines() throws {
        let help = try brief(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("build"))
        XCTAssertEqual(try brief(["build", "--help"]).status, 0)
        XCTAssertEqual(try brief(["build", "--no-such-flag"]).status, 2)
        XCTAssertEqual(try brief(["frobnicate"]).status, 2)
    }

    func testSuccessEndsWithOneSummaryLine() throws {
        let site = try copyOfFixtureSite()
        let run = try brief(["build", site, "--output", site + "/out"])
        XCTAssertEqual(run.status, 0)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(
            lines[0].hasPrefix("Wrote 30 pages (61 files): 3 briefings, 6 actors, 2 topics in "),
            String(lines[0]))
        XCTAssertTrue(run.stderr.hasSuffix("0 errors, 1 warning\n"))
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        let site = try copyOfFixtureSite()
        let run = try brief(["build", site, "--strict", "--output", site + "/out"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("8:31: error: 'Sanctions' is not in the topic registry"))
        XCTAssertTrue(run.stderr.hasSuffix("1 error, 0 warnings\n"))
    }

    func testSeparateProcessesAndThreadCountsGiveIdenticalTrees() throws {
        let site = try copyOfFixtureSite()
        XCTAssertEqual(
            try brief(["build", site, "--output", site + "/one"], environment: ["BRIEF_THREADS": "1"]).status,
            0)
        XCTAssertEqual(
            try brief(["build", site, "--output", site + "/four"], environment: ["BRIEF_THREADS": "4"])
                .status, 0)
        let one = TreeSnapshot(site + "/one")
        XCTAssertGreaterThan(one.files.count, 30)
        XCTAssertEqual(one, TreeSnapshot(site + "/four"))
    }

    func testFailedBuildLeavesThePreviousOutputAndStaleFilesGo() throws {
        let site = try copyOfFixtureSite()
        let output = site + "/out"
        XCTAssertEqual(try brief(["build", site, "--output", output]).status, 0)
        let before = TreeSnapshot(output)
        let broken = site + "/Content/briefings/2024-12-01-broken.md"
        try "---\ntitle: \"Broken\"\ndate: 2024-02-30\n---\n".write(
            toFile: broken, atomically: true, encoding: .utf8)
        let failed = try brief(["build", site, "--output", output])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(
            failed.stderr,
            "Content/briefings/2024-12-01-broken.md:3:7: error: 'date' is 2024-02-30, which is not a day on the calendar\n"
                + "Content/briefings/2024/10/2024-10-24-second.md:8:31: warning: 'Sanctions' is not in the topic registry; it gets a page of its own (add Content/topics/sanctions.md to register it)\n"
                + "1 error, 1 warning\n",
            "one run reports the problems of every stage")
        XCTAssertEqual(TreeSnapshot(output), before)
        try FileManager.default.removeItem(atPath: broken)
        try FileManager.default.removeItem(atPath: site + "/Content/briefings/2024-11-01-third.md")
        XCTAssertEqual(try brief(["build", site, "--output", output]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/briefings/third/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site).filter {
            $0.contains("brief-staging")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testForeignOutputFolderIsRefusedUnlessForced() throws {
        let site = try copyOfFixtureSite()
        let output = site + "/foreign"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "mine".write(toFile: output + "/precious.txt", atomically: true, encoding: .utf8)
        let refused = try brief(["build", site, "--output", output])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(
            refused.stderr.hasPrefix(
                "\(output): error: output folder is not empty and was not written by brief; refusing to replace it (use --force to replace it)\n"
            ), refused.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/precious.txt"))
        XCTAssertEqual(try brief(["build", site, "--output", output, "--force"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/precious.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/index.html"))
    }

    func testOutputThatCannotBeAFolderIsAnError() throws {
        let site = try copyOfFixtureSite()
        let file = site + "/a-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let onFile = try brief(["build", site, "--output", file])
        XCTAssertEqual(onFile.status, 1)
        XCTAssertEqual(onFile.stderr.split(separator: "\n").last, "1 error, 1 warning")
        XCTAssertTrue(onFile.stderr.contains("\(file): error: output path is a file, not a folder\n"))
        let beneath = try brief(["build", site, "--output", file + "/out"])
        XCTAssertEqual(beneath.status, 1)
        XCTAssertTrue(
            beneath.stderr.contains("\(file)/out: error: cannot write the output folder: "), beneath.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x")
    }

    func testCheckReportsEveryDeadLinkAtItsSourceAndWritesNothing() throws {
        let site = TestPaths.fixtures + "/dead-links"
        let run = try brief(["check", site])
        let expected = try String(contentsOfFile: site + "/expected.txt", encoding: .utf8)
        XCTAssertEqual(run.stderr + "exit \(run.status)\n", expected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site + "/Site"))
        let good = try copyOfFixtureSite()
        let clean = try brief(["check", good])
        XCTAssertEqual(clean.status, 0)
        XCTAssertTrue(clean.stdout.hasSuffix("every internal link resolves\n"), clean.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: good + "/Site"))
    }

    func testInitCreatesASiteThatBuildsAndRefusesAFolderWithFiles() throws {
        let folder = TestPaths.temporaryFolder() + "/new-site"
        let created = try brief(["init", folder])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("Wrote "), created.stdout)
        XCTAssertEqual(created.stderr, "")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: folder + "/Site/actors/example-country/index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/Templates"))
        let refused = try brief(["init", folder])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("\(folder): error: the folder is not empty"), refused.stderr)
        let themed = TestPaths.temporaryFolder() + "/themed"
        XCTAssertEqual(try brief(["init", themed, "--theme"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: themed + "/Templates/partials/head.mustache"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: themed + "/Templates/assets/style.css"))
        let occupied = TestPaths.temporaryFolder()
        try "keep".write(toFile: occupied + "/notes.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(try brief(["init", occupied]).status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: occupied), ["notes.txt"])
    }

    func testNewWritesADraftOnceAndImportReadsStandardInput() throws {
        let site = try copyOfFixtureSite()
        let first = try brief([
            "new", "Kim: \"no comment\"", "--actors", "Kim Jong Un, North Korea", "--site", site,
        ])
        XCTAssertEqual(first.status, 0, first.stderr)
        let path = first.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(
            path.hasPrefix(site + "/Content/briefings/") && path.hasSuffix("-kim-no-comment.md"), path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("title: \"Kim: \\\"no comment\\\"\"\n"))
        XCTAssertTrue(text.contains("draft: true\nactors: [\"Kim Jong Un\", \"North Korea\"]\n"))
        let again = try brief(["new", "Kim: \"no comment\"", "--site", site])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("the file already exists"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = ["import", "-", "--site", site, "--date", "2024-12-01", "--publisher", "Wire"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(
            Data("Kim Jong Un visits Moscow\n\nBy A. Writer\n\nKim Jong Un arrived today.\n".utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(
            printed.hasPrefix(site + "/Content/briefings/2024-12-01-kim-jong-un-visits-moscow.md\n"), printed)
        XCTAssertTrue(printed.contains("1 known actor: Kim Jong Un (2)"), printed)
        XCTAssertEqual(try brief(["import", "x.txt", "--date", "2024-02-30"]).status, 2)
        let built = try brief(["build", site, "--drafts", "--output", site + "/out"])
        XCTAssertEqual(built.status, 0, built.stderr)
    }

    /// `new` and `import` take the site folder as DIR like every command (`--site` still works),
    /// `new` takes a date, slugs keep numbers whole, and errors say why.
    func testNewAndImportTakeTheSiteFolderAsAnArgument() throws {
        let site = try copyOfFixtureSite()
        let made = try brief(["new", "NIS: 3,000 troops in Russia", site, "--date", "2024-10-20"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout, site + "/Content/briefings/2024-10-20-nis-3000-troops-in-russia.md\n")
        let text = try String(
            contentsOfFile: site + "/Content/briefings/2024-10-20-nis-3000-troops-in-russia.md",
            encoding: .utf8)
        XCTAssertTrue(text.contains("date: 2024-10-20\n"), text)
        XCTAssertEqual(try brief(["new", "Other", site, "--site", site]).status, 2, "the site given twice")
        XCTAssertEqual(try brief(["new", "Other", site, "--date", "2024-02-30"]).status, 2)
        let missing = try brief(["import", site + "/no-such-article.txt", site])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(
            missing.stderr,
            "\(site)/no-such-article.txt: error: cannot read the article: No such file or directory\n")
        let undated = try brief([
            "import", TestPaths.fixtures + "/articles/south-korea-weighs-weapons-for-ukraine.txt", site,
        ])
        XCTAssertEqual(undated.status, 0, undated.stderr)
        XCTAssertTrue(
            undated.stderr.contains(
                "warning: the article gives no date and no --date was given; the briefing is dated today, "),
            undated.stderr)
        let dated = try brief(["import", TestPaths.fixtures + "/articles/wire-story.txt", site])
        XCTAssertEqual(dated.status, 0, dated.stderr)
        XCTAssertEqual(dated.stderr, "")
        XCTAssertTrue(
            dated.stdout.contains(
                "Content/briefings/2024-11-14-finland-to-add-border-guards-after-russian-helicopters.md\n  dated 2024-11-14, from the article's line \"Published: November 14, 2024 09:12 UTC\"\n"
            ), dated.stdout)
        let help = try brief(["new", "--help"]).stdout
        XCTAssertFalse(help.contains("(default: .)"), help)
        XCTAssertFalse(help.contains("--site"), "the old spelling is hidden")
    }

    /// An import's marker line keeps `check --strict` failing until the notes are rewritten,
    /// even once `draft: true` is gone.
    func testTheImportMarkerFailsStrictChecks() throws {
        let site = try copyOfFixtureSite()
        let article = TestPaths.fixtures + "/articles/south-korea-weighs-weapons-for-ukraine.txt"
        let imported = try brief(["import", article, site, "--date", "2024-10-24"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let path = String(imported.stdout.split(separator: "\n")[0])
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "draft: true\n", with: "")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let markerLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0 == EntryParser.importMarker
        }!
        let relative = String(path.dropFirst(site.count + 1))
        let checked = try brief(["check", site, "--strict"])
        XCTAssertEqual(checked.status, 1)
        XCTAssertTrue(
            checked.stderr.contains(
                "\(relative):\(markerLine + 1):1: error: the import marker is still here: rewrite the imported notes in your own words, then delete this line\n"
            ), checked.stderr)
        try text.replacingOccurrences(of: EntryParser.importMarker + "\n", with: "").write(
            toFile: path, atomically: true, encoding: .utf8)
        XCTAssertFalse(try brief(["check", site]).stderr.contains("import marker"))
    }

    /// The walkthrough from a fresh `brief init` folder: import the sample article with
    /// `--add-actors`, and the draft checks clean but for its import marker; without the marker
    /// and the draft flag, it passes a strict check.
    func testImportWithAddActorsIntoANewSite() throws {
        let site = TestPaths.temporaryFolder() + "/watch"
        XCTAssertEqual(try brief(["init", site]).status, 0)
        let article = TestPaths.repository + "/docs/sample-article.txt"
        let run = try brief(["import", article, site, "--date", "2024-10-24", "--add-actors"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.contains("  11 registry files added: Content/actors/north-korea.md, "), run.stdout)
        XCTAssertEqual(
            try String(contentsOfFile: site + "/Content/actors/kim-yong-hyun.md", encoding: .utf8),
            """
            ---
            name: "Kim Yong Hyun"
            kind: person
            role: "Defense Minister of South Korea"
            ---
            Added by `brief import` from \(article): write a short profile.

            """)
        let path = String(run.stdout.split(separator: "\n")[0])
        let draft = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(
            draft.contains("actors: [\"North Korea\", \"South Korea\", \"Russia\", \"Ukraine\", "), draft)
        XCTAssertTrue(draft.contains("    denied_by: [\"Russia\", \"North Korea\"]\n"), draft)
        let checked = try brief(["check", site, "--drafts"])
        XCTAssertEqual(checked.stderr.split(separator: "\n").last, "0 errors, 1 warning", checked.stderr)
        try draft.replacingOccurrences(of: "draft: true\n", with: "")
            .replacingOccurrences(of: EntryParser.importMarker + "\n", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let strict = try brief(["check", site, "--strict"])
        XCTAssertEqual(strict.status, 0, strict.stderr)
        // A second import never overwrites the actor files it made.
        let again = try brief(["import", article, site, "--date", "2024-10-25", "--add-actors"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.contains("files added"), again.stdout)
    }

    func testDefaultOutputIsSiteInsideTheSiteRoot() throws {

        let site = try copyOfFixtureSite()
        XCTAssertEqual(try brief(["build"], in: site).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site + "/Site/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site + "/Site/.brief-output"))
    }
}
