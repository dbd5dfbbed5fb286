import Foundation
import XCTest

@testable import BriefKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Content that must not break the output or hang the build: characters XML forbids, many
/// wikilinks on one line, files that are not files, names that are not text.
final class SafetyContentTests: XCTestCase {
    func site() throws -> String {
        try BriefProcess.strictSite()
    }

    func append(_ text: String, to site: String) throws {
        let path = site + "/Content/briefings/2024-11-01-third.md"
        let old = try String(contentsOfFile: path, encoding: .utf8)
        try (old + text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testNonCharactersNeverReachAFeed() throws {
        let site = try site()
        try append("\nA body with \u{FFFE} and \u{FFFF} and \u{0B} in it.\n", to: site)
        let output = TestPaths.temporaryFolder() + "/out"
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, output: output, cache: false)).build()
        XCTAssertNotNil(result.summary, "\(result.diagnostics)")
        for feed in ["feed.xml", "sitemap.xml"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + feed))
            let parser = XMLParser(data: data)
            XCTAssertTrue(parser.parse(), "\(feed): \(String(describing: parser.parserError))")
        }
        XCTAssertEqual(XML.escape("a\u{FFFE}b\u{FFFF}c\u{1}d"), "abcd")
        XCTAssertEqual(XML.escape("plain é"), "plain é")
    }

    func testThirtyThousandWikilinksOnOneLineAreCappedInTheReport() throws {
        let site = try site()
        try append(
            "\n" + Array(repeating: "[[Nobody]]", count: 30_000).joined(separator: " ") + "\n", to: site)
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, writes: false)).build()
        let printed = result.printedDiagnostics.map(\.description)
        XCTAssertEqual(printed.count, 11)
        XCTAssertEqual(
            printed[0],
            "Content/briefings/2024-11-01-third.md:18:1: error: [[Nobody]] does not match any actor")
        XCTAssertEqual(
            printed[1],
            "Content/briefings/2024-11-01-third.md:18:12: error: [[Nobody]] does not match any actor")
        XCTAssertEqual(
            printed[10],
            "Content/briefings/2024-11-01-third.md:18:111: note: and 29,990 more of the error above in this file (30,000 in all)"
        )
    }

    func testOddFilesAndNamesAreReported() throws {
        let site = try site()
        XCTAssertEqual(mkfifo(site + "/Content/media/pipe", 0o644), 0)
        let rawName = Array((site + "/Content/media/bad-").utf8) + [0xFF, 0]
        let fd = rawName.withUnsafeBytes {
            open($0.baseAddress!.assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, writes: false)).build()
        XCTAssertEqual(
            result.printedDiagnostics.map(\.description),
            [
                "Content/media/bad-\u{FFFD}: error: the name is not valid UTF-8 (shown with \u{FFFD}); rename it, it cannot be read or linked as it is",
                "Content/media/pipe: warning: left out: this is a named pipe (FIFO), not a file or folder",
            ])
    }

    func testWellKnownReachesTheOutput() throws {
        let site = try site()
        let wellKnown = site + "/Content/static/.well-known"
        try FileManager.default.createDirectory(atPath: wellKnown, withIntermediateDirectories: true)
        try "contact: mailto:desk@example.org\n".write(
            toFile: wellKnown + "/security.txt", atomically: true, encoding: .utf8)
        let output = TestPaths.temporaryFolder() + "/out"
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, output: output, cache: false)).build()
        XCTAssertNotNil(result.summary)
        XCTAssertEqual(
            try String(contentsOfFile: output + "/.well-known/security.txt", encoding: .utf8),
            "contact: mailto:desk@example.org\n")
    }

    func testTooLongAPathIsAnError() throws {
        let site = try site()
        let top = site + "/Content/media/deep"
        XCTAssertEqual(mkdir(top, 0o755), 0)
        defer { Self.removeLongTree(top) }
        var fd = open(top, O_RDONLY | O_DIRECTORY)
        let name = String(repeating: "d", count: 200)
        for _ in 0..<22 {
            XCTAssertEqual(mkdirat(fd, name, 0o755), 0)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        close(fd)
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, writes: false)).build()
        let errors = result.printedDiagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1, "\(result.printedDiagnostics)")
        XCTAssertEqual(
            errors.first?.message,
            "the path is longer than the system allows (\(PATH_MAX) bytes); shorten a folder or file name")
    }

    /// `rm -rf` copes with paths longer than PATH_MAX; FileManager does not.
    static func removeLongTree(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        try? process.run()
        process.waitUntilExit()
    }

    func testUnreadableSiteYmlSaysWhy() throws {
        let site = try site()
        try FileManager.default.removeItem(atPath: site + "/site.yml")
        XCTAssertEqual(mkfifo(site + "/site.yml", 0o644), 0)
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, writes: false)).build()
        XCTAssertEqual(
            result.printedDiagnostics.map(\.description),
            ["site.yml: error: cannot read file: it is not a regular file"])
        XCTAssertEqual(FileBytes.reason(EMFILE).hasPrefix("too many files are open"), true)
    }

    /// Every `{{{…}}}` in the default theme is a rendered body or JSON written by brief.
    func testThemeLeavesOnlyRenderedBodiesUnescaped() throws {
        let allowed: Set<String> = ["content", "profile", "description", "about", "body", "json_ld"]
        let templates = TestPaths.repository + "/Templates"
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: templates))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".mustache") else { continue }
            let text = try String(contentsOfFile: templates + "/" + path, encoding: .utf8)
            var rest = text[...]
            while let open = rest.range(of: "{{{") {
                let close = try XCTUnwrap(rest[open.upperBound...].range(of: "}}}"))
                let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(
                    in: .whitespaces)
                XCTAssertTrue(allowed.contains(name), "\(path): {{{\(name)}}} is not escaped")
                rest = rest[close.upperBound...]
            }
            XCTAssertFalse(text.contains("{{&"), "\(path) uses {{& }}")
        }
    }

    func testImportRefusesAScriptURL() throws {
        let site = try site()
        let article = TestPaths.temporaryFolder() + "/article.txt"
        try "Seoul weighs arming Ukraine\n\nBy A Reporter\n\nOfficials said so.\n".write(
            toFile: article, atomically: true, encoding: .utf8)
        for url in ["javascript:alert(1)", " JavaScript:alert(1)", "not a url"] {
            let run = try BriefProcess.run(["import", article, "--url", url, "--site", site])
            XCTAssertEqual(run.status, 2, url)
            XCTAssertTrue(run.stderr.hasPrefix("Error: --url "), run.stderr)
        }
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: site + "/Content/briefings").sorted(),
            ["2024", "2024-11-01-third.md", "2024-11-02-draft.md"], "nothing was written")
    }
}
