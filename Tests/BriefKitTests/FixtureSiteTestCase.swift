import Foundation
import XCTest

@testable import BriefKit

/// A copy of the fixture site, an output folder and a build cache of its own for each test:
/// what the build cache's tests and the output folder's tests share.
class FixtureSiteTestCase: XCTestCase {
    var site = ""
    var output = ""
    var cacheFolder = ""

    override func setUp() {
        cacheFolder = TestPaths.temporaryFolder("brief-cache")
        setenv("BRIEF_CACHE_DIR", cacheFolder, 1)
        site = TestPaths.temporaryFolder("brief-fixture-site") + "/site"
        try! FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        output = TestPaths.temporaryFolder("brief-fixture-out") + "/out"
    }

    override func tearDown() {
        unsetenv("BRIEF_CACHE_DIR")
    }

    /// Builds `site` into `output`, with the build cache unless `cache` is false.
    @discardableResult
    func build(cache: Bool = true, _ configure: (inout BuildOptions) -> Void = { _ in }) -> SiteBuilder.Result
    {
        var options = BuildOptions(siteRoot: site, output: output, cache: cache)
        configure(&options)
        return SiteBuilder(options: options).build()
    }

    /// A `--no-cache` build of the site as it is now into an empty folder of its own: what it
    /// printed.
    func coldBuild() -> SiteBuilder.Result {
        SiteBuilder(
            options: BuildOptions(siteRoot: site, output: TestPaths.temporaryFolder() + "/out", cache: false)
        ).build()
    }

    /// A `--no-cache` build of the site as it is now, into an empty folder of its own.
    func coldTree(_ configure: (inout BuildOptions) -> Void = { _ in }) -> TreeSnapshot {
        let cold = TestPaths.temporaryFolder("brief-cold") + "/out"
        var options = BuildOptions(siteRoot: site, output: cold, cache: false)
        configure(&options)
        XCTAssertNotNil(SiteBuilder(options: options).build().summary)
        return TreeSnapshot(cold)
    }

    /// Writes `text` to the file at `relative` in the site, making its folder when needed.
    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: site + "/" + relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Rewrites the site's file at `relative` through `change`, which must change it.
    func edit(_ relative: String, _ change: (String) -> String) throws {
        let path = site + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "\(relative): the edit changes nothing")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Sets every site file's modification time a minute back: a build trusts the stamp of a
    /// file written more than a second before it looked (`InputStamp.trusted`), so the next
    /// build takes what the cache kept of the files not touched since (their parses, their
    /// hashes) instead of reading them. An edit after this still changes the file's stamp (its
    /// change time, which cannot be set back).
    func ageInputs() {
        let old = Date(timeIntervalSinceNow: -60)
        for path in FileManager.default.subpaths(atPath: site) ?? [] {
            try? FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site + "/" + path)
        }
    }
}
