import Foundation

/// The output folder as the build cache sees it: every file's and folder's stamp, read by
/// walking the folder or checked one recorded path at a time, and the record's stamps brought up
/// to date after an update.
extension BuildCache {
    /// The stamps of every file under `folder` (the marker aside), sorted by path; nil when
    /// the folder cannot be read.
    public static func stamps(of folder: String) -> [Stamp]? { tree(of: folder)?.files }

    /// The stamps of every file under `folder` (the marker aside) and of every folder ("." for
    /// `folder` itself), each sorted by path; nil when the folder cannot be read. Folders are
    /// read through descriptors, so each stat is one name lookup, not a whole path.
    static func tree(of folder: String) -> (files: [Stamp], folders: [Stamp])? {
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        defer { close(root) }
        var info = stat()
        guard fstat(root, &info) == 0 else { return nil }
        // Level by level, each level's folders on all cores: a 10k site has 10,000 of them.
        var stamps: [Stamp] = []
        var folders = [Stamp(path: ".", info)]
        var level = [""]
        while !level.isEmpty {
            let listed = level.parallelMap { list(root, $0) }
            level = []
            for result in listed {
                guard let (files, found) = result else { return nil }
                stamps += files
                folders += found
                level += found.map(\.path)
            }
        }
        return (stamps.sorted(by: Stamp.byPath), folders.sorted(by: Stamp.byPath))
    }

