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
    /// object. Never set in the server or the tests.
    public var processExitsAfterBuild = false
    /// Rendered bodies are held compressed until their pages are written when the briefings'
    /// Markdown is larger than this many bytes (`RenderedBodies.packingThreshold`; tests lower it).
    var packBodiesAbove = RenderedBodies.packingThreshold
    /// Refuse outputs in protected places (`ProtectedPlaces`). Off only for the folders brief
    /// itself chooses inside its publish state and scratch folders.
    public var guardsOutput = true

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
        (try? UserPath.absolute(siteRoot).get()) ?? siteRoot
    }

    var absoluteOutput: String {
        guard let output else { return absoluteRoot + "/Site" }
        return (try? UserPath.absolute(output).get()) ?? output
    }

    /// Why the site root or the output folder cannot be used, located at the path as given;
    /// nil when both can.
    func pathProblem() -> Diagnostic? {
        if case .failure(let problem) = UserPath.absolute(siteRoot) {
            return .error(SourceLocation(path: siteRoot), "the site folder: \(problem)")
        }
        guard writes else { return nil }
        if let output, case .failure(let problem) = UserPath.absolute(output) {
            return .error(
                SourceLocation(path: output.isEmpty ? "--output" : output), "the output folder: \(problem)")
        }
        guard guardsOutput else { return nil }
        let places = ProtectedPlaces(siteRoot: absoluteRoot)
        return places.refusal(absoluteOutput, what: "the output folder").map {
            .error(SourceLocation(path: displayOutput), $0)
        }
    }

    var displayOutput: String { output ?? "Site" }
}
