import XCTest

@testable import BriefKit

final class NameKeyTests: XCTestCase {
    func testNormaliserUnifiesSpellings() {
        XCTAssertEqual(NameKey.normalize("Recep Tayyip Erdoğan"), NameKey.normalize("recep tayyip erdogan"))
        XCTAssertEqual(NameKey.normalize("Łódź"), "lodz")
        XCTAssertEqual(NameKey.normalize("Kim Jong-un"), NameKey.normalize("Kim  Jong Un"))
        XCTAssertEqual(NameKey.normalize("O’Brien"), NameKey.normalize("O'Brien"))
        XCTAssertEqual(NameKey.normalize("  Kim\tJong-un_ "), "kim jong un")
        XCTAssertEqual(NameKey.normalize("O`Brien"), NameKey.normalize("o’brien"))
        XCTAssertEqual(
            NameKey.normalize("Straße Øresund Æsir Œuvre Þór Đorđe"),
            "strasse oresund aesir oeuvre thor dorde")
    }

    func testSlugs() {
        XCTAssertEqual(
            NameKey.slug("South Korea–Poland defence cooperation"), "south-korea-poland-defence-cooperation")
        XCTAssertEqual(NameKey.slug("O’Brien's  plan"), "obriens-plan")
        XCTAssertEqual(NameKey.slug("윤석열"), "")
        XCTAssertFalse(NameKey.isPlainSegment("../x"))
        XCTAssertFalse(NameKey.isPlainSegment("a/b"))
        XCTAssertTrue(NameKey.isPlainSegment("k2-deal"))
    }

    func testEditDistanceSuggestions() {
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.suggestion(for: "titel", among: ["title", "date"]), "title")
        XCTAssertNil(EditDistance.suggestion(for: "zzzzzz", among: ["title", "date"]))
    }

    func testAmbiguousAliasesResolveNothing() {
        var registry = NameRegistry()
        registry.add(id: 0, name: "Kim Jong Un", aliases: ["Kim"])
        registry.add(id: 1, name: "Kim Yong Hyun", aliases: ["Kim"])
        registry.add(id: 2, name: "European Union", aliases: ["EU"])
        XCTAssertEqual(registry.match("kim jong-un"), .found(0))
        XCTAssertEqual(registry.match("Kim"), .ambiguous([0, 1]))
        XCTAssertEqual(registry.match("EU"), .found(2))
        XCTAssertEqual(registry.match("Nobody"), .unknown)
        XCTAssertEqual(registry.suggestion(for: "Kim Jong Um"), "Kim Jong Un")
    }
}
