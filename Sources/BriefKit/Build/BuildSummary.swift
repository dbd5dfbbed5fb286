import Foundation

/// The one line a successful build ends with.
public struct BuildSummary: Sendable, Codable {
    public var pages: Int
    public var files: Int
    public var entries: Int
    public var actors: Int
    public var topics: Int
    public var seconds: Double
    /// True when the build cache showed nothing had changed, so nothing was written.
    public var upToDate = false
    /// When an existing output folder was updated in place: the files written (their bytes
    /// changed or they are new) and the files removed (no longer made).
    public var written: Int? = nil
    public var removed = 0
    /// When only some files were rendered again (bodies edited alone), how many.
    public var rendered: Int? = nil
    /// `PageJob.planSum` of the build's jobs, in hex: a later build of body edits whose jobs
    /// have the same sum makes the same files (`BodyEdits.jobs`).
    public var plan: String? = nil
    /// What the search index's facet files were made from (`SearchIndex.facetsStamp`): a later
    /// build of body edits with the same renders them again only if it changes.
    public var searchFacets: String? = nil

    public var line: String {
        let time = String(format: "%.2f s", seconds)
        let what = "\(Self.count(pages, "page")) (\(Self.count(files, "file"))): \(counts)"
        if upToDate { return "Up to date, nothing changed: \(what), checked in \(time)" }
        guard let written else { return "Wrote \(what) in \(time)" }
        let removal = removed > 0 ? ", removed \(removed)" : ""
        let rendering = rendered.map { "; \($0) rendered again" } ?? ""
        return "Updated \(written) of \(Self.count(files, "file"))\(removal) "
            + "(\(Self.count(pages, "page"))\(rendering)): \(counts) in \(time)"
    }

    /// "3 briefings, 1 actor, 2 topics".
    public var counts: String {
        [Self.count(entries, "briefing"), Self.count(actors, "actor"), Self.count(topics, "topic")]
            .joined(separator: ", ")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
