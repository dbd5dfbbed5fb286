import Foundation
import XCTest

/// `brief serve` under hostile use: files swapped for links after the build, foreign Host
/// headers, live-reload clients that come and go by the hundred, SIGTERM with them open.
final class SafetyServeTests: XCTestCase {
    var process: Process!
    var site: String!
    var port = 0
    let output = Pipe()

    override func setUpWithError() throws {
        site = TestPaths.temporaryFolder() + "/site"
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        (process, port) = try BriefProcess.serve(site: site, output: output, errors: FileHandle.nullDevice)
    }

    override func tearDown() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The status line's code for a GET of `path` with the given Host header.
    func status(_ path: String, host: String) -> Int? {
        guard let fd = RawHTTP.connect(port: port) else { return nil }
        defer { close(fd) }
        RawHTTP.send(fd, "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 12 else { return nil }
        return Int(String(decoding: buffer[9..<12], as: UTF8.self))
    }

    func testALinkPlantedAfterTheBuildIsNotFollowed() throws {
        XCTAssertEqual(RawHTTP.request(port: port, "/watch/media/map.svg")?.status, 200)
        let media = site + "/Content/media/map.svg"
        try FileManager.default.removeItem(atPath: media)
        try FileManager.default.createSymbolicLink(atPath: media, withDestinationPath: "/etc/passwd")
        // Asked at once and again after the failed rebuild: never the outside file.
        for _ in 0..<2 {
            let response = try XCTUnwrap(RawHTTP.request(port: port, "/watch/media/map.svg"))
            XCTAssertEqual(response.status, 404)
            XCTAssertFalse(response.text.contains("root:"))
            usleep(300_000)
        }
    }

    func testOnlyItsOwnAddressesAreAnswered() {
        XCTAssertEqual(status("/watch/", host: "127.0.0.1:\(port)"), 200)
        XCTAssertEqual(status("/watch/", host: "localhost:\(port)"), 200)
        XCTAssertEqual(status("/watch/", host: "[::1]:\(port)"), 200)
        XCTAssertEqual(status("/watch/", host: "rebound.example.com:\(port)"), 421)
        XCTAssertEqual(status("/watch/", host: "127.0.0.1.example.com"), 421)
    }

    func testLiveReloadClientsAreBoundedAndClosedOnesAreFreed() throws {
        func connectMany(_ count: Int) -> [(fd: Int32, status: Int)] {
            (0..<count).compactMap { _ in
                guard let fd = RawHTTP.connect(port: port) else { return nil }
                RawHTTP.send(fd, "GET /__brief/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                var buffer = [UInt8](repeating: 0, count: 512)
                let read = recv(fd, &buffer, buffer.count, 0)
                let code = read > 12 ? Int(String(decoding: buffer[9..<12], as: UTF8.self)) ?? 0 : 0
                return (fd, code)
            }
        }
        let first = connectMany(70)
        XCTAssertEqual(first.filter { $0.status == 200 }.count, 64)
        XCTAssertEqual(first.filter { $0.status == 503 }.count, 6)
        // Closed cleanly (FIN, as a browser tab does): the server notices without a rebuild,
        // and a full set is accepted again.
        for client in first { close(client.fd) }
        var accepted = 0
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let again = connectMany(64)
            accepted = again.filter { $0.status == 200 }.count
            // Reset, not closed: these probes must not hold slots while the next one runs.
            for client in again { Self.reset(client.fd) }
            if accepted == 64 { break }
            usleep(500_000)
        }
        XCTAssertEqual(accepted, 64)
        XCTAssertEqual(status("/watch/", host: "127.0.0.1"), 200, "pages are still served")
    }

    /// Closes a socket with a reset (SO_LINGER 0), which the server sees at once.
    static func reset(_ fd: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
    }

    func testSIGTERMStopsItWithClientsConnected() throws {
        let clients = (0..<20).compactMap { _ in RawHTTP.EventStream(port: port) }
        XCTAssertEqual(clients.count, 20)
        XCTAssertTrue(clients[0].wait(for: "connected"))
        process.terminate()
        let deadline = Date().addingTimeInterval(8)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        XCTAssertFalse(process.isRunning, "serve stops within seconds of SIGTERM")
        withExtendedLifetime(clients) {}
    }
}
