import Foundation

extension SiteWriter {
    /// Brings an existing output folder up to date from `staging`, which holds only the files
    /// whose bytes changed: the files the build no longer makes are removed (and the folders they
    /// leave empty), then each staged file is renamed into place. Nothing else in the folder is
    /// touched, so an edit costs what it changes and no whole tree is deleted. Folders are
    /// opened one name at a time without following links, so a link planted in the output
    /// cannot send a write or a delete elsewhere: whatever is in the way of a folder is removed.
    ///
    /// The files removed, or why the folder could not be brought up to date (the next
    /// build reads the folder again and repairs it).
    func update(_ staging: Staging) -> Result<[String], Diagnostic> {
        defer { discard(staging) }
        let root = open(outputPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else {
            return .failure(failure("cannot update the output folder: \(String(cString: strerror(errno)))"))
        }
        defer { close(root) }
        var problems: [String] = []
        // Every file of the folder is still made when the build kept them all.
        let held = staging.keptAllKnown ? Array(staging.known?.others ?? []) : staging.known?.paths ?? []
        let stale = held.filter { staging.hashes[$0] == nil }
        for (folder, names) in Dictionary(grouping: stale, by: Self.folder(of:)) {
            guard let fd = OutputFolder.open(folder, in: root, creating: false) else { continue }
            for name in names where unlinkat(fd, Self.name(of: name), 0) != 0 && errno != ENOENT {
                problems.append("cannot remove \(name): \(String(cString: strerror(errno)))")
            }
            close(fd)
        }
        OutputFolder.removeIfEmpty(Set(stale.map(Self.folder(of:))), in: root)
        for (folder, names) in Dictionary(grouping: staging.staged, by: Self.folder(of:)) {
            guard let fd = OutputFolder.open(folder, in: root, creating: true) else {
                problems.append("cannot create \(folder): \(String(cString: strerror(errno)))")
                continue
            }
            for name in names
            where renameat(AT_FDCWD, staging.path + "/" + name, fd, Self.name(of: name)) != 0 {
                problems.append("cannot write \(name): \(String(cString: strerror(errno)))")
            }
            close(fd)
        }
        // Folders found on disk that the site does not fill (made by hand) go too.
        if let found = staging.known?.folders, !found.isEmpty {
            OutputFolder.removeIfEmpty(Set(found), in: root)
        }
        if faccessat(root, SiteWriter.marker, F_OK, AT_SYMLINK_NOFOLLOW) != 0 {
            let fd = openat(root, SiteWriter.marker, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 {
                _ = SiteWriter.markerText.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            } else {
                problems.append("cannot write \(SiteWriter.marker): \(String(cString: strerror(errno)))")
            }
        }
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            return .failure(failure("cannot update the output folder: \(first)\(more)"))
        }
        return .success(stale)
    }

    /// "briefings/x" for "briefings/x/index.html"; "" for a file at the top.
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// `folders` and every folder above each ("" for the top is left out): "a/b" gives "a/b"
    /// and "a".
    static func withParents(_ folders: some Sequence<String>) -> Set<String> {
        var all = Set<String>()
        for folder in folders {
            var current = folder
            while !current.isEmpty && all.insert(current).inserted {
                current = SiteWriter.folder(of: current)
            }
        }
        return all
    }

    /// "index.html" for "briefings/x/index.html".
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}

/// Folders inside an output folder, reached from its descriptor one name at a time, never
/// through a link.
enum OutputFolder {
    /// A descriptor for `folder` (relative; "" is `root` itself), or nil. With `creating`,
    /// missing folders are made, and a file or link in the way of one is removed first.
    static func open(_ folder: String, in root: Int32, creating: Bool) -> Int32? {
        var fd = dup(root)
        guard fd >= 0 else { return nil }
        for name in folder.split(separator: "/").map(String.init) {
            var next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && creating {
                if errno == ENOTDIR || errno == ELOOP { unlinkat(fd, name, 0) }
                if mkdirat(fd, name, 0o755) == 0 || errno == EEXIST {
                    next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
            }
            close(fd)
            guard next >= 0 else { return nil }
            fd = next
        }
        return fd
    }

    /// Removes each of `folders` that is empty, and then each folder above it that is left
    /// empty, deepest first; a folder with anything in it stays.
    static func removeIfEmpty(_ folders: Set<String>, in root: Int32) {
        let deepestFirst = SiteWriter.withParents(folders).sorted {
            $0.split(separator: "/").count > $1.split(separator: "/").count
        }
        for folder in deepestFirst {
            guard let fd = open(SiteWriter.folder(of: folder), in: root, creating: false) else { continue }
            unlinkat(fd, SiteWriter.name(of: folder), AT_REMOVEDIR)
            close(fd)
        }
    }
}
