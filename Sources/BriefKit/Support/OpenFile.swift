import Foundation

/// A file held open for reads at any offset, from any thread, until its last holder lets it
/// go. What is read is what the file held when it was opened, even after a new file is renamed
/// over its name (the build cache replaces its files so).
final class OpenFile: Sendable {
    /// The path it was opened at, for messages.
    let path: String
    /// Its size in bytes when opened.
    let size: Int
    private let fd: Int32

    /// The regular file at `path`, or nil when it cannot be opened as one.
    init?(path: String) {
        // O_NONBLOCK: a FIFO put where a file was expected must not hang the build.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        self.path = path
        self.fd = fd
        size = Int(info.st_size)
    }

    deinit { close(fd) }

    /// `count` bytes from `offset`, or nil when the file does not hold them all.
    func read(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return nil }
        var whole = true
        // Read into memory not filled first: a body-cache file's list is megabytes.
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            whole = read(at: offset, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = whole ? count : 0
        }
        return whole ? bytes : nil
    }

    /// Reads `count` bytes from `offset` into the front of `buffer` (grown when short: a reader
    /// of many pieces keeps one buffer); false when the file does not hold them all.
    func read(at offset: Int, count: Int, into buffer: inout [UInt8]) -> Bool {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return false }
        guard count > 0 else { return true }
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: max(count, buffer.count * 2)) }
        return buffer.withUnsafeMutableBytes {
            read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<count]))
        }
    }

    /// Fills `room` with the bytes from `offset`; false when the file does not hold them all.
    private func read(at offset: Int, into room: UnsafeMutableRawBufferPointer) -> Bool {
        var total = 0
        while total < room.count {
            let n = pread(fd, room.baseAddress! + total, room.count - total, off_t(offset + total))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            total += n
        }
        return true
    }
}
