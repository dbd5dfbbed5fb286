import Foundation
import XCTest

@testable import BriefKit

/// `BodyEdits.frontMatterHash`: equal for files whose front matter is byte for byte the same,
/// whatever their bodies; 0 for what it does not read as front matter.
final class BodyEditsTests: XCTestCase {
    func hash(_ text: String) -> UInt64 { BodyEdits.frontMatterHash(of: Data(text.utf8)) }

    func testTheBodyDoesNotCount() {
        let a = hash("---\ntitle: \"A\"\n---\nOne body.\n")
        XCTAssertNotEqual(a, 0)
        XCTAssertEqual(a, hash("---\ntitle: \"A\"\n---\nAnother body,\n\n---\n\nwith a rule.\n"))
        XCTAssertEqual(a, hash("---\ntitle: \"A\"\n---\n"))
    }

    func testAnyChangeAboveTheBodyCounts() {
        let a = hash("---\ntitle: \"A\"\n---\nBody.\n")
        XCTAssertNotEqual(a, hash("---\ntitle: \"B\"\n---\nBody.\n"))
        XCTAssertNotEqual(a, hash("---\ntitle: \"A\" \n---\nBody.\n"))
        // The closing line's own bytes too: the body starts on the same line either way, but
        // the file is not the same.
        XCTAssertNotEqual(a, hash("---\ntitle: \"A\"\n--- \nBody.\n"))
        XCTAssertNotEqual(a, hash("---\ntitle: \"A\"\n...\nBody.\n"))
    }

    func testFencesAsTheSplitterReadsThem() {
        // Spaces or tabs after a fence; `...` closes; a first line with anything else opens nothing.
        XCTAssertNotEqual(hash("--- \t\ntitle: \"A\"\n...  \nBody.\n"), 0)
        XCTAssertEqual(hash("title: \"A\"\n---\nBody.\n"), 0)
        XCTAssertEqual(hash("----\ntitle: \"A\"\n---\nBody.\n"), 0)
        XCTAssertEqual(hash("---\ntitle: \"A\"\nBody, never closed.\n"), 0)
        XCTAssertEqual(hash("---"), 0)
        XCTAssertEqual(hash(""), 0)
        // A byte-order mark or carriage returns: left to a whole rebuild.
        XCTAssertEqual(hash("\u{FEFF}---\ntitle: \"A\"\n---\nBody.\n"), 0)
        XCTAssertEqual(hash("---\r\ntitle: \"A\"\r\n---\r\nBody.\r\n"), 0)
        // A front matter closed by the file's last line, without a line break.
        XCTAssertNotEqual(hash("---\ntitle: \"A\"\n---"), 0)
    }

    func testOnlyBriefingsAreTakenForBodyEdits() {
        XCTAssertTrue(SiteInputs.isBriefing("Content/briefings/2024/a.md"))
        XCTAssertFalse(SiteInputs.isBriefing("Content/actors/a.md"))
        XCTAssertFalse(SiteInputs.isBriefing("Content/briefings/map.svg"))
    }
}
