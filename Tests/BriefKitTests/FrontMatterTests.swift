import XCTest

@testable import BriefKit

/// Front matter splitting, typing and validation, with exact locations.
final class FrontMatterTests: XCTestCase {
    func parse(_ text: String) -> (Briefing?, [String]) {
        let (briefing, diagnostics) = EntryParser.parseBriefing(SourceText(path: "b.md", text: text))
        return (briefing, diagnostics.sorted().map(\.description))
    }

    func testSplitterKeepsARuleInTheBody() throws {
        let parts = try FrontMatterSplitter.split("---\na: 1\n---\nbody\n\n---\n\nmore\n").get()
        XCTAssertEqual(parts.yaml, "a: 1\n")
        XCTAssertEqual(parts.body, "body\n\n---\n\nmore\n")
        XCTAssertEqual(parts.bodyFirstLine, 4)
    }

    func testSplitterFailures() {
        XCTAssertEqual(FrontMatterSplitter.split(""), .failure(.empty))
        XCTAssertEqual(FrontMatterSplitter.split("# no front matter\n"), .failure(.missing))
        XCTAssertEqual(FrontMatterSplitter.split("---\ntitle: x\n"), .failure(.unclosed))
    }

    func testSplitterFences() throws {
        // A fence may have spaces or tabs after it; `...` closes but does not open.
        let parts = try FrontMatterSplitter.split("--- \t\na: 1\n---\nb: 2\n... \nbody").get()
        XCTAssertEqual(parts.yaml, "a: 1\n")
        XCTAssertEqual(parts.body, "b: 2\n... \nbody")
        XCTAssertEqual(try FrontMatterSplitter.split("---\na: é\n...\nbody é\n").get().yaml, "a: é\n")
        XCTAssertEqual(try FrontMatterSplitter.split("---\na: é\n...\nbody é\n").get().body, "body é\n")
        XCTAssertEqual(try FrontMatterSplitter.split("---\na: 1\n---").get().body, "")
        XCTAssertEqual(try FrontMatterSplitter.split("---\na: 1\n---").get().bodyFirstLine, 4)
        XCTAssertEqual(FrontMatterSplitter.split("...\na: 1\n---\n"), .failure(.missing))
        XCTAssertEqual(FrontMatterSplitter.split("----\na: 1\n---\n"), .failure(.missing))
        XCTAssertEqual(FrontMatterSplitter.split("---"), .failure(.unclosed))
        XCTAssertEqual(FrontMatterSplitter.split("---\na: 1\n-- -\n"), .failure(.unclosed))
    }

    func testImportMarkerIsFoundOnlyAmongTheFirstLines() {
        let marker = EntryParser.importMarker
        XCTAssertEqual(EntryParser.importMarkerLine(marker), 0)
        XCTAssertEqual(EntryParser.importMarkerLine(" \t\(marker) \r\nText"), 0)
        XCTAssertEqual(EntryParser.importMarkerLine("\n\(marker)\n"), 1)
        XCTAssertEqual(EntryParser.importMarkerLine("A long first line of notes.\n\n\t\(marker)\t\nMore"), 2)
        XCTAssertNil(EntryParser.importMarkerLine("\n\n\n\(marker)\n"))
        XCTAssertNil(EntryParser.importMarkerLine("\(marker) and more\n"))
        XCTAssertNil(EntryParser.importMarkerLine(String(marker.dropLast())))
        XCTAssertNil(EntryParser.importMarkerLine(""))
    }

    func testFileNamesAreNSStringsLastPathComponents() {
        for path in [
            "Content/briefings/2024-10-24-seoul.md", "a.md", "/abs/b.md", "dir/", "a//b//", "/", "", "é/ü.md",
            "Content/briefings/notes.v2.md", "//",
        ] {
            XCTAssertEqual(EntryParser.fileName(of: path), (path as NSString).lastPathComponent, path)
        }
        XCTAssertEqual(EntryParser.stem(of: "Content/briefings/2024-10-24-seoul.md"), "seoul")
        XCTAssertEqual(EntryParser.stem(of: "Content/briefings/notes.v2.md"), "notes.v2")
    }

