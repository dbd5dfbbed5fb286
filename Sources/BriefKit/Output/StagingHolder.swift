import Foundation

/// The folder a build stages in, beside the output: `.<output>.brief-staging-<pid>`. Its owner
/// holds a `FileLock` on a file inside it for the whole build; the kernel drops the lock when the
/// process dies, so a later build can tell a killed build's leftovers from a running build's
/// folder and removes only the former.
enum StagingHolder {
    static let lockName = "owner.lock"

    static func name(for output: String, pid: Int32) -> String { ".\(output).brief-staging-\(pid)" }

    /// Removes the staging holders of `output` in `parent` that no live build owns: a real
    /// folder (never a link) named for the output, whose lock is free, or — made before its
    /// lock file — whose process no longer exists.
    static func removeStale(in parent: String, output: String) {
        let prefix = ".\(output).brief-staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where name.hasPrefix(prefix) {
            var digits = name.dropFirst(prefix.count)
            if digits.hasSuffix(".old") { digits = digits.dropLast(4) }
            guard let pid = Int32(digits), pid != getpid() || name.hasSuffix(".old") else { continue }
            let path = parent + "/" + name
            guard StateFolder.kind(path) == .folder, isAbandoned(path, pid: pid) else { continue }
            _ = StateFolder.remove(path)
        }
    }

    private static func isAbandoned(_ holder: String, pid: Int32) -> Bool {
        let lock = holder + "/" + lockName
        if StateFolder.kind(lock) == .file { return FileLock(path: lock, create: false) != nil }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
