import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches a site's `site.yml`, `Content/` and `Templates/` with inotify. inotify is not
/// recursive, so every folder gets its own watch, including folders created later. Saves
/// through a temporary file and a rename arrive as `IN_MOVED_TO` and count like writes;
/// editor scratch files (hidden, `~`, `.swp`) are ignored.
final class Watcher: @unchecked Sendable {
    private let root: String
    private let onChange: @Sendable (String) -> Void
    private var fd: Int32 = -1
    private var folders: [Int32: String] = [:]
    private let lock = NSLock()
    private var stopped = false

    init(root: String, onChange: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.onChange = onChange
    }

    private static let mask: UInt32 = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF)

    func start() throws {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        addWatch(root, recursive: false)
        for folder in ["Content", "Templates"] { addWatch(root + "/" + folder, recursive: true) }
        let thread = Thread { [self] in loop() }
        thread.name = "brief-watcher"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private func addWatch(_ path: String, recursive: Bool) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return
        }
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd >= 0 {
            lock.lock()
            folders[wd] = path
            lock.unlock()
        }
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return
        }
        for name in names where !name.hasPrefix(".") { addWatch(path + "/" + name, recursive: true) }
    }

    private static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasPrefix("#") || name.hasSuffix(".tmp")
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            lock.lock()
            let done = stopped
            lock.unlock()
            if done { break }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                handle(wd: wd, mask: mask, name: name)
            }
        }
        close(fd)
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        lock.lock()
        let folder = folders[wd]
        lock.unlock()
        guard let folder else { return }
        if folder == root && !["site.yml", "Content", "Templates"].contains(name) { return }
        if !name.isEmpty && Self.ignored(name) { return }
        let path = name.isEmpty ? folder : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            addWatch(path, recursive: true)
        }
        if mask & UInt32(IN_IGNORED) != 0 { return }
        onChange(path)
    }
}
