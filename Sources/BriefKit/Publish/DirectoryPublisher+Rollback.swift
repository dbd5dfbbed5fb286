import CBriefSystem
import Foundation

extension DirectoryPublisher {
    /// Swaps DEST with the rollback slot; running it again rolls forward.
    public func rollback() -> Report {
        if let problem = place.pathProblem { return failure([], "the destination: \(problem)") }
        if let problem = StateFolder.entriesProblem(place.state) { return failure([], problem) }
        guard StateFolder.kind(place.previous) == .folder else {
            return failure([], "there is no previous version to roll back to")
        }
        guard place.isOurs else {
            return failure([], "the folder was not published by brief; nothing to roll back")
        }
        let lock: FileLock
        switch lockState() {
        case .failure(let problem): return failure([], problem.message)
        case .success(let taken): lock = taken
        }
        defer { withExtendedLifetime(lock) {} }
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
        if let refused = refusal() {
            return failure(result.printedDiagnostics, "a publish would be refused: " + refused)
        }
        let changes = TreeChanges.compare(
            rendered: rendered, published: place.destination, keep: Set(result.config?.publishKeep ?? []))
        return Report(diagnostics: result.printedDiagnostics, summary: summary, changes: changes)
    }
}
