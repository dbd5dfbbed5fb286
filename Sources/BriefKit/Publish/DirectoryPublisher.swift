import CBriefSystem
import Foundation

/// `brief publish --to DEST`: builds strictly, then switches DEST from the old site to the new
/// one with a single `renameat2(RENAME_EXCHANGE)`, so at every instant — even after a
/// `kill -9` — DEST is one complete version. The old version becomes the rollback slot.
/// Nothing brief did not publish is ever deleted: a foreign folder is refused, and with
/// `--force` its files are set aside in the state folder for good.
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

    func failure(_ diagnostics: [Diagnostic], _ message: String) -> Report {
        Report(
            diagnostics: diagnostics + [.error(SourceLocation(path: place.destination), message)],
            summary: nil)
    }

    /// Why DEST cannot be published to, checked before anything is created: a bad path, a
    /// protected place, something that is not a folder, a link in the state folder, or a
    /// foreign non-empty folder without `--force`.
    func refusal() -> String? {
        if let problem = place.pathProblem { return "the destination: \(problem)" }
        let root = (try? UserPath.absolute(siteRoot).get()) ?? siteRoot
        if let refused = ProtectedPlaces(siteRoot: root).refusal(place.destination, what: "the destination") {
            return refused
        }
        var info = stat()
        if stat(place.destination, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            return "the destination is a file, not a folder; refusing to replace it (publish into a folder)"
        }
        if let problem = StateFolder.entriesProblem(place.state) { return problem }
        if !place.isOurs && !place.destinationIsEmpty && !force {
            return
                "the folder is not empty and was not published by brief; refusing to replace it (--force sets its files aside in \(place.state), never deletes them)"
        }
        return nil
    }

    /// Creates the state folder and takes the lock; the reason when either fails.
    func lockState() -> Result<FileLock, PublishRefusal> {
        if let problem = StateFolder.prepare(place.state) {
            return .failure(PublishRefusal(message: problem))
        }
        guard let lock = FileLock(path: place.lock) else {
            return .failure(
                PublishRefusal(message: "another publish to this destination is running (lock \(place.lock))")
            )
        }
        return .success(lock)
    }

    /// Builds strictly and publishes; `keep` files of the current DEST survive.
    public func publish() -> Report {
        if let refused = refusal() { return failure([], refused) }
        let lock: FileLock
        switch lockState() {
        case .failure(let problem): return failure([], problem.message)
        case .success(let taken): lock = taken
        }
        defer { withExtendedLifetime(lock) {} }
        var timer = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        // Leftovers of a publish that was killed: the half-built next version and its staging.
        _ = StateFolder.remove(place.next)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: place.state)) ?? []
        where name.hasPrefix(".next.brief-staging-") {
            _ = StateFolder.remove(place.state + "/" + name)
        }
        if let problem = StateFolder.remove(place.trash) {
            return failure(
                [],
                "cannot remove \(place.trash), an old version an earlier publish could not delete: \(problem) (an immutable file? see lsattr -R); remove it and publish again"
            )
        }
        // The build folder is updated in place (only changed files are written), and the next
        // version is a linked copy of it: a small edit costs a small build and a link per file.
        let result = SiteBuilder.buildForPublishing(
            siteRoot: siteRoot, output: place.build, baseURL: baseURL, cached: true)
        guard let summary = result.summary else {
            return Report(diagnostics: result.printedDiagnostics, summary: nil)
        }
        timer.lap("publish: build")
        // An up-to-date build read no site.yml: the keep list is read from the one it checked.
        let carried = carriedOver(
            (result.config ?? SiteConfigLoader.loadLeniently(siteRoot: siteRoot))?.publishKeep ?? [])
        var report = Report(diagnostics: result.printedDiagnostics, summary: summary)
        // The new version would be the build and the kept files DEST has: compared before it is made.
        // The build's record has its files' stamps, as the build left them: the build folder is
        // not listed again.
        let built = SiteBuilder.recordedFiles(siteRoot: siteRoot, output: place.build)
        if place.isOurs
            && FolderComparison.same(
                place.build, place.destination, extra: files(under: carried), stampsOfA: built)
        {
            report.messages = ["Nothing to publish: \(place.destination) already holds this site."]
            return report
        }
        timer.lap("publish: compare")
        if let problem = LinkedCopy.make(from: place.build, to: place.next, skipping: [SiteWriter.marker]) {
            _ = StateFolder.remove(place.next)
            return failure(result.printedDiagnostics, "cannot prepare the new version: \(problem)")
        }
        keepFiles(carried)
        timer.lap("publish: linked copy")
        let foreign = !place.isOurs && !place.destinationIsEmpty
        report.messages = ["Published \(summary.counts) to \(place.destination) (\(summary.pages) pages)."]
        // A plain write: Foundation's atomic one leaves a temporary file behind when killed.
        _ = SiteWriter.Staging.writeFile(place.marker, Data("\(place.destination)\n".utf8))
        guard StateFolder.kind(place.destination) != .missing else {
            guard rename(place.next, place.destination) == 0 else {
                return failure(
                    result.printedDiagnostics,
                    "cannot create the destination: \(String(cString: strerror(errno)))")
            }
            return report
        }
        guard brief_exchange_paths(place.next, place.destination) == 0 else {
            return failure(
                result.printedDiagnostics,
                "cannot switch to the new version: \(String(cString: strerror(errno)))")
        }
        // `next` now holds the old version: it becomes the rollback slot.
        defer { timer.lap("publish: switch") }
        return rotate(report, foreign: foreign)
    }

    /// Moves the old version (now in `next`) into the rollback slot; the slot's earlier
    /// contents go to the trash, or are set aside when `--force` had put foreign files there.
    private func rotate(_ published: Report, foreign: Bool) -> Report {
        var report = published
        func failed(_ message: String) -> Report {
            failure(
                report.diagnostics,
                "the new version is live, but \(message); --rollback is not reliable until this is fixed")
        }
        if StateFolder.kind(place.previous) != .missing {
            if StateFolder.kind(place.previousIsForeign) == .file {
                let slot = place.setAsideSlot()
                guard rename(place.previous, slot) == 0 else {
                    return failed("cannot set aside \(place.previous): \(String(cString: strerror(errno)))")
                }
                _ = StateFolder.remove(place.previousIsForeign)
                report.messages.append("The files --force moved aside earlier are kept in \(slot).")
            } else if rename(place.previous, place.trash) != 0 {
                return failed("cannot move the old rollback slot aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(place.next, place.previous) == 0 else {
            return failed(
                "cannot keep the replaced version as the rollback slot: \(String(cString: strerror(errno)))")
        }
        if foreign {
            _ = SiteWriter.Staging.writeFile(place.previousIsForeign, Data("\(place.destination)\n".utf8))
            report.messages.append(
                "The folder's earlier files were moved to \(place.previous) (--rollback brings them back); a later publish sets them aside in \(place.state)/set-aside-N and never deletes them."
            )
        }
        if let problem = StateFolder.remove(place.trash) {
            report.diagnostics.append(
                .warning(
                    SourceLocation(path: place.destination),
                    "published, but the version before the rollback slot could not be deleted from \(place.trash): \(problem); the next publish refuses until it is removed"
                ))
        }
        return report
    }

    /// The `publish.keep` paths the next version takes from the current DEST (files or
    /// folders): those DEST has and the build does not.
    private func carriedOver(_ keep: [String]) -> [String] {
        let manager = FileManager.default
        return keep.map(LinkPass.normalize).filter {
            !$0.isEmpty && manager.fileExists(atPath: place.destination + "/" + $0)
                && !manager.fileExists(atPath: place.build + "/" + $0)
        }
    }

    /// The files under the `carried` paths of DEST, as paths in it.
    private func files(under carried: [String]) -> Set<String> {
        var files = Set<String>()
        for path in carried {
            if StateFolder.kind(place.destination + "/" + path) == .folder {
                for stamp in BuildCache.stamps(of: place.destination + "/" + path) ?? [] {
                    files.insert(path + "/" + stamp.path)
                }
            } else {
                files.insert(path)
            }
        }
        return files
    }

    /// Copies the `carried` paths of the current DEST into the next version.
    private func keepFiles(_ carried: [String]) {
        let manager = FileManager.default
        for path in carried {
            let target = place.next + "/" + path
            try? manager.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? manager.copyItem(atPath: place.destination + "/" + path, toPath: target)
        }
    }
}

/// Why a publish cannot start.
struct PublishRefusal: Error {
    var message: String
}
