import CBriefSystem
import Foundation

/// Stage 6: the only stage that writes. Files go into a staging folder beside the output (same
/// filesystem), in batches, so a failed build leaves the previous output exactly as it was. A
/// new output folder is the staging folder renamed; an existing one is updated in place with
/// only the files whose bytes changed (`update`), and no stale file survives either way.
public struct SiteWriter: Sendable {
    /// Name of the marker file that says "brief wrote this folder".
    public static let marker = ".brief-output"
    static let markerText = Data(
        "This folder is written by brief; each build updates it and removes the files it no longer makes.\n"
            .utf8)

    public let outputPath: String
    /// How the output folder is named in diagnostics (as the user gave it).
    public let displayPath: String
    public let force: Bool

    public init(outputPath: String, displayPath: String, force: Bool) {
        self.outputPath = outputPath
        self.displayPath = displayPath
        self.force = force
    }

    func failure(_ message: String) -> Diagnostic {
        .error(SourceLocation(path: displayPath), message)
    }

    /// Checks the output folder and creates an empty staging folder beside it.
    public func prepare() -> Result<Staging, Diagnostic> {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: outputPath, isDirectory: &isFolder) {
            guard isFolder.boolValue else { return .failure(failure("output path is a file, not a folder")) }
            let contents = (try? manager.contentsOfDirectory(atPath: outputPath)) ?? []
            if !contents.isEmpty && !contents.contains(SiteWriter.marker) && !force {
                return .failure(
                    failure(
                        "output folder is not empty and was not written by brief; refusing to replace it (use --force to replace it)"
                    ))
            }
        }
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        let holder = parent + "/" + StagingHolder.name(for: name, pid: getpid())
        // On ext4 the holder has the "top folder" attribute, and the random name decides in
        // which block group ext4 places the site (see docs/performance.md).
        let staging = holder + "/site-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let spreads: Bool
        let owner: FileLock
        StagingHolder.removeStale(in: parent, output: name)
        do {
            if let problem = StateFolder.remove(holder) {
                return .failure(failure("cannot remove the stale staging folder \(holder): \(problem)"))
            }
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard mkdir(holder, 0o755) == 0 else {
                return .failure(
                    failure("cannot create the staging folder \(holder): \(String(cString: strerror(errno)))")
                )
            }
            guard let claimed = FileLock(path: holder + "/" + StagingHolder.lockName) else {
                try? manager.removeItem(atPath: holder)
                return .failure(failure("cannot lock the staging folder \(holder)"))
            }
            owner = claimed
            spreads = TopFolder.set(holder, true)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            // Without its marker the next build would take the output for someone else's.
            if let problem = Staging.writeFile(staging + "/" + SiteWriter.marker, SiteWriter.markerText) {
                try? manager.removeItem(atPath: holder)
                return .failure(failure("cannot write the output folder: \(problem)"))
            }
        } catch {
            try? manager.removeItem(atPath: holder)
            return .failure(failure("cannot write the output folder: \(Self.reason(error))"))
        }
        return .success(Staging(path: staging, holder: holder, spreads: spreads, owner: owner))
    }

    /// Puts the staged site in place of the output folder in one step.
    public func commit(_ staging: Staging) -> Diagnostic? {
        let manager = FileManager.default
        if manager.fileExists(atPath: outputPath) {
            // The old output goes into the staging holder, and is removed with it.
            if brief_exchange_paths(staging.path, outputPath) == 0 {
                discard(staging)
                return nil
            }
            // Filesystems without RENAME_EXCHANGE: two renames, with the old site kept until the end.
            let old = staging.holder + ".old"
            guard rename(outputPath, old) == 0 else {
                discard(staging)
                return failure("cannot replace the output folder: \(String(cString: strerror(errno)))")
            }
            guard rename(staging.path, outputPath) == 0 else {
                _ = rename(old, outputPath)
                discard(staging)
                return failure("cannot replace the output folder: \(String(cString: strerror(errno)))")
            }
            try? manager.removeItem(atPath: old)
            discard(staging)
            return nil
        }
        guard rename(staging.path, outputPath) == 0 else {
            discard(staging)
            return failure("cannot create the output folder: \(String(cString: strerror(errno)))")
        }
        discard(staging)
        return nil
    }

    /// Removes the staging holder and whatever is left in it.
    public func discard(_ staging: Staging) {
        try? FileManager.default.removeItem(atPath: staging.holder)
        staging.owner.release()
    }

    static func reason(_ error: Error) -> String {
        if let failure = error as? Staging.Failure { return failure.reason }
        if let cocoa = error as? CocoaError,
            let description = cocoa.userInfo[NSLocalizedDescriptionKey] as? String
        {
            return description
        }
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
