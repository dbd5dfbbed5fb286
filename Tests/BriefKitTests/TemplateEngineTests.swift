import Foundation
import Mustache
import XCTest

@testable import BriefKit
@testable import BriefTemplates

/// brief's Mustache engine, string in and string out, checked against swift-mustache (the
/// engine brief used first): every template here renders the same bytes with both.
final class TemplateEngineTests: XCTestCase {
    /// Renders `template` (with `partials`) with both engines and asserts the bytes match.
    @discardableResult
    func assertSame(
        _ template: String, _ context: TemplateValue, partials: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        var ours = TemplateLibrary()
        var theirs = MustacheLibrary()
        for (name, text) in partials.merging(["main": template], uniquingKeysWith: { a, _ in a }) {
            try ours.add(text, named: name)
            theirs.register(try MustacheTemplate(string: text), named: name)
        }
        let rendered = String(decoding: ours.render("main", context), as: UTF8.self)
        let expected = theirs.render(Self.any(context), withTemplate: "main") ?? "(no template)"
        XCTAssertEqual(rendered, expected, "template: \(template.debugDescription)", file: file, line: line)
        return rendered
    }

    /// The same context as swift-mustache reads it.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let value): value
        case .int(let value): value
        case .double(let value): value
        case .string(let value): value
        case .list(let items): items.map(any)
        case .object(let fields): fields.mapValues(any)
        }
    }

    let person: TemplateValue = [
        "name": "Kim <Jong> & 'Un'", "age": 41, "ratio": 1.5, "active": true, "retired": false,
        "tags": ["a", "c", "b"], "empty": [], "blank": "", "zero": 0,
        "friend": ["name": "Lavrov", "country": ["name": "Russia"]],
        "items": [["title": "one", "n": 1], ["title": "two", "n": 2], ["title": "three", "n": 3]],
    ]

    func testAFingerprintIsTheSameWhicheverObjectsKeptTheirs() {
        let text = { (string: String) in PageFingerprints.text(string) }
        func card(_ title: String) -> TemplateFields {
            ["title": .string(title), "actors": .list([.object(["name": .string("Kim")])])]
        }
        func page(_ cards: [TemplateFields]) -> TemplateValue {
            .object(["cards": .list(cards.map(TemplateValue.object)), "page": .int(2)])
        }
        let plain = page([card("One"), card("Two")])
        var kept = [card("One"), card("Two")]
        kept[1].keepFingerprint(hashingText: text)
        XCTAssertEqual(page(kept).fingerprint(hashingText: text), plain.fingerprint(hashingText: text))
        // A kept object still stands for its fields: another title, another fingerprint.
        var other = card("Three")
        other.keepFingerprint(hashingText: text)
        XCTAssertNotEqual(
            page([card("One"), other]).fingerprint(hashingText: text), plain.fingerprint(hashingText: text))
        // A field set after keeping drops what was kept.
        var changed = card("Two")
        changed.keepFingerprint(hashingText: text)
        changed["title"] = .string("Four")
        XCTAssertEqual(
            page([card("One"), changed]).fingerprint(hashingText: text),
            page([card("One"), card("Four")]).fingerprint(hashingText: text))
    }

    func testVariablesEscapeAndTripleMustachesDoNot() throws {
        try assertSame(
            "{{name}}|{{{name}}}|{{& name}}|{{ name }}|{{missing}}|{{age}}|{{ratio}}|{{active}}", person)
        XCTAssertEqual(
            try assertSame("{{name}}", person), "Kim &lt;Jong&gt; &amp; &#39;Un&#39;")
    }

    /// Escaping copies the runs between entities: entities first, last, side by side, and
    /// beside characters of several bytes.
    func testEscapingKeepsTheRunsBetweenEntities() {
        func escaped(_ text: String) -> String {
            var bytes: [UInt8] = Array("[".utf8)
            HTMLEscaping.append(text, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        XCTAssertEqual(escaped("plain Erdoğan"), "[plain Erdoğan")
        XCTAssertEqual(escaped("<b>"), "[&lt;b&gt;")
        XCTAssertEqual(escaped("\"'&"), "[&quot;&#39;&amp;")
        XCTAssertEqual(escaped("Łódź & «Kyiv» <—> 'x'"), "[Łódź &amp; «Kyiv» &lt;—&gt; &#39;x&#39;")
        XCTAssertEqual(escaped(""), "[")
    }

    /// A field of the current object is written `.name`, so a missing or null field never
    /// takes the value of an enclosing object's field of the same name.
    func testCurrentObjectFieldsDoNotFallBackToEnclosingOnes() throws {
        let page: TemplateValue = [
            "author": "Desk", "source": ["url": "https://example.org/", "author": .null, "title": "T"],
        ]
        let rendered = try assertSame(
            "{{#source}}{{#.url}}<{{.}}>{{/.url}}{{#.title}}{{.}}{{/.title}}{{#.author}}, by {{.}}{{/.author}}{{/source}}",
            page)
        XCTAssertEqual(rendered, "<https://example.org/>T")
    }

    /// The claimant lists of the default theme: "A", "A and B", "A, B and C".
    func testClaimantListsReadAsPhrases() throws {
        let template =
            "{{#by}}{{^first()}}{{^last()}}, {{/last()}}{{#last()}} and {{/last()}}{{/first()}}{{.name}}{{/by}}"
        let names: [TemplateValue] = [["name": "Russia"], ["name": "North Korea"], ["name": "China"]]
        XCTAssertEqual(try assertSame(template, ["by": .list(Array(names[..<1]))]), "Russia")
        XCTAssertEqual(try assertSame(template, ["by": .list(Array(names[..<2]))]), "Russia and North Korea")
        XCTAssertEqual(try assertSame(template, ["by": .list(names)]), "Russia, North Korea and China")
        let theme = try String(
            contentsOfFile: TestPaths.repository + "/Templates/briefing.mustache", encoding: .utf8)
        XCTAssertTrue(
            theme.contains(
                "Denied by {{#denied_by}}"
                    + template.dropFirst("{{#by}}".count).dropLast("{{.name}}{{/by}}".count)))
    }

    func testDottedNamesAndTheContextStack() throws {
        try assertSame("{{friend.name}} {{friend.country.name}} {{friend.missing.name}}", person)
        try assertSame("{{#friend}}{{name}} of {{country.name}}, seen by {{age}}{{/friend}}", person)
        try assertSame(
            "{{#friend}}{{#country}}{{name}}/{{.name}}/{{friend.name}}{{/country}}{{/friend}}", person)
        try assertSame("{{#friend}}[{{.age}}]{{/friend}}", person)
        try assertSame("{{#tags}}<{{.}}>{{/tags}}", person)
    }

    func testSectionsByKindOfValue() throws {
        try assertSame(
            "{{#active}}A{{/active}}{{#retired}}R{{/retired}}{{#missing}}M{{/missing}}{{#blank}}B{{/blank}}{{#zero}}Z{{.}}{{/zero}}",
            person)
        try assertSame(
            "{{^active}}A{{/active}}{{^retired}}R{{/retired}}{{^missing}}M{{/missing}}{{^blank}}B{{/blank}}{{^empty}}E{{/empty}}{{^tags}}T{{/tags}}",
            person)
        try assertSame("{{#items}}{{title}}={{n}};{{/items}}{{#empty}}never{{/empty}}", person)
    }

    func testTransformsAndListPositions() throws {
        try assertSame(
            "{{uppercased(name)}} {{lowercased(friend.name)}} {{reversed(blank)}} {{count(tags)}} {{plusone(age)}} {{minusone(zero)}}",
            person)
        try assertSame("{{#empty(empty)}}none{{/empty(empty)}}{{^empty(tags)}}some{{/empty(tags)}}", person)
        try assertSame(
            "{{#reversed(items)}}{{title}}{{/reversed(items)}} {{#first(items)}}{{title}}{{/first(items)}}",
            person)
        // swift-mustache sorted only lists typed [String]; every list of strings sorts here.
        var ours = TemplateLibrary()
        try ours.add("{{#sorted(tags)}}{{.}}{{/sorted(tags)}}", named: "main")
        XCTAssertEqual(String(decoding: ours.render("main", person), as: UTF8.self), "abc")
        try assertSame(
            "{{#items}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{^last()}},{{/last()}}{{/items}}",
            person)
        try assertSame(
            "{{#equalzero(zero)}}0{{/equalzero(zero)}}{{#odd(age)}}odd{{/odd(age)}}{{missing(name)}}", person)
    }

    /// Where brief's engine differs on purpose: lists and objects print in a stable order, and
    /// objects have `count`, `empty` and `sorted`.
    func testListsAndObjectsPrintAndTransformInAStableOrder() throws {
        var ours = TemplateLibrary()
        try ours.add(
            "{{{tags}}}|{{{friend}}}|{{{empty}}}|{{count(friend)}}|{{#empty(friend)}}E{{/empty(friend)}}"
                + "|{{#sorted(friend)}}{{key}};{{/sorted(friend)}}|{{#sorted(items)}}x{{/sorted(items)}}",
            named: "main")
        XCTAssertEqual(
            String(decoding: ours.render("main", person), as: UTF8.self),
            #"["a", "c", "b"]|["country": ["name": "Russia"], "name": "Lavrov"]|[]|2||country;name;|"#)
        XCTAssertEqual(person["friend"]?["country"]?["name"], "Russia")
        XCTAssertNil(person["tags"]?["x"])
        let numbers: TemplateValue = ["n": [3, 1, 2], "o": [:]]
        try ours.add("{{#sorted(n)}}{{.}}{{/sorted(n)}}{{{o}}}{{#empty(o)}}!{{/empty(o)}}", named: "numbers")
        XCTAssertEqual(String(decoding: ours.render("numbers", numbers), as: UTF8.self), "123[:]!")
    }

    func testStandaloneLinesAndWhitespace() throws {
        try assertSame("<ul>\n  {{#items}}\n  <li>{{title}}</li>\n  {{/items}}\n</ul>\n", person)
        try assertSame("a\n  {{! a comment }}  \nb\n{{^missing}}\n  c\n{{/missing}}\nd", person)
        try assertSame("  {{#active}} inline {{/active}}  \n{{#active}}x{{/active}}\n", person)
        try assertSame("| {{#active}}\n{{/active}} |\n\t{{#tags}}\t\n{{.}}\n\t{{/tags}}\t\nend  ", person)
    }

    func testPartialsAndTheirIndentation() throws {
        let partials = ["card": "<b>{{title}}</b>\n<i>{{n}}</i>\n", "line": "{{name}}"]
        try assertSame("{{#items}}{{> card}}{{/items}}", person, partials: partials)
        try assertSame("<div>\n  {{> card}}\n</div>\n", ["title": "T", "n": 1], partials: partials)
        try assertSame("<p>{{> line}} and {{>line}}</p>{{> missing}}", person, partials: partials)
        try assertSame("{{#friend}}\n  {{> line}}\n{{/friend}}\n", person, partials: partials)
    }

    func testSetDelimiters() throws {
        try assertSame("{{=<% %>=}}\n<% name %> {{name}}\n<%={{ }}=%>\n{{age}}", person)
    }

    func testTheDefaultThemeRendersTheFixtureSiteAsSwiftMustacheDid() throws {
        let site = TestPaths.fixtures + "/site"
        let (sources, _) = ContentLoader(root: site, baseURLOverride: nil).load()
        let (resolved, _) = SiteResolver(includeDrafts: true).resolve(try XCTUnwrap(sources))
        let model = try XCTUnwrap(resolved)
        let (loaded, _) = Theme.load(siteRoot: site)
        let theme = try XCTUnwrap(loaded)
        let bodies = RenderedBodies.render(
            model, resolver: .forSite(model, basePath: model.config.basePath), recordLinks: false)
        let renderer = SiteRenderer(
            model: model, index: SiteIndex(model: model), theme: theme, bodies: bodies)
        var theirs = MustacheLibrary()
        for (path, text) in EmbeddedTheme.files where path.hasSuffix(".mustache") {
            let name = Theme.registeredName(String(path.dropLast(".mustache".count)))
            theirs.register(try MustacheTemplate(string: text), named: name)
        }
        var pages = 0
        for job in renderer.plan() {
            guard let page = renderer.htmlPage(job) else { continue }
            let ours = String(decoding: theme.render(page.template, page.context), as: UTF8.self)
            let expected = theirs.render(Self.any(page.context), withTemplate: page.template)
            XCTAssertEqual(ours, expected, page.path)
            pages += 1
        }
        XCTAssertGreaterThan(pages, 20)
    }

    func testSyntaxErrorsSayWhatAndWhere() {
        let cases: [(String, Int, String)] = [
            (
                "<p>{{#a}}x{{/b}}</p>", 10,
                "a section is closed with the wrong name: {{/b}} closes {{#a}} (line 1)"
            ),
            ("{{#a}}\n{{#b}}\n{{/b}}", 0, "a section is opened but never closed: {{#a}}"),
            ("x {{/a}}", 2, "{{/a}} closes a section that was never opened"),
            ("{{name", 0, "a tag is not closed with }}, or its name has a character names cannot have"),
            ("{{na me}}", 0, "a tag is not closed with }}, or its name has a character names cannot have"),
            ("{{{name}}", 0, "{{{name}} is not closed with }}}"),
            ("{{! never closed", 0, "a comment is not closed with }}"),
            ("{{=<%>=}}", 0, "invalid set-delimiter tag: write {{=<% %>=}} with two delimiters"),
            ("{{<parent}}{{/parent}}", 0, "template inheritance ({{<parent}}, {{$block}}) is not supported"),
            ("{{>*dynamic}}", 0, "dynamic partials ({{>*name}}) are not supported"),
            ("{{#empty(a}}{{/empty(a}}", 0, "'empty(a' is not a name or a transform of one"),
            ("{{", 0, "a tag is not closed with }}"),
        ]
        for (template, offset, message) in cases {
            XCTAssertThrowsError(try TemplateParser.parse(template), template) { error in
                XCTAssertEqual(
                    error as? TemplateSyntaxError, TemplateSyntaxError(offset: offset, message: message))
            }
        }
    }
}
