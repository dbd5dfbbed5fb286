import Foundation

extension SiteWriter {
    /// A staging folder being filled. Folders are made once each; files are written with plain
    /// POSIX calls on all cores (FileManager's atomic-write path costs a rename per file).
    public final class Staging: @unchecked Sendable {
        /// The folder that becomes the output.
        let path: String
        /// The folder `path` is in, beside the output (`.Site.brief-staging-PID`); removed
        /// after the swap, with the replaced output in it.
        let holder: String
        /// The lock that tells other builds this holder is in use.
        let owner: FileLock
        /// The real path of the site root: files are copied only from inside it.
        public var sourceRoot = "/"
        /// True when the holder has the ext4 "top folder" attribute, so ext4 places the site in
        /// its emptiest block group rather than beside the output it replaces; elsewhere the
        /// attribute does not exist.
        let spreads: Bool
        private var folders: Set<String> = []
        public private(set) var filesWritten = 0

        /// `path` is an empty folder in `holder`.
        init(path: String, holder: String, spreads: Bool, owner: FileLock) {
            self.path = path
            self.holder = holder
            self.owner = owner
            self.spreads = spreads
        }

        /// Writes a batch of files; folders are created as needed, here and in order, before the
        /// files are written on all cores. Folders are not made in parallel: most pages have one
        /// of their own in the same parent (`briefings/<slug>/index.html`), and on ext4 two
        /// threads making folders in one parent wait on its lock, spinning.
        public func write(_ files: [OutputFile]) throws {
            for file in files {
                if let slash = file.path.lastIndex(of: "/") { try makeFolder(String(file.path[..<slash])) }
            }
            let failures = files.parallelMap { file -> String? in
                let target = self.path + "/" + file.path
                switch file.content {
                case .bytes(let data): return Self.writeFile(target, data)
                case .copy(let source):
                    guard let data = ConfinedFile.read(source, within: self.sourceRoot) else {
                        return "cannot read \(source), or it no longer lies inside the site"
                    }
                    return Self.writeFile(target, data)
                }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
            }
            filesWritten += files.count
        }

        /// Makes `folder` (relative to the staging folder) and the folders above it.
        private func makeFolder(_ folder: String) throws {
            guard !folders.contains(folder) else { return }
            if let slash = folder.lastIndex(of: "/") { try makeFolder(String(folder[..<slash])) }
            if mkdir(self.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw CocoaError(
                    .fileWriteUnknown,
                    userInfo: [
                        NSLocalizedDescriptionKey:
                            "cannot create \(folder): \(String(cString: strerror(errno)))"
                    ])
            }
            folders.insert(folder)
        }

        /// Writes `data` to `path`; returns a reason on failure.
        static func writeFile(_ path: String, _ data: Data) -> String? {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { return "cannot create \(path): \(String(cString: strerror(errno)))" }
            defer { close(fd) }
            return data.withUnsafeBytes { buffer -> String? in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return "cannot write \(path): \(String(cString: strerror(errno)))"
                    }
                    offset += written
                }
                return nil
            }
        }
    }
}
