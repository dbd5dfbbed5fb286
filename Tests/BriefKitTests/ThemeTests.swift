import Foundation
import XCTest

@testable import BriefKit

/// The embedded default theme and template loading.
final class ThemeTests: XCTestCase {
    func testEmbeddedThemeMatchesTemplatesFolder() throws {
        let root = TestPaths.repository + "/Templates"
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue {
                files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            }
        }
        XCTAssertEqual(
            files, EmbeddedTheme.files,
            "Sources/BriefKit/Theme/EmbeddedTheme.swift is stale: run `make theme`")
    }

    /// The theme of a fresh site whose `Templates/` holds one file, `name`.mustache.
    func loadTheme(with text: String, at name: String) throws -> (Theme?, [Diagnostic]) {
        let site = TestPaths.temporaryFolder()
        let path = site + "/Templates/" + name + ".mustache"
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return Theme.load(siteRoot: site)
    }

    /// Loads a theme with one site template, expecting no theme and exactly `expected`.
    func assertThemeFails(
        with text: String, at name: String, _ expected: [String], line: UInt = #line
    ) throws {
        let (theme, diagnostics) = try loadTheme(with: text, at: name)
        XCTAssertNil(theme, line: line)
        XCTAssertEqual(diagnostics.map(\.description), expected, line: line)
    }

    func testEmbeddedThemeLoadsWithoutASiteFolder() throws {
        let (theme, diagnostics) = Theme.load(siteRoot: nil)
        XCTAssertEqual(diagnostics, [])
        let loaded = try XCTUnwrap(theme)
        XCTAssertEqual(
            loaded.assets.map(\.path), ["assets/claims.js", "assets/search.js", "assets/style.css"])
    }

    func testSiteTemplatesOverrideFileByFile() throws {
        let (theme, diagnostics) = try loadTheme(
            with: "<footer>{{site.title}} & co</footer>", at: "partials/footer")
        XCTAssertEqual(diagnostics, [])
        let bytes = try XCTUnwrap(theme).render(
            "404", ["site": ["title": "A <b>", "nav": [:]], "page": [:]])
        let html = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(html.hasSuffix("<footer>A &lt;b&gt; & co</footer>"), html)
        XCTAssertEqual(try XCTUnwrap(theme).overridden, ["partials/footer"])
    }

    /// Found by the template fuzzer: a partial that includes itself recursed until the stack
    /// overflowed; now it is an error at the tag.
    func testSelfIncludingPartialIsAnError() throws {
        try assertThemeFails(
            with: "<footer>{{> footer}}</footer>", at: "partials/footer",
            [
                "Templates/partials/footer.mustache:1:9: error: partial 'footer' includes itself (footer → footer); a partial cannot include itself"
            ])
    }

    /// Found by the template fuzzer: a cycle through the embedded theme (the site's footer
    /// includes the embedded `briefings`, which includes the footer) was reported inside the
    /// embedded template, which no one can edit; it is reported at the site's own tag.
    func testACycleThroughTheEmbeddedThemeIsReportedInTheSitesTemplate() throws {
        try assertThemeFails(
            with: "<footer>{{>briefings}}</footer>", at: "partials/footer",
            [
                "Templates/partials/footer.mustache:1:9: error: partial 'briefings' includes itself (briefings → footer → briefings); a partial cannot include itself"
            ])
    }

    /// Partial tags are found by the parser, so other delimiters cannot hide a cycle (the text
    /// scan that came before only knew `{{>`).
    func testASelfIncludingPartialBehindOtherDelimitersIsAnError() throws {
        try assertThemeFails(
            with: "{{=<% %>=}}<footer><%> footer %></footer>", at: "partials/footer",
            [
                "Templates/partials/footer.mustache:1:20: error: partial 'footer' includes itself (footer → footer); a partial cannot include itself"
            ])
    }

    func testSyntaxErrorOnTheFirstLineIsLocatedInTheUsersFile() throws {
        let (_, diagnostics) = try loadTheme(with: "<p>{{#a}}x{{/b}}</p>", at: "page")
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "Templates/page.mustache:1:11: error: template syntax error: a section is closed with the wrong name: {{/b}} closes {{#a}} (line 1)"
            ])
    }
}
