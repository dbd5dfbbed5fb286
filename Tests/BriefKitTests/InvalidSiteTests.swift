import Foundation
import XCTest

@testable import BriefKit

/// One folder per broken (or surprising) site under Fixtures/invalid, each with the exact
/// output it must print (expected.txt: the diagnostics, the count line, and the exit status).
final class InvalidSiteTests: XCTestCase {
    func testEveryInvalidSitePrintsItsExpectedDiagnostics() throws {
        let root = TestPaths.fixtures + "/invalid"
        let cases = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        for name in cases {
            let folder = root + "/" + name
            let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
            // A previous build's output, which a failed build must leave exactly as it was.
            let output = TestPaths.temporaryFolder() + "/out"
            try FileManager.default.createDirectory(
                atPath: output + "/old", withIntermediateDirectories: true)
            try "previous".write(toFile: output + "/old/index.html", atomically: true, encoding: .utf8)
            try "".write(toFile: output + "/" + SiteWriter.marker, atomically: true, encoding: .utf8)
            let before = TreeSnapshot(output)
            let result = SiteBuilder(options: BuildOptions(siteRoot: folder, output: output)).build()
            var lines = result.printedDiagnostics.map(\.description)
            if !lines.isEmpty { lines.append(result.printedDiagnostics.summary) }
            lines.append("exit \(result.summary == nil ? 1 : 0)")
            XCTAssertEqual(lines.joined(separator: "\n") + "\n", expected, name)
            if result.summary == nil {
                XCTAssertEqual(
                    TreeSnapshot(output), before, "\(name): a failed build leaves the previous output")
            } else {
                XCTAssertNil(
                    TreeSnapshot(output).files["old/index.html"], "\(name): stale files do not survive")
            }
        }
    }

    /// A 50 MB entry builds, and its page holds all of it.
    func testFiftyMegabyteEntryBuilds() throws {
        let site = TestPaths.temporaryFolder() + "/site"
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(
            atPath: site + "/Content/briefings", withIntermediateDirectories: true)
        try "title: \"Big\"\nbase_url: \"https://example.org/\"\n".write(
            toFile: site + "/site.yml", atomically: true, encoding: .utf8)
        let paragraph =
            String(repeating: "Officials in Seoul said the talks would go on. ", count: 20) + "\n\n"
        var body = "---\ntitle: \"A very long briefing\"\ndate: 2024-10-24\n---\n"
        body.reserveCapacity(52_000_000)
        while body.utf8.count < 50_000_000 { body += paragraph }
        try body.write(toFile: site + "/Content/briefings/big.md", atomically: true, encoding: .utf8)
        let result = SiteBuilder(options: BuildOptions(siteRoot: site, output: site + "/out")).build()
        XCTAssertEqual(result.printedDiagnostics, [])
        XCTAssertEqual(result.summary?.entries, 1)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: site + "/out/briefings/big/index.html")
        XCTAssertGreaterThan((attributes[.size] as? Int) ?? 0, 50_000_000)
    }
}
