import Foundation

/// Reads a file only if, once opened, it really lies inside a given folder. The check is made
/// on the open descriptor (`/proc/self/fd/N`), so a symlink planted after the build, or swapped
/// in between the check and the read, cannot make brief copy or serve a file from elsewhere.
public enum ConfinedFile {
    /// The bytes of `path` when it is a regular file inside `root` (a real path); else nil.
    public static func read(_ path: String, within root: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard let opened = openedPath(fd), RealPath.isInside(opened, root) else { return nil }
        return FileBytes.readOpen(fd, size: Int(info.st_size))
    }

    /// The real path of what descriptor `fd` has open.
    private static func openedPath(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(fd)", &buffer, Int(PATH_MAX))
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The real path of a site root, for `read(_:within:)`.
    public static func root(of siteRoot: String) -> String {
        RealPath.of((try? UserPath.absolute(siteRoot).get()) ?? siteRoot)
    }
}
