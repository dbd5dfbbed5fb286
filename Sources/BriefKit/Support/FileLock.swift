import Foundation

/// An exclusive `flock` on a file, taken without waiting: a second holder fails at once instead
/// of interleaving with the first. The kernel releases it when the process dies, so a killed
/// holder never leaves a stale lock. Publishing locks a file beside the destination; a build
/// locks a file in its staging folder. The file is opened without following a link.
final class FileLock: @unchecked Sendable {
    private var fd: Int32

    /// Takes the lock on `path` (made when `create` and missing); nil when another holds it or
    /// the file cannot be opened.
    init?(path: String, create: Bool = true) {
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    /// Lets the lock go before the object does.
    func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}
