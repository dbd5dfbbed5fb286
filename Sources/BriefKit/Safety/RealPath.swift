import Foundation

/// The real path of a place that may not exist yet: the real path of its deepest existing
/// ancestor (every symlink resolved) followed by the names still to be made. Two paths that
/// name one folder through different links get the same answer, so checks compare real places.
enum RealPath {
    /// `realpath(3)` of a place that exists; nil (with `errno` set) when it cannot be resolved.
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func of(_ absolute: String) -> String {
        var existing = absolute
        var rest: [String] = []
        while true {
            if let base = resolved(existing) {
                guard !rest.isEmpty else { return base }
                return (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard existing != "/" && !existing.isEmpty else { return absolute }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    /// True when `path` is `folder` or lies inside it (both real paths).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }
}
