import Foundation

/// What `brief build` (and `check`) was asked to do.
public struct BuildOptions: Sendable {
    public var siteRoot: String
    /// The output folder relative to the current folder; nil means `<siteRoot>/Site`.
    public var output: String?
    public var drafts: Bool
    public var strict: Bool
    public var baseURL: String?
    public var force: Bool
    /// False for `brief check`: everything is rendered, nothing is written.
    public var writes: Bool
    /// True for `brief check`: every internal link and anchor of the rendered pages is verified.
    public var checkLinks: Bool
    /// Use the build cache (`--no-cache` turns it off): an unchanged site is not rebuilt.
    public var cache: Bool
    /// The process ends right after this build (the `brief build` command): the built site's
    /// memory is left for the system to reclaim at exit instead of being freed object by
    /// object, which took 50-80 ms at 10,000 entries. Never set in the server or the tests.
    public var processExitsAfterBuild = false

    public init(
        siteRoot: String, output: String? = nil, drafts: Bool = false, strict: Bool = false,
        baseURL: String? = nil,
        force: Bool = false, writes: Bool = true, checkLinks: Bool = false, cache: Bool = true
    ) {
        self.checkLinks = checkLinks
        self.cache = cache

        self.siteRoot = siteRoot
        self.output = output
        self.drafts = drafts
        self.strict = strict
        self.baseURL = baseURL
        self.force = force
        self.writes = writes
    }

    var absoluteRoot: String {
        URL(fileURLWithPath: siteRoot).standardizedFileURL.path
    }

    var absoluteOutput: String {
        URL(fileURLWithPath: output ?? (siteRoot + "/Site")).standardizedFileURL.path
    }

    var displayOutput: String { output ?? "Site" }
}
