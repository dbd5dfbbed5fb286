import Foundation

/// Whole-file reads with plain POSIX calls (FileManager's are several times slower per file).
public enum FileBytes {
    static func read(_ path: String) -> Data? {
        readReportingError(path).data
    }

    /// The bytes, or nil and the `errno` that stopped the read (EISDIR/EINVAL for a path that
    /// is not a regular file).
    public static func readReportingError(_ path: String) -> (data: Data?, errno: Int32) {
        let (data, _, failure) = readWithInfo(path)
        return (data, failure)
    }

    /// As `readReportingError`, with what `fstat` said of the file before it was read.
    static func readWithInfo(_ path: String) -> (data: Data?, info: stat, errno: Int32) {
        var info = stat()
        // O_NONBLOCK: a FIFO put where a file was expected must not hang the build.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return (nil, info, errno) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return (nil, info, errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return (nil, info, EINVAL) }
        return (readOpen(fd, size: Int(info.st_size)), info, errno)
    }

    /// What `errno` means for a file that could not be read, in words.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case EMFILE, ENFILE:
            "too many files are open (\(String(cString: strerror(code)))); raise the limit (ulimit -n) or close what holds them"
        case EINVAL: "it is not a regular file"
        default: String(cString: strerror(code))
        }
    }

    /// The rest of open file `fd`, expected to be `size` bytes long. Read into memory not
    /// filled first (zeroing the build cache's larger files cost as much as reading them).
    static func readOpen(_ fd: Int32, size: Int) -> Data? {
        guard size > 0 else { return Data() }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let n = Glibc.read(fd, buffer.baseAddress! + total, size - total)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                total += n
            }
            // A file that shrank while being read: keep what is there.
            initialized = total
        }
        return failed ? nil : Data(adopting: bytes)
    }
}
