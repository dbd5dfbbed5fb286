import XCTest

@testable import BriefKit
@testable import BriefServer

/// The pure rules behind the safety checks, string in and answer out.
final class SafetyRulesTests: XCTestCase {
    func testLinkURLs() {
        for fine in [
            "https://example.org/a", "HTTP://example.org", "/media/map.png", "../other.md", "story.html",
            "//cdn.example.org/x", "#top", "?q=1",
        ] {
            XCTAssertNil(LinkURL.problem(fine), fine)
        }
        XCTAssertEqual(
            LinkURL.problem("javascript:alert(1)"),
            "must be an http(s) or relative URL; 'javascript:' links are not allowed")
        XCTAssertEqual(
            LinkURL.problem(" \tjava\nscript:alert(1)"),
            "must be an http(s) or relative URL; 'javascript:' links are not allowed")
        XCTAssertEqual(
            LinkURL.problem("vbscript:x"),
            "must be an http(s) or relative URL; 'vbscript:' links are not allowed")
        XCTAssertEqual(LinkURL.problem("https:evil"), "must name a host, like https://example.org/…")
        XCTAssertEqual(LinkURL.problem("https:///path"), "must name a host, like https://example.org/…")
        XCTAssertEqual(LinkURL.problem("https://ok.example/\u{7}"), "contains a control character")
    }

    func testBaseURLs() {
        for fine in [
            "https://example.org/", "https://example.org", "http://localhost:8080/watch/",
            "https://[::1]:8443/w/",
            "https://example.org/a_b/c-d/~e/%20/",
        ] {
            XCTAssertNil(LinkURL.baseProblem(fine), fine)
        }
        let problems = [
            "ftp://example.org/": "must be an absolute http(s) URL like https://example.org/",
            "https:///x/": "must name a host (letters, digits, '-' and '.'), optionally with a port",
            "https://ex ample.org/":
                "must name a host (letters, digits, '-' and '.'), optionally with a port",
            "https://example.org:99999x/":
                "must name a host (letters, digits, '-' and '.'), optionally with a port",
            "https://example.org//evil.com/": "has an empty segment ('//') in its path",
            "https://example.org/a/../b/": "has a path with '.' or '..' in it",
            "https://example.org/a?q=1":
                "has a path with characters a base path cannot carry (only letters, digits, '-', '.', '_', '~', '%' and '/')",
        ]
        for (url, problem) in problems { XCTAssertEqual(LinkURL.baseProblem(url), problem, url) }
    }

    func testHostHeaders() {
        for allowed in [
            "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "preview.localhost:80", "[::1]:8000", "10.0.0.5",
            "127.0.0.1",
        ] {
            XCTAssertTrue(HostCheck.allows(allowed, boundHost: "127.0.0.1"), allowed)
        }
        XCTAssertTrue(
            HostCheck.allows(nil, boundHost: "127.0.0.1"), "clients that send no Host are not browsers")
        XCTAssertTrue(
            HostCheck.allows("mybox.lan:8000", boundHost: "mybox.lan"), "the name serve was started with")
        for refused in ["evil.example.com:8000", "127.0.0.1.nip.io", "1.2.3.4.5", "999.1.1.1", "example:80"] {
            XCTAssertFalse(HostCheck.allows(refused, boundHost: "127.0.0.1"), refused)
        }
    }

    func testUserPaths() {
        XCTAssertEqual(UserPath.absolute("", home: "/h", currentFolder: "/c"), .failure(.empty))
        XCTAssertEqual(UserPath.absolute("a\u{0}b", home: "/h", currentFolder: "/c"), .failure(.notText))
        XCTAssertEqual(UserPath.absolute("~", home: "/h", currentFolder: "/c"), .success("/h"))
        XCTAssertEqual(UserPath.absolute("/../..", home: "/h", currentFolder: "/c"), .success("/"))
        XCTAssertEqual(UserPath.Problem.noHome.description, "the path starts with '~' but HOME is not set")
    }

    func testProtectedPlaces() throws {
        let root = TestPaths.temporaryFolder("protected")
        let site = root + "/site"
        try FileManager.default.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        let places = ProtectedPlaces(siteRoot: site, home: root + "/home", cacheFolder: root + "/cache")
        XCTAssertNil(places.refusal(site + "/Site", what: "it"))
        XCTAssertNil(places.refusal(root + "/public", what: "it"))
        XCTAssertEqual(
            places.refusal(root + "/cache/x", what: "it"),
            "it holds brief's build cache (\(RealPath.of(root + "/cache"))); choose another folder")
        XCTAssertEqual(
            places.refusal(root + "/.www.brief/next", what: "it"),
            "it is inside one of brief's own state folders; choose another folder")
        XCTAssertEqual(
            places.refusal(root + "/home", what: "it"),
            "it is your home folder or contains it; refusing to replace it")
    }
}
