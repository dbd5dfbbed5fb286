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
