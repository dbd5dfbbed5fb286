import Foundation

extension SiteWriter {
    /// A staging folder being filled. Folders are made once each; files are written with plain
    /// POSIX calls on all cores (FileManager's atomic-write path costs a rename per file).
    public final class Staging: @unchecked Sendable {
        let path: String
        private var folders: Set<String> = []
        public private(set) var filesWritten = 0

        init(path: String) { self.path = path }

        /// Writes a batch of files; folders are created as needed. A file's own folder is made
        /// by the thread that writes it (most pages have one: `briefings/<slug>/index.html`), so
        /// the mkdirs run on all cores too; the folders above it are made first, here.
        public func write(_ files: [OutputFile]) throws {
            var parents: [String?] = []
            parents.reserveCapacity(files.count)
            for file in files {
                guard let slash = file.path.lastIndex(of: "/") else {
                    parents.append(nil)
                    continue
                }
                let folder = String(file.path[..<slash])
                try makeFolder(parentOf: folder)
                parents.append(folders.contains(folder) ? nil : folder)
            }
            let failures = Array(zip(files, parents)).parallelMap { file, parent -> String? in
                if let parent, mkdir(self.path + "/" + parent, 0o755) != 0 && errno != EEXIST {
                    return "cannot create \(parent): \(String(cString: strerror(errno)))"
                }
                let target = self.path + "/" + file.path
                switch file.content {
                case .bytes(let data): return Self.writeFile(target, data)
                case .copy(let source):
                    guard let data = FileManager.default.contents(atPath: source) else {
                        return "cannot read \(source)"
                    }
                    return Self.writeFile(target, data)
                }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
            }
            folders.formUnion(parents.compactMap { $0 })
            filesWritten += files.count
        }

        private func makeFolder(parentOf relative: String) throws {
            guard let slash = relative.lastIndex(of: "/") else { return }
            let folder = String(relative[..<slash])
            guard !folders.contains(folder) else { return }
            try makeFolder(parentOf: folder)
            let absolute = path + "/" + folder
            if mkdir(absolute, 0o755) != 0 && errno != EEXIST {
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
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
