import Foundation

/// A copy of a folder whose files are hard links to the original's: a new version of a
/// published site made from the publish's build folder costs a link per file, not a copy of
/// its bytes. Safe because brief never writes into an existing file: a build replaces a
/// changed file by renaming a new one over its name, which leaves every other link to the old
/// bytes as it was. Where links cannot be made (another filesystem, one without hard links)
/// the bytes are copied. Links inside the source are never followed.
enum LinkedCopy {
    /// Copies the folder `source` to `target` (which must not exist), leaving out the entries
    /// at the top named in `skipping`; the first problem, or nil.
    static func make(from source: String, to target: String, skipping: Set<String> = []) -> String? {
        let from = open(source, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard from >= 0 else { return "cannot read \(source): \(String(cString: strerror(errno)))" }
        defer { close(from) }
        guard mkdir(target, 0o755) == 0 else {
            return "cannot create \(target): \(String(cString: strerror(errno)))"
        }
        let to = open(target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard to >= 0 else { return "cannot open \(target): \(String(cString: strerror(errno)))" }
        defer { close(to) }
        return copy(from, to, path: "", skipping: skipping)
    }

    private static func copy(_ from: Int32, _ to: Int32, path: String, skipping: Set<String>) -> String? {
        guard let entries = DirectoryNames.entries(of: from) else {
            return "cannot read \(path): \(String(cString: strerror(errno)))"
        }
        for (name, mode) in entries where !skipping.contains(name) {
            switch mode {
            case S_IFDIR:
                guard mkdirat(to, name, 0o755) == 0 || errno == EEXIST else {
                    return "cannot create \(path)\(name): \(String(cString: strerror(errno)))"
                }
                let child = openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                let target = openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                defer {
                    if child >= 0 { close(child) }
                    if target >= 0 { close(target) }
                }
                guard child >= 0, target >= 0 else { return "cannot open \(path)\(name)" }
                if let problem = copy(child, target, path: path + name + "/", skipping: []) { return problem }
            case S_IFREG:
                if linkat(from, name, to, name, 0) == 0 { continue }
                if let problem = copyBytes(from, to, name: name, path: path) { return problem }
            default:
                continue
            }
        }
        return nil
    }

    /// Copies one file's bytes, for when it cannot be linked.
    private static func copyBytes(_ from: Int32, _ to: Int32, name: String, path: String) -> String? {
        let input = openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { return "cannot read \(path)\(name): \(String(cString: strerror(errno)))" }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, let data = FileBytes.readOpen(input, size: Int(info.st_size)) else {
            return "cannot read \(path)\(name)"
        }
        let output = openat(to, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { return "cannot create \(path)\(name): \(String(cString: strerror(errno)))" }
        defer { close(output) }
        let written = data.withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
        return written == data.count ? nil : "cannot write \(path)\(name)"
    }
}
