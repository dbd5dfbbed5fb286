import Foundation

/// A folder brief keeps its own state in (a publish's `.DEST.brief/`): made without following
/// links, and refused when it, or anything brief would use inside it, is a symlink or not of
/// the expected kind — a planted link must never send a delete or a write elsewhere.
enum StateFolder {
    /// What `lstat` says a path is, without following a link.
    enum Kind: Equatable {
        case missing, folder, file, symlink, other
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Checks `path` (made when missing, its parents too) and every entry in it; returns why it
    /// cannot be used, or nil.
    static func prepare(_ path: String) -> String? {
        switch kind(path) {
        case .folder: break
        case .missing:
            let parent = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                return "cannot create \(parent): \(SiteWriter.reason(error))"
            }
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                return "cannot create \(path): \(String(cString: strerror(errno)))"
            }
            guard kind(path) == .folder else { return refusal(path) }
        default: return refusal(path)
        }
        return entriesProblem(path)
    }

    /// Why an existing state folder cannot be used (a link in it), or nil; never creates it.
    static func entriesProblem(_ path: String) -> String? {
        guard kind(path) == .folder else { return kind(path) == .missing ? nil : refusal(path) }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            let entry = path + "/" + name
            if kind(entry) == .symlink { return refusal(entry) }
        }
        return nil
    }

    private static func refusal(_ path: String) -> String {
        let what = kind(path) == .symlink ? "a symlink" : "not a plain folder or file"
        return
            "\(path) is \(what); brief keeps its state only in real folders and never follows links there; remove it and try again"
    }

    /// Removes `path` (a file, a link, or a whole folder, never following links); the first
    /// failure ("index.html: Operation not permitted") when it cannot, after removing the rest.
    static func remove(_ path: String) -> String? {
        switch kind(path) {
        case .missing: return nil
        case .folder:
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { return "\(path): \(String(cString: strerror(errno)))" }
            var failure = removeContents(of: fd, path: path)
            close(fd)
            if rmdir(path) != 0, failure == nil { failure = "\(path): \(String(cString: strerror(errno)))" }
            return failure
        default:
            return unlink(path) == 0 ? nil : "\(path): \(String(cString: strerror(errno)))"
        }
    }

    /// Removes everything in the open folder `fd` (at `path`, for messages), through
    /// descriptors: one name lookup per entry, never through a link.
    private static func removeContents(of fd: Int32, path: String) -> String? {
        guard let entries = DirectoryNames.entries(of: fd) else {
            return "\(path): \(String(cString: strerror(errno)))"
        }
        var failure: String?
        for (name, mode) in entries {
            if mode == S_IFDIR {
                let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    if let problem = removeContents(of: child, path: path + "/" + name), failure == nil {
                        failure = problem
                    }
                    close(child)
                }
                if unlinkat(fd, name, AT_REMOVEDIR) != 0, failure == nil {
                    failure = "\(path)/\(name): \(String(cString: strerror(errno)))"
                }
            } else if unlinkat(fd, name, 0) != 0, failure == nil {
                failure = "\(path)/\(name): \(String(cString: strerror(errno)))"
            }
        }
        return failure
    }
}
