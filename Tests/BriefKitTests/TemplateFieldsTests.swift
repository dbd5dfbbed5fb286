import XCTest

@testable import BriefKit
@testable import BriefTemplates

/// Template context objects behave as dictionaries: set, replace, remove, compare.
final class TemplateFieldsTests: XCTestCase {
    func testSetReplaceAndRemoveKeepTheOrderKeysWereSetIn() {
        var fields: TemplateFields = ["b": 1, "a": 2]
        fields["c"] = 3
        fields["a"] = 20
        fields["b"] = nil
        fields["missing"] = nil
        XCTAssertEqual(fields.keys, ["a", "c"])
        XCTAssertEqual(fields["a"], 20)
        XCTAssertNil(fields["b"])
        XCTAssertEqual(fields.count, 2)
        XCTAssertEqual(fields.sortedByKey.map(\.key), ["a", "c"])
    }

    func testLongAndNonASCIIKeysAndManyKeys() {
        var fields = TemplateFields()
        for n in 0..<200 { fields["key number \(n) with a long name"] = .int(n) }
        fields["Łódź"] = "city"
        XCTAssertEqual(fields["key number 123 with a long name"], 123)
        XCTAssertEqual(fields["Łódź"], "city")
        XCTAssertNil(fields["key number 200 with a long name"])
        // The same text built at run time, not a literal, is the same key.
        let built = String(decoding: Array("key number 7 with a long name".utf8), as: UTF8.self)
        XCTAssertEqual(fields[built], 7)
    }

    func testEqualityIgnoresOrderAndDuplicatesResolveAsDocumented() {
        XCTAssertEqual(["a": 1, "b": 2] as TemplateFields, ["b": 2, "a": 1] as TemplateFields)
        XCTAssertNotEqual(["a": 1] as TemplateFields, ["a": 1, "b": 2] as TemplateFields)
        XCTAssertNotEqual(["a": 1] as TemplateFields, ["a": 2] as TemplateFields)
        XCTAssertEqual(TemplateFields(keepingFirst: [("a", 1), ("a", 2)])["a"], 1)
        let literal: TemplateValue = ["a": 1, "a": 2]
        XCTAssertEqual(literal["a"], 2)
    }
}
