import Foundation

extension Data {
    /// The bytes of `bytes` without copying them: the Data reads the array's own storage and
    /// keeps the array alive until it is released. A rendered page is built as an array, and is
    /// not copied again to be written.
    init(adopting bytes: consuming [UInt8]) {
        guard !bytes.isEmpty else {
            self.init()
            return
        }
        let storage = ArrayStorage(consume bytes)
        self.init(
            bytesNoCopy: storage.start, count: storage.bytes.count,
            deallocator: .custom { _, _ in storage.release() })
    }
}

/// Holds an array whose buffer a Data reads; the array is never changed while the Data lives.
private final class ArrayStorage: @unchecked Sendable {
    var bytes: [UInt8]
    let start: UnsafeMutableRawPointer

    init(_ bytes: consuming [UInt8]) {
        self.bytes = consume bytes
        // The array was handed over, so its buffer is not shared and this reads it in place (a
        // shared one would be copied first); the pointer stays valid while `bytes` is kept.
        start = self.bytes.withUnsafeMutableBytes { $0.baseAddress! }
    }

    func release() { bytes = [] }
}
