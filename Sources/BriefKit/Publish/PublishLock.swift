import Foundation

/// An exclusive `flock` on a file beside the destination: a second publish to the same place
/// fails at once with a clear message instead of interleaving with the first. The kernel
/// releases it when the process dies, so a killed publish never leaves a stale lock.
final class PublishLock {
    private let fd: Int32

    init?(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
