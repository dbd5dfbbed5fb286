import Foundation

/// A path as a user typed it, made absolute the way brief documents: a leading `~` or `~/`
/// means `$HOME` (never the user database, so a quoted `'~/x'` under `sudo` or a changed
/// `HOME` goes where the user's shell would put it), `~name` stays a plain relative name, and
/// relative paths start from the current folder. `.` and `..` are folded by text; symlinks are
/// resolved only where a path is checked (`RealPath`).
public enum UserPath {
    /// Why a path cannot be used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case noHome
        case notText

        public var description: String {
            switch self {
            case .empty: "the path is empty; name a folder"
            case .noHome: "the path starts with '~' but HOME is not set"
            case .notText: "the path contains a NUL byte"
            }
        }
    }

    /// The absolute, lexically normalized form of `path`.
    public static func absolute(
        _ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"],
        currentFolder: String = FileManager.default.currentDirectoryPath
    ) -> Result<String, Problem> {
        guard !path.isEmpty else { return .failure(.empty) }
        guard !path.utf8.contains(0) else { return .failure(.notText) }
        var expanded = path
        if path == "~" || path.hasPrefix("~/") {
            guard let home, !home.isEmpty else { return .failure(.noHome) }
            expanded = home + path.dropFirst()
        }
        if !expanded.hasPrefix("/") { expanded = currentFolder + "/" + expanded }
        return .success(normalize(expanded))
    }

    /// Folds `//`, `/./` and `/x/../` in an absolute path; `..` above the root stays at the root.
    static func normalize(_ absolute: String) -> String {
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
