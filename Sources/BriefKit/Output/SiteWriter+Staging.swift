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
        /// What the output folder holds when this build updates it in place (nil for a new
        /// output): files whose bytes it already holds are not written again.
        public var known: OutputState?
        /// Whether to keep each file's content hash (for the build cache's record).
        public var keepsHashes = false
        /// The content hash of every file the build made, by path (when kept or updating).
        public private(set) var hashes: [String: UInt64] = [:]
        /// Files written to the staging folder, which `commit` moves into an existing output.
        public private(set) var staged: [String] = []
        /// True once `keepAllKnown` kept every file of the folder; then the paths whose hash was
        /// set since, in the order set.
        public private(set) var keptAllKnown = false
        public private(set) var setSinceKeepingAll: [String] = []

        /// `path` is an empty folder in `holder`.
        init(path: String, holder: String, spreads: Bool, owner: FileLock) {
            self.path = path
            self.holder = holder
            self.owner = owner
            self.spreads = spreads
        }

        /// Counts a file the build makes, but did not render again, as made with this hash: the
        /// output folder holds it already (as the last build recorded), and the update keeps it.
        func keep(_ path: String, hash: UInt64) {
            set(path, hash: hash)
        }

        /// Counts every file the output folder holds (`known`) as made with the hash it has:
        /// for a build that makes the same files and renders only some again (their hashes are
        /// set when written).
        func keepAllKnown() {
            hashes = known?.hashes ?? [:]
            keptAllKnown = true
        }

        private func set(_ path: String, hash: UInt64) {
            hashes[path] = hash
            if keptAllKnown { setSinceKeepingAll.append(path) }
        }

        /// Writes a batch of files; folders are created as needed, here and in order, before the
        /// files are written on all cores. Folders are not made in parallel: most pages have one
        /// of their own in the same parent (`briefings/<slug>/index.html`), and on ext4 two
        /// threads making folders in one parent wait on its lock, spinning.
        public func write(_ files: [OutputFile]) throws {
            guard known != nil || keepsHashes else { return try writeAll(files) }
            // Each file's bytes (a copy is read from the site here) and hash, on all cores.
            let loaded = files.parallelMap { file -> Result<(Data, UInt64), Failure> in
                Self.bytes(of: file, within: self.sourceRoot).map { ($0, ContentHash($0).value) }
            }
            var changed: [OutputFile] = []
            for (file, result) in zip(files, loaded) {
                let (data, hash) = try result.get()
                set(file.path, hash: hash)
                if known?.holds(file.path, hash: hash) != true {
                    changed.append(OutputFile(path: file.path, content: .bytes(data)))
                }
            }
            try writeAll(changed)
            if known != nil { staged += changed.map(\.path) }
        }

        /// Writes `files` into the staging folder.
        private func writeAll(_ files: [OutputFile]) throws {
            for file in files {
                // On the UTF-8 view: a path's separators are ASCII, and Characters cost more.
                if let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    try makeFolder(String(file.path[..<slash]))
                }
            }
            let failures = files.parallelMap { file -> String? in
                switch Self.bytes(of: file, within: self.sourceRoot) {
                case .success(let data): return Self.writeFile(self.path + "/" + file.path, data)
                case .failure(let failure): return failure.reason
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw Failure(reason: failure) }
            filesWritten += files.count
        }

        /// A file that cannot be made, and why.
        struct Failure: Error, CustomStringConvertible {
            var reason: String
            var description: String { reason }
        }

        /// The bytes of `file`; a copy only from inside `root`.
        private static func bytes(of file: OutputFile, within root: String) -> Result<Data, Failure> {
            switch file.content {
            case .bytes(let data): return .success(data)
            case .copy(let source):
                guard let data = ConfinedFile.read(source, within: root) else {
                    return .failure(
                        Failure(reason: "cannot read \(source), or it no longer lies inside the site"))
                }
                return .success(data)
            }
        }

        /// Makes `folder` (relative to the staging folder) and the folders above it.
        private func makeFolder(_ folder: String) throws {
            guard !folders.contains(folder) else { return }
            if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                try makeFolder(String(folder[..<slash]))
            }
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
