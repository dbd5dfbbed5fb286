import Foundation

extension SiteWriter {
    /// A staging folder being filled. Folders are made once each; files are written with plain
    /// POSIX calls on all cores (FileManager's atomic-write path costs a rename per file).
    public final class Staging: @unchecked Sendable {
        let path: String
        /// True when the staging folder has the ext4 "top folder" attribute, so the site is
        /// placed away from the last output (see `makeTopFolder`); the staging folder sets it
        /// when made and `finishSpreading` clears it. Elsewhere the attribute does not exist.
        let spreads: Bool
        private var folders: Set<String> = []
        /// Where top-level folders are made before they are renamed into place (see
        /// `makeTopFolder`); made on first use.
        private var nursery: String?
        public private(set) var filesWritten = 0

        init(path: String) {
            self.path = path
            self.spreads = TopFolder.set(path, true)
        }

        /// Writes a batch of files; folders are created as needed, here and in order, before the
        /// files are written on all cores. Folders are not made in parallel: most pages have one
        /// of their own in the same parent (`briefings/<slug>/index.html`), and on ext4 two
        /// threads making folders in one parent wait on its lock, spinning (2% of a 10k build).
        public func write(_ files: [OutputFile]) throws {
            for file in files {
                if let slash = file.path.lastIndex(of: "/") { try makeFolder(String(file.path[..<slash])) }
            }
            let failures = files.parallelMap { file -> String? in
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
            filesWritten += files.count
        }

        /// Makes `folder` (relative to the staging folder) and the folders above it.
        private func makeFolder(_ folder: String) throws {
            guard !folders.contains(folder) else { return }
            if let slash = folder.lastIndex(of: "/") {
                try makeFolder(String(folder[..<slash]))
                if mkdir(path + "/" + folder, 0o755) != 0 && errno != EEXIST { throw Self.failure(folder) }
            } else {
                try makeTopFolder(folder)
            }
            folders.insert(folder)
        }

        /// Makes a top-level folder (`briefings`, `actors`, …). When the staging folder spreads,
        /// the folder is made inside one folder of a random name (`nursery`) and then renamed
        /// into place. ext4 puts a folder made in a "top folder" in the emptiest block group
        /// found from a hash of its name, and the folders and files made under it beside it; a
        /// fixed name would land where the last build's output was. There, on an ext4 without a
        /// journal, every new file queues behind the inodes that output freed (the kernel will not
        /// reuse an inode for a minute after it was freed, and looks at each one again for every
        /// file it creates): consecutive builds took 4 to 10 times as long. One random folder
        /// for all of them, not one each, so a build takes few block groups and the next build
        /// seldom lands in one of them.
        private func makeTopFolder(_ name: String) throws {
            let target = path + "/" + name
            guard spreads else {
                if mkdir(target, 0o755) != 0 && errno != EEXIST { throw Self.failure(name) }
                return
            }
            if nursery == nil {
                let made = path + "/.brief-folder-" + String(UInt64.random(in: .min ... .max), radix: 16)
                guard mkdir(made, 0o755) == 0 else { throw Self.failure(name) }
                nursery = made
            }
            let made = nursery! + "/" + name
            guard mkdir(made, 0o755) == 0 else { throw Self.failure(name) }
            guard rename(made, target) == 0 else {
                let reason = Self.failure(name)
                rmdir(made)
                throw reason
            }
        }

        /// Before the swap: removes the (by then empty) folder top-level folders were made in,
        /// and the staging folder's attribute, so the output keeps nothing of either.
        func finishSpreading() {
            guard spreads else { return }
            if let nursery { rmdir(nursery) }
            nursery = nil
            TopFolder.set(path, false)
        }

        private static func failure(_ folder: String) -> CocoaError {
            CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSLocalizedDescriptionKey: "cannot create \(folder): \(String(cString: strerror(errno)))"
                ])
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
