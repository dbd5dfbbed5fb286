import Foundation

/// The entries of an open folder, `.` and `..` left out, in the order readdir gives them:
/// FileManager's listing costs several times more per folder.
enum DirectoryNames {
    static func read(_ directory: OpaquePointer) -> [String] {
        readWithTypes(directory).map(\.name)
    }

    /// What readdir says an entry is, so a walk needs no `lstat` for most of them.
    enum Kind {
        case file, folder
        /// A symlink, something else, or a filesystem that does not say (DT_UNKNOWN): ask `lstat`.
        case other
        /// A name that is not valid UTF-8: it cannot be named in a diagnostic or a URL as it is.
        case invalidName
    }

    /// The entries of the open folder `fd` (which stays open) with each one's file type
    /// (`S_IFREG`, `S_IFDIR`, …): readdir's when it says, else `fstatat`'s, never through a
    /// link; 0 when neither can tell. Nil, with `errno` set, when the folder cannot be read.
    static func entries(of fd: Int32) -> [(name: String, mode: mode_t)]? {
        let listing = dup(fd)
        guard listing >= 0 else { return nil }
        guard let directory = fdopendir(listing) else {
            let failure = errno
            close(listing)
            errno = failure
            return nil
        }
        let listed = readWithTypes(directory)
        closedir(directory)
        var entries: [(name: String, mode: mode_t)] = []
        entries.reserveCapacity(listed.count)
        for (name, kind) in listed {
            var mode: mode_t
            switch kind {
            case .file: mode = S_IFREG
            case .folder: mode = S_IFDIR
            case .other, .invalidName:
                var info = stat()
                mode = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info.st_mode & S_IFMT : 0
            }
            entries.append((name, mode))
        }
        return entries
    }

    /// The entries with the kind readdir reports for each.
    static func readWithTypes(_ directory: OpaquePointer) -> [(name: String, kind: Kind)] {
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let (name, valid) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let pointer = raw.bindMemory(to: CChar.self).baseAddress!
                if let name = String(validatingCString: pointer) { return (name, true) }
                return (String(cString: pointer), false)
            }
            guard name != "." && name != ".." else { continue }
            let kind: Kind =
                switch Int32(entry.pointee.d_type) {
                case _ where !valid: .invalidName
                case Int32(DT_REG): .file
                case Int32(DT_DIR): .folder
                default: .other
                }
            entries.append((name, kind))
        }
        return entries
    }
}
