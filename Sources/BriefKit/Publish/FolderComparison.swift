import Foundation

/// Whether two folders hold the same files with the same bytes (folders and file modes aside):
/// a publish whose new version equals the live one changes nothing, rollback slot included.
enum FolderComparison {
    /// True when `b` holds exactly the files of `a` and the paths `extra` of its own, with the
    /// same bytes (a top-level build marker aside in either); a link or anything but a plain
    /// file in either makes them differ. `stampsOfA`, when given, are `a`'s files as a build
    /// just recorded them (sorted by path), so `a` is not listed again.
    static func same(_ a: String, _ b: String, extra: Set<String> = [], stampsOfA: [BuildCache.Stamp]? = nil)
        -> Bool
    {
        guard StateFolder.kind(a) == .folder, StateFolder.kind(b) == .folder,
            let mine = stampsOfA ?? BuildCache.stamps(of: a), let right = BuildCache.stamps(of: b)
        else { return false }
        let theirs = right.filter { !extra.contains($0.path) }
        guard mine.map(\.path) == theirs.map(\.path) else { return false }
        let oneDevice = sameDevice(a, b)
        return Array(zip(mine, theirs)).parallelMap { x, y -> Bool in
            // Two links to one file (versions made by `LinkedCopy`) need no reading.
            if oneDevice && x.inode == y.inode && x.size == y.size { return true }
            guard x.size == y.size, StateFolder.kind(a + "/" + x.path) == .file,
                StateFolder.kind(b + "/" + y.path) == .file
            else { return false }
            return FileBytes.read(a + "/" + x.path) == FileBytes.read(b + "/" + y.path)
        }.allSatisfy { $0 }
    }

    /// Whether two folders are on one filesystem (where an inode number names one file).
    private static func sameDevice(_ a: String, _ b: String) -> Bool {
        var x = stat()
        var y = stat()
        return lstat(a, &x) == 0 && lstat(b, &y) == 0 && x.st_dev == y.st_dev
    }
}