    func testValidBriefing() throws {
        let (briefing, diagnostics) = parse(
            """
            ---
            title: "Yoon: \\"we will not sit idle\\""
            date: 2024-10-24T14:30:00+09:00
            actors: [Yoon Suk Yeol, Andrzej Duda]
            claims:
              - claim: "3,000 troops"
                by: NIS
                status: denied
            params: { mood: calm, n: 3 }
            ---
            Body
            """)
        XCTAssertEqual(diagnostics, [])
        let value = try XCTUnwrap(briefing)
        XCTAssertEqual(value.title, "Yoon: \"we will not sit idle\"")
        XCTAssertEqual(value.slug.value, "b")
        XCTAssertEqual(value.actors.map(\.value), ["Yoon Suk Yeol", "Andrzej Duda"])
        XCTAssertEqual(value.actors[1].location, SourceLocation(path: "b.md", line: 4, column: 25))
        XCTAssertEqual(value.claims.first?.status, .denied)
        XCTAssertEqual(value.bodyFirstLine, 11)
        XCTAssertEqual(value.date.time?.offset, 9 * 3600)
    }

    func testErrorsAreLocatedAndAllReported() {
        let (briefing, diagnostics) = parse(
            """
            ---
            title: No
            date: 2024-02-30
            actors: 42
            summry: "x"
            claims:
              - claim: "x"
                status: rumoured
            ---
            """)
        XCTAssertNil(briefing)
        XCTAssertEqual(
            diagnostics,
            [
                "b.md:2:8: error: 'title' is read as the boolean No; quote it if it is text: title: \"No\"",
                "b.md:3:7: error: 'date' is 2024-02-30, which is not a day on the calendar",
                "b.md:4:9: error: 'actors' must be a list, like actors: [A, B]; found the number '42'",
                "b.md:5:1: warning: unknown key 'summry' in a briefing; did you mean 'summary'?",
                "b.md:8:13: error: unknown claim status 'rumoured'; use one of: alleged, confirmed, denied, disputed, retracted",
            ])
    }

    func testMissingRequiredKeysAndOffsetlessDateTimes() {
        XCTAssertEqual(
            parse("---\ndate: 2024-10-24T10:00:00\n---\n").1,
            [
                "b.md:2:1: error: missing required key 'title'",
                "b.md:2:7: error: 'date' has a time but no UTC offset; add one, like 2024-10-24T09:30:00+09:00",
            ])
        XCTAssertEqual(
            parse("---\ntitle: \"\"\n---\n").1,
            ["b.md:2:1: error: missing required key 'date'", "b.md:2:8: error: 'title' is empty"])
    }

    func testYAMLSyntaxErrorPointsIntoTheFileWithAHint() {
        XCTAssertEqual(
            parse("---\ntitle: Yoon: we will not sit idle\ndate: 2024-10-24\n---\n").1,
            [
                "b.md:2:12: error: invalid YAML: mapping values are not allowed in this context; quote the title: it contains ': '"
            ])
    }

    func testBOMAndCRLFAreAccepted() throws {
        let data =
            Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: \"x\"\r\ndate: 2024-10-24\r\n---\r\nBody\r\n".utf8)
        let source = try SourceText.decode(data, path: "b.md").get()
        let (briefing, diagnostics) = EntryParser.parseBriefing(source)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(briefing?.body, "Body\n")
    }

    func testInvalidUTF8IsLocated() {
        let data = Data("---\ntitle: \"caf".utf8) + Data([0xE9]) + Data("\"\n".utf8)
        guard case .failure(let diagnostic) = SourceText.decode(data, path: "b.md") else {
            return XCTFail("expected a failure")
        }
        XCTAssertEqual(diagnostic.description, "b.md:2:12: error: file is not valid UTF-8; save it as UTF-8")
    }

    func testDates() {
        XCTAssertEqual(try EntryDate.parse("2024-02-29").get().day, 29)
        XCTAssertEqual(EntryDate.parse("2023-02-29"), .failure(.notOnCalendar("2023-02-29")))
        XCTAssertEqual(EntryDate.parse("2024-13-01"), .failure(.notOnCalendar("2024-13-01")))
        XCTAssertEqual(EntryDate.parse("24 Oct 2024"), .failure(.format))
        XCTAssertEqual(
            try EntryDate.parse("2024-10-24T01:00:00Z").get().instant(offsetForDateOnly: 0), 1_729_731_600)
        let calendar = SiteCalendar(timeZone: TimeZone(identifier: "Asia/Seoul")!)
        XCTAssertEqual(calendar.rfc3339(try EntryDate.parse("2024-10-24").get()), "2024-10-24T00:00:00+09:00")
        XCTAssertEqual(calendar.day(try EntryDate.parse("2024-10-23T20:00:00Z").get()).iso, "2024-10-24")
    }
}
