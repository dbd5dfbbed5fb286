import Foundation
import XCTest

@testable import BriefKit
@testable import BriefTemplates

/// The byte-level JSON writer, string in and string out.
final class JSONWriterTests: XCTestCase {
    func testStringsEscapeQuotesBackslashesAndControlCharacters() {
        let value: TemplateValue = "a \"b\" \\ c\nd\te\r\u{1}\u{8}\u{c}é</script>&"
        XCTAssertEqual(JSONWriter.encode(value), #""a \"b\" \\ c\nd\te\r\u0001\b\fé</script>&""#)
        XCTAssertEqual(
            JSONWriter.encode(value, scriptSafe: true),
            #""a \"b\" \\ c\nd\te\r\u0001\b\fé\u003c/script\u003e\u0026""#)
    }

    func testObjectsSortTheirKeysAndEveryValueKindIsWritten() throws {
        let value: TemplateValue = [
            "z": [1, 2.5, true, .null], "a": ["<k>": "v"], "m": .double(.infinity),
        ]
        let json = JSONWriter.encode(value, scriptSafe: true)
        XCTAssertEqual(json, #"{"a":{"\u003ck\u003e":"v"},"m":null,"z":[1,2.5,true,null]}"#)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }
}

/// Rendered pages become Data without a copy.
final class DataAdoptingTests: XCTestCase {
    func testTheArraysBufferIsAdoptedAndKeptAlive() {
        func make() -> ([UInt8], UnsafeRawPointer) {
            let bytes = [UInt8](repeating: 7, count: 100_000) + [1, 2, 3]
            return (bytes, bytes.withUnsafeBytes { $0.baseAddress! })
        }
        let (bytes, address) = make()
        let data = Data(adopting: consume bytes)
        XCTAssertEqual(data.withUnsafeBytes { $0.baseAddress! }, address)
        XCTAssertEqual(data.count, 100_003)
        XCTAssertEqual(Array(data.suffix(3)), [1, 2, 3])
        XCTAssertEqual(Data(adopting: []), Data())
    }
}
