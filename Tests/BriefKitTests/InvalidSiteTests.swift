import Foundation
import XCTest

@testable import BriefKit

/// One folder per broken site under Fixtures/invalid, each with the exact diagnostics it must
/// print (expected.txt: the diagnostics, the count line, and the exit status).
final class InvalidSiteTests: XCTestCase {
    func testEveryInvalidSitePrintsItsExpectedDiagnostics() throws {
        let root = TestPaths.fixtures + "/invalid"
        let cases = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        for name in cases {
            let folder = root + "/" + name
            let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
            let output = TestPaths.temporaryFolder() + "/out"
            let result = SiteBuilder(options: BuildOptions(siteRoot: folder, output: output)).build()
            var lines = result.printedDiagnostics.map(\.description)
            if !lines.isEmpty { lines.append(result.printedDiagnostics.summary) }
            lines.append("exit \(result.summary == nil ? 1 : 0)")
            XCTAssertEqual(lines.joined(separator: "\n") + "\n", expected, name)
            if result.summary == nil {
                XCTAssertFalse(
                    FileManager.default.fileExists(atPath: output), "\(name): a failed build writes nothing")
            }
        }
    }
}
