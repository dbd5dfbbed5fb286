import Foundation

/// Lists the files under a folder, sorted, following symlinks that stay inside the site and
/// reporting symlink loops and links that lead outside the site.
struct ContentWalker {
    /// A regular file found by the walk.
    struct File: Sendable {
        /// Path relative to the site root ("Content/briefings/a.md").
        var relativePath: String
        var absolutePath: String
    }

    let siteRoot: String
    private let realSiteRoot: String

    init(siteRoot: String) {
        self.siteRoot = siteRoot
        self.realSiteRoot = RealPath.resolved(siteRoot) ?? siteRoot
    }

    /// The entries of a folder sorted by name, with their kinds (readdir directly, which
    /// FileManager's listing is not).
    static func entries(in folder: String) -> [(name: String, kind: DirectoryNames.Kind)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        return DirectoryNames.readWithTypes(directory).sorted { $0.name < $1.name }
    }

    /// Walks `relativeFolder` (relative to the site root); hidden files and folders are skipped.
    func files(in relativeFolder: String, diagnostics: inout [Diagnostic]) -> [File] {
        var files: [File] = []
        var visiting: Set<String> = []
        walk(relativeFolder, into: &files, visiting: &visiting, diagnostics: &diagnostics)
        return files
    }

    private func walk(
        _ relative: String, into files: inout [File], visiting: inout Set<String>,
        diagnostics: inout [Diagnostic]
    ) {
        let absolute = siteRoot + "/" + relative
        guard let real = RealPath.resolved(absolute) else {
            diagnostics.append(
                .error(
                    SourceLocation(path: relative), "cannot read folder: \(String(cString: strerror(errno)))")
            )
            return
        }
        guard !visiting.contains(real) else {
            diagnostics.append(
                .error(
                    SourceLocation(path: relative),
                    "symlink loop: this folder leads back into one of its parents"))
            return
        }
        visiting.insert(real)
        defer { visiting.remove(real) }
        guard let entries = Self.entries(in: absolute) else {
            diagnostics.append(
                .error(
                    SourceLocation(path: relative), "cannot read folder: \(String(cString: strerror(errno)))")
            )
            return
        }
        for (name, kind) in entries
        where !name.hasPrefix(".") || (name == ".well-known" && relative == "Content/static") {
            let childRelative = relative + "/" + name
            let childAbsolute = absolute + "/" + name
            if kind == .invalidName {
                diagnostics.append(
                    .error(
                        SourceLocation(path: childRelative),
                        "the name is not valid UTF-8 (shown with \u{FFFD}); rename it, it cannot be read or linked as it is"
                    ))
                continue
            }
            if childAbsolute.utf8.count >= Int(PATH_MAX) {
                diagnostics.append(
                    .error(
                        SourceLocation(path: childRelative),
                        "the path is longer than the system allows (\(PATH_MAX) bytes); shorten a folder or file name"
                    ))
                continue
            }
            // Files and folders as readdir reports them; only links and unknown kinds need lstat.
            if kind == .file {
                files.append(File(relativePath: childRelative, absolutePath: childAbsolute))
                continue
            }
            if kind == .folder {
                walk(childRelative, into: &files, visiting: &visiting, diagnostics: &diagnostics)
                continue
            }
            var info = stat()
            guard lstat(childAbsolute, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = RealPath.resolved(childAbsolute) else {
                    let loops = errno == ELOOP
                    diagnostics.append(
                        .error(
                            SourceLocation(path: childRelative),
                            loops
                                ? "symlink loop: this link leads back to itself"
                                : "broken symlink: its target does not exist"))
                    continue
                }
                guard target == realSiteRoot || target.hasPrefix(realSiteRoot + "/") else {
                    diagnostics.append(
                        .error(
                            SourceLocation(path: childRelative),
                            "symlink leads outside the site, to \(target)"))
                    continue
                }
                guard stat(childAbsolute, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(childRelative, into: &files, visiting: &visiting, diagnostics: &diagnostics)
            case S_IFREG:
                files.append(File(relativePath: childRelative, absolutePath: childAbsolute))
            default:
                let what =
                    switch info.st_mode & S_IFMT {
                    case S_IFIFO: "a named pipe (FIFO)"
                    case S_IFSOCK: "a socket"
                    case S_IFCHR, S_IFBLK: "a device"
                    default: "not a regular file"
                    }
                diagnostics.append(
                    .warning(
                        SourceLocation(path: childRelative), "left out: this is \(what), not a file or folder"
                    ))
            }
        }
    }
}
