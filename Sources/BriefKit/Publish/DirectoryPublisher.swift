import CBriefSystem
import Foundation

/// `brief publish --to DEST`: builds strictly, then switches DEST from the old site to the new
/// one with a single `renameat2(RENAME_EXCHANGE)`, so at every instant — even after a
/// `kill -9` — DEST is one complete version. The old version becomes the rollback slot.
public struct DirectoryPublisher: Sendable {
    public var siteRoot: String
    public var place: PublishPlace
    public var force: Bool
    public var baseURL: String?

    public init(siteRoot: String, destination: String, force: Bool = false, baseURL: String? = nil) {
        self.siteRoot = siteRoot
        self.place = PublishPlace(destination: destination)
        self.force = force
        self.baseURL = baseURL
    }

    /// What a publish did or would do.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var summary: BuildSummary?
        public var changes: TreeChanges?
        public var messages: [String] = []
        public var succeeded: Bool { summary != nil && !diagnostics.contains { $0.severity == .error } }
    }

    private func failure(_ diagnostics: [Diagnostic], _ message: String) -> Report {
        Report(
            diagnostics: diagnostics + [.error(SourceLocation(path: place.destination), message)],
            summary: nil)
    }

    private func prepareState() -> String? {
        do {
            try FileManager.default.createDirectory(atPath: place.state, withIntermediateDirectories: true)
            return nil
        } catch {
            return "cannot create \(place.state): \(error.localizedDescription)"
        }
    }

    /// Builds strictly and publishes; `keep` files of the current DEST survive.
    public func publish() -> Report {
        if let problem = prepareState() { return failure([], problem) }
        guard let lock = PublishLock(path: place.lock) else {
            return failure([], "another publish to this destination is running (lock \(place.lock))")
        }
        defer { withExtendedLifetime(lock) {} }
        if !place.isOurs && !place.destinationIsEmpty && !force {
            return failure(
                [],
                "the folder is not empty and was not published by brief; refusing to replace it (--force moves its files to the rollback slot \(place.previous))"
            )
        }
        let manager = FileManager.default
        // Leftovers of a publish that was killed: the half-built next version and its staging.
        try? manager.removeItem(atPath: place.next)
        for name in (try? manager.contentsOfDirectory(atPath: place.state)) ?? []
        where name.hasPrefix(".next.brief-staging-") {
            try? manager.removeItem(atPath: place.state + "/" + name)
        }
        let options = BuildOptions(
            siteRoot: siteRoot, output: place.next, strict: true, baseURL: baseURL, cache: false)
        let result = SiteBuilder(options: options).build()
        guard let summary = result.summary else {
            try? manager.removeItem(atPath: place.next)
            return Report(diagnostics: result.printedDiagnostics, summary: nil)
        }
        // The build's own marker says "brief wrote this folder"; it is not part of the site.
        try? manager.removeItem(atPath: place.next + "/" + SiteWriter.marker)
        keepFiles(config: result.config?.publishKeep ?? [])
        // A plain write: Foundation's atomic one leaves a temporary file behind when killed.
        _ = SiteWriter.Staging.writeFile(place.marker, Data("\(place.destination)\n".utf8))
        if manager.fileExists(atPath: place.destination) {
            guard brief_exchange_paths(place.next, place.destination) == 0 else {
                return failure(
                    result.printedDiagnostics,
                    "cannot switch to the new version: \(String(cString: strerror(errno)))")
            }
            // `next` now holds the old version: it becomes the rollback slot.
            try? manager.removeItem(atPath: place.trash)
            if manager.fileExists(atPath: place.previous) { _ = rename(place.previous, place.trash) }
            _ = rename(place.next, place.previous)
            try? manager.removeItem(atPath: place.trash)
        } else {
            guard rename(place.next, place.destination) == 0 else {
                return failure(
                    result.printedDiagnostics,
                    "cannot create the destination: \(String(cString: strerror(errno)))")
            }
        }
        return Report(diagnostics: result.printedDiagnostics, summary: summary)
    }

    /// Swaps DEST with the rollback slot; running it again rolls forward.
    public func rollback() -> Report {
        if let problem = prepareState() { return failure([], problem) }
        guard let lock = PublishLock(path: place.lock) else {
            return failure([], "another publish to this destination is running (lock \(place.lock))")
        }
        defer { withExtendedLifetime(lock) {} }
        guard FileManager.default.fileExists(atPath: place.previous) else {
            return failure([], "there is no previous version to roll back to")
        }
        guard place.isOurs else {
            return failure([], "the folder was not published by brief; nothing to roll back")
        }
        guard brief_exchange_paths(place.previous, place.destination) == 0 else {
            return failure([], "cannot switch to the previous version: \(String(cString: strerror(errno)))")
        }
        var report = Report(
            diagnostics: [],
            summary: BuildSummary(pages: 0, files: 0, entries: 0, actors: 0, topics: 0, seconds: 0))
        report.messages = [
            "Rolled \(place.destination) back to the previous version (run --rollback again to undo)."
        ]
        return report
    }

    /// Renders strictly in memory and compares with DEST; writes nothing.
    public func dryRun() -> Report {
        var rendered: [String: OutputFile.Content] = [:]
        let options = BuildOptions(siteRoot: siteRoot, strict: true, baseURL: baseURL, writes: false)
        let result = SiteBuilder(options: options).build { files in
            for file in files { rendered[file.path] = file.content }
        }
        guard let summary = result.summary else {
            return Report(diagnostics: result.printedDiagnostics, summary: nil)
        }
        if !place.isOurs && !place.destinationIsEmpty && !force {
            return failure(
                result.printedDiagnostics,
                "the folder is not empty and was not published by brief; a publish would be refused (--force moves its files to the rollback slot)"
            )
        }
        let changes = TreeChanges.compare(
            rendered: rendered, published: place.destination, keep: Set(result.config?.publishKeep ?? []))
        return Report(diagnostics: result.printedDiagnostics, summary: summary, changes: changes)
    }

    /// Copies each `publish.keep` path of the current DEST into the next version, unless the
    /// new build has a file of its own there.
    private func keepFiles(config keep: [String]) {
        let manager = FileManager.default
        for path in keep {
            let clean = LinkPass.normalize(path)
            guard !clean.isEmpty else { continue }
            let source = place.destination + "/" + clean
            let target = place.next + "/" + clean
            guard manager.fileExists(atPath: source), !manager.fileExists(atPath: target) else { continue }
            try? manager.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? manager.copyItem(atPath: source, toPath: target)
        }
    }
}