    /// True when every file and folder `record` stamped in `folder` still has its stamp, and
    /// the marker is there: nothing was written, added or removed since. Each is looked up by
    /// its path from the folder's descriptor, without listing any folder. `serially`: on the
    /// calling thread alone (a thread of its own, beside work that uses the other cores).
    static func verify(_ record: Record, in folder: String, serially: Bool = false) -> Bool {
        guard !record.folders.isEmpty, record.hashes.count == record.files.count else { return false }
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return false }
        defer { close(root) }
        var marker = stat()
        guard fstatat(root, SiteWriter.marker, &marker, AT_SYMLINK_NOFOLLOW) == 0,
            (marker.st_mode & S_IFMT) == S_IFREG
        else { return false }
        func holds(_ stamp: Stamp, _ kind: mode_t) -> Bool {
            var info = stat()
            let found =
                stamp.path == "." ? fstat(root, &info) : fstatat(root, stamp.path, &info, AT_SYMLINK_NOFOLLOW)
            return found == 0 && (info.st_mode & S_IFMT) == kind && Stamp(path: stamp.path, info) == stamp
        }
        func holds(_ i: Int) -> Bool {
            i < record.files.count
                ? holds(record.files[i], S_IFREG) : holds(record.folders[i - record.files.count], S_IFDIR)
        }
        let count = record.files.count + record.folders.count
        if serially { return (0..<count).allSatisfy(holds) }
        // In pieces of 1,024 on all cores.
        let pieces = stride(from: 0, to: count, by: 1024).map { $0 }
        return pieces.parallelMap { start -> Bool in
            (start..<min(start + 1024, count)).allSatisfy(holds)
        }.allSatisfy { $0 }
    }

    /// The hash of each of `stamps` (in path order) as `staging` has it: when it kept every
    /// file of the folder `previous` records (and `stamps` are that record's files, restamped),
    /// the record's hashes with those set since put in; else each looked up by path.
    static func hashes(of stamps: [Stamp], in staging: SiteWriter.Staging, previous: Record?) -> [UInt64] {
        guard staging.keptAllKnown, let previous, previous.files.count == stamps.count else {
            return stamps.compactMap { staging.hashes[$0.path] }
        }
        var hashes = previous.hashes
        for path in staging.setSinceKeepingAll {
            guard let place = place(of: path, in: stamps), let hash = staging.hashes[path] else { return [] }
            hashes[place] = hash
        }
        return hashes
    }

    /// Where the stamp of `path` is in `stamps` (in path order), found by halving.
    private static func place(of path: String, in stamps: [Stamp]) -> Int? {
        var (low, high) = (0, stamps.count)
        while low < high {
            let middle = (low + high) / 2
            if stamps[middle].path.utf8.lexicographicallyPrecedes(path.utf8) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < stamps.count && stamps[low].path == path ? low : nil
    }

    /// The files and folders of `record` after the files at `removed` went and the files at
    /// `written` were (re)written in `folder`: only those and the folders above them are looked
    /// at again. Nil when a written file cannot be stamped.
    static func restamped(_ record: Record, removed: [String], written: [String], in folder: String)
        -> (files: [Stamp], folders: [Stamp])?
    {
        var files: [String: Stamp?] = Dictionary(removed.map { ($0, nil) }, uniquingKeysWith: { a, _ in a })
        for path in written {
            var info = stat()
            guard lstat(folder + "/" + path, &info) == 0 else { return nil }
            files[path] = Stamp(path: path, info)
        }
        var touched = SiteWriter.withParents((removed + written).map(SiteWriter.folder(of:)))
        touched.insert(".")
        var folders: [String: Stamp?] = [:]
        for path in touched {
            var info = stat()
            let found =
                lstat(path == "." ? folder : folder + "/" + path, &info) == 0
                && (info.st_mode & S_IFMT) == S_IFDIR
            folders[path] = found ? Stamp(path: path, info) : nil
        }
        return (merging(files, into: record.files), merging(folders, into: record.folders))
    }

    /// `stamps` (in path order) with `changes` made: a path mapped to nil is removed, any other
    /// is replaced or added in its place. Only the changes are sorted.
    private static func merging(_ changes: [String: Stamp?], into stamps: [Stamp]) -> [Stamp] {
        guard !changes.isEmpty else { return stamps }
        // A few stamps replaced (files written again, their folders): each found by its path.
        if changes.count * 64 < stamps.count {
            var result = stamps
            var replacedAll = true
            for (path, change) in changes {
                guard let change, let place = place(of: path, in: result) else {
                    replacedAll = false
                    break
                }
                result[place] = change
            }
            if replacedAll { return result }
        }
        var result: [Stamp] = []
        result.reserveCapacity(stamps.count + changes.count)
        var seen = Set<String>()
        for stamp in stamps {
            guard let change = changes[stamp.path] else {
                result.append(stamp)
                continue
            }
            seen.insert(stamp.path)
            if let replaced = change { result.append(replaced) }
        }
        let added = changes.compactMap { seen.contains($0.key) ? nil : $0.value }.sorted(by: Stamp.byPath)
        guard !added.isEmpty else { return result }
        // Two sorted lists into one.
        var merged: [Stamp] = []
        merged.reserveCapacity(result.count + added.count)
        var (i, j) = (0, 0)
        while i < result.count || j < added.count {
            if j == added.count || (i < result.count && Stamp.byPath(result[i], added[j])) {
                merged.append(result[i])
                i += 1
            } else {
                merged.append(added[j])
                j += 1
            }
        }
        return merged
    }

    /// The files and the folders (stamped) directly in `relative` under the folder `root`.
    private static func list(_ root: Int32, _ relative: String) -> ([Stamp], [Stamp])? {
        let fd = relative.isEmpty ? dup(root) : openat(root, relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard let directory = fdopendir(fd) else {
            close(fd)
            return nil
        }
        defer { closedir(directory) }
        let prefix = relative.isEmpty ? "" : relative + "/"
        var files: [Stamp] = []
        var folders: [Stamp] = []
        for name in DirectoryNames.read(directory) {
            if relative.isEmpty && name == SiteWriter.marker { continue }
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(Stamp(path: prefix + name, info))
            } else {
                files.append(Stamp(path: prefix + name, info))
            }
        }
        return (files, folders)
    }
}

extension BuildCache.Stamp {
    /// What `lstat` said of a file or folder at `path`.
    init(path: String, _ info: stat) {
        self.init(
            path: path, size: Int64(info.st_size), inode: UInt64(info.st_ino), seconds: info.st_mtim.tv_sec,
            nanoseconds: info.st_mtim.tv_nsec)
    }
}
