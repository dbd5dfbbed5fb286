import Foundation
import XCTest

@testable import BriefS3

/// The signer against AWS's published Signature Version 4 test suite (region us-east-1,
/// service "service", 2015-08-30T12:36:00Z) and the S3 documentation's worked examples.
final class SigV4Tests: XCTestCase {
    let suite = SigV4(
        credentials: S3Credentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    func suiteSignature(query: [(String, String)]) -> String {
        let authorization = suite.authorization(
            method: "GET", path: "/", query: query,
            headers: ["Host": "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z"],
            payloadHash: emptyHash,
            amzDate: "20150830T123600Z")
        return String(authorization.split(separator: "=").last!)
    }

    func testTheCanonicalRequestOfGetVanilla() {
        let (request, signed) = SigV4.canonicalRequest(
            method: "GET", path: "/", query: [],
            headers: ["Host": "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z"],
            payloadHash: emptyHash)
        XCTAssertEqual(
            request,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)"
        )
        XCTAssertEqual(signed, "host;x-amz-date")
        XCTAssertEqual(
            SigV4.hash(Data(request.utf8)), "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"
        )
    }

    func testTheSuiteVectors() {
        XCTAssertEqual(
            suite.authorization(
                method: "GET", path: "/", query: [],
                headers: ["Host": "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z"],
                payloadHash: emptyHash,
                amzDate: "20150830T123600Z"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
        XCTAssertEqual(
            suiteSignature(query: [("Param1", "value1")]),
            "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb", "get-vanilla-query")
        XCTAssertEqual(
            suiteSignature(query: [("Param2", "value2"), ("Param1", "value1")]),
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            "get-vanilla-query-order-key-case")
        XCTAssertEqual(
            suiteSignature(query: [("Param1", "value2"), ("Param1", "value1")]),
            "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694", "get-vanilla-query-order-key")
        XCTAssertEqual(
            suiteSignature(query: [("Param1", "value2"), ("Param1", "Value1")]),
            "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1",
            "get-vanilla-query-order-value")
    }

    /// The S3 documentation's GET Object example (a range of `test.txt`).
    func testTheS3GetObjectExample() {
        let signer = SigV4(
            credentials: S3Credentials(
                accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1")
        XCTAssertEqual(
            signer.authorization(
                method: "GET", path: "/test.txt", query: [],
                headers: [
                    "Host": "examplebucket.s3.amazonaws.com", "Range": "bytes=0-9",
                    "x-amz-content-sha256": emptyHash, "x-amz-date": "20130524T000000Z",
                ], payloadHash: emptyHash, amzDate: "20130524T000000Z"),
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    func testURIEncoding() {
        XCTAssertEqual(SigV4.encode("a b/c~d"), "a%20b%2Fc~d")
        XCTAssertEqual(SigV4.encode("a b/c", slash: false), "a%20b/c")
        XCTAssertEqual(SigV4.encode("ሴ"), "%E1%88%B4")
    }
}
