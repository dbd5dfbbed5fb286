import Foundation
import XCTest

/// `brief serve` over real HTTP on an ephemeral loopback port.
final class ServerTests: XCTestCase {
    var process: Process!
    var site: String!
    var port = 0
    let output = Pipe()
    let errors = Pipe()

    override func setUpWithError() throws {
        site = TestPaths.temporaryFolder() + "/site"
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        (process, port) = try BriefProcess.serve(site: site, output: output, errors: errors)
    }

    override func tearDown() {
        if process.isRunning {
            process.interrupt()
            stop(within: 10)
        }
    }

    /// Waits for the server to exit; a server that hangs is killed so the suite never hangs.
    @discardableResult
    func stop(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    func get(_ path: String, method: String = "GET") -> RawHTTP.Response {
        RawHTTP.request(port: port, path, method: method)!
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let path = site + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testResponsesTypesRedirectsNotFoundAndHead() throws {
        let root = get("/")
        XCTAssertEqual(root.status, 301)
        XCTAssertEqual(root.headers["location"], "/watch/")
        let page = get("/watch/briefings/first/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(page.headers["cache-control"], "no-store")
        XCTAssertTrue(
            page.text.contains("new EventSource(\"/__brief/events\")"), "served HTML carries the script")
        XCTAssertEqual(get("/watch/briefings/first").headers["location"], "/watch/briefings/first/")
        XCTAssertEqual(get("/watch/briefings/first").status, 301)
        XCTAssertEqual(get("/watch/feed.xml").headers["content-type"], "application/atom+xml; charset=utf-8")
        XCTAssertEqual(get("/watch/assets/style.css").headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(
            get("/watch/search/index.json").headers["content-type"], "application/json; charset=utf-8")
        XCTAssertEqual(get("/watch/media/map.svg").headers["content-type"], "image/svg+xml; charset=utf-8")
        XCTAssertEqual(get("/watch/CNAME").text, "fixture.example.org\n")
        let missing = get("/watch/no/such/page/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("Page not found"))
        XCTAssertEqual(missing.headers["cache-control"], "no-store")
        let head = get("/watch/briefings/first/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body.count, 0)
        XCTAssertEqual(head.headers["content-length"], page.headers["content-length"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site + "/Site"), "serve never writes Site/")
        let disk = SiteBuilderOutput.build(site)
        XCTAssertFalse(disk.contains("__brief"), "files on disk never carry the script")
    }

    func testPathsThatTryToLeaveTheSiteAreRefused() throws {
        for path in [
            "/watch/../../etc/passwd", "/watch/%2e%2e/%2e%2e/etc/passwd", "/watch/..%2f..%2fetc/passwd",
            "/watch/%252e%252e/etc/passwd", "/watch/..\\..\\etc\\passwd", "/watch/a%00b", "/watch/%2E%2E/",
        ] {
            XCTAssertEqual(get(path).status, 400, path)
        }
    }

    func testSymlinkLeavingTheSiteIsRefused() throws {
        let events = try XCTUnwrap(RawHTTP.EventStream(port: port))
        XCTAssertTrue(events.wait(for: ": connected"))
        let mark = events.received.utf8.count
        symlink("/etc/passwd", site + "/Content/media/passwd")
        XCTAssertTrue(events.wait(for: "symlink leads outside the site", after: mark), events.received)
        XCTAssertEqual(get("/watch/media/passwd").status, 404)
    }

    func testReloadAfterAnEditAndErrorOverlayUntilTheFix() throws {
        let events = try XCTUnwrap(RawHTTP.EventStream(port: port))
        XCTAssertTrue(events.wait(for: ": connected"))
        var mark = events.received.utf8.count
        try edit("Content/briefings/2024-11-01-third.md") {
            $0.replacingOccurrences(of: "Third body.", with: "Third body, edited.")
        }
        XCTAssertTrue(events.wait(for: "event: reload", after: mark), events.received)
        XCTAssertTrue(get("/watch/briefings/third/").text.contains("Third body, edited."))

        mark = events.received.utf8.count
        try edit("Content/briefings/2024-11-01-third.md") {
            $0.replacingOccurrences(of: "date: 2024-11-01", with: "date: 2024-02-30")
        }
        XCTAssertTrue(events.wait(for: "event: error", after: mark), events.received)
        XCTAssertTrue(
            events.received.contains(
                "data: Content/briefings/2024-11-01-third.md:3:7: error: 'date' is 2024-02-30, which is not a day on the calendar"
            ))
        let broken = get("/watch/briefings/third/")
        XCTAssertEqual(broken.status, 200, "the last good site is still served")
        XCTAssertTrue(broken.text.contains("Third body, edited."))
        XCTAssertTrue(broken.text.contains("<pre id=\"__brief_overlay\""))
        XCTAssertTrue(
            broken.text.contains("2024-11-01-third.md:3:7: error: &#39;date&#39;")
                || broken.text.contains("2024-11-01-third.md:3:7: error: 'date'"))
        let late = try XCTUnwrap(RawHTTP.EventStream(port: port))
        XCTAssertTrue(late.wait(for: "event: error"), "a page opened while broken gets the error at once")

        mark = events.received.utf8.count
        try edit("Content/briefings/2024-11-01-third.md") {
            $0.replacingOccurrences(of: "date: 2024-02-30", with: "date: 2024-11-01")
        }
        XCTAssertTrue(events.wait(for: "event: reload", after: mark), events.received)
        XCTAssertFalse(get("/watch/briefings/third/").text.contains("<pre id=\"__brief_overlay\""))
    }

    func testNewFoldersAndRenamedSavesAreWatched() throws {
        let events = try XCTUnwrap(RawHTTP.EventStream(port: port))
        XCTAssertTrue(events.wait(for: ": connected"))
        var mark = events.received.utf8.count
        try FileManager.default.createDirectory(
            atPath: site + "/Content/briefings/2025/01", withIntermediateDirectories: true)
        usleep(300_000)
        mark = events.received.utf8.count
        let temporary = site + "/Content/briefings/2025/01/.new.md.swp"
        try "---\ntitle: \"Brand new\"\ndate: 2025-01-02\n---\nNew.\n".write(
            toFile: temporary, atomically: false, encoding: .utf8)
        rename(temporary, site + "/Content/briefings/2025/01/2025-01-02-new.md")
        // The folder's own creation may trigger a rebuild too: wait for reloads until the new
        // entry is served (or time runs out).
        let deadline = Date().addingTimeInterval(10)
        while get("/watch/briefings/new/").status != 200 && Date() < deadline {
            XCTAssertTrue(events.wait(for: "event: reload", after: mark), events.received)
            mark = events.received.utf8.count
        }
        XCTAssertEqual(get("/watch/briefings/new/").status, 200)
    }

    func testManyParallelRequests() throws {
        let paths = [
            "/watch/", "/watch/briefings/first/", "/watch/actors/", "/watch/feed.xml",
            "/watch/assets/style.css",
        ]
        let statuses = UnsafeMutableBufferPointer<Int>.allocate(capacity: 200)
        defer { statuses.deallocate() }
        nonisolated(unsafe) let results = statuses
        let port = self.port
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            results[i] = RawHTTP.request(port: port, paths[i % paths.count])?.status ?? 0
        }
        XCTAssertEqual(Set(statuses), [200])
    }

    func testShutdownWithAnOpenEventStreamIsQuick() throws {
        let events = try XCTUnwrap(RawHTTP.EventStream(port: port))
        XCTAssertTrue(events.wait(for: ": connected"))
        let start = Date()
        process.terminate()
        XCTAssertTrue(stop(within: 10), "the server did not stop after SIGTERM")
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "SIGTERM with a live-reload client connected")
    }
}

/// setUp's failure when `brief serve` printed no URL.
struct ServerDidNotStart: Error {
    var output: String
}

/// A build of a site to disk, to compare with what `serve` serves.
enum SiteBuilderOutput {
    static func build(_ site: String) -> String {
        let output = TestPaths.temporaryFolder() + "/out"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = ["build", site, "--output", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        return TreeSnapshot(output).text("briefings/first/index.html")
    }
}
