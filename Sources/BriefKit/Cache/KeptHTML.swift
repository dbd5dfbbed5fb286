import Foundation

/// A briefing's HTML as a body-cache file holds it (`BodyCache`), read only when something
/// shows it: a build after a body edit renders a few pages, and reads a few kept bodies, not
/// every one. The bytes are checked against the output's `htmlKey` when read.
struct KeptHTML: Sendable {
    /// The file, held open from when its list of outputs was read.
    let shard: Shard
    /// Where the stored bytes are in the file, and how many.
    let offset: Int
    let count: Int
    /// The HTML's length in UTF-8 bytes.
    let length: Int
    /// True when the bytes are packed (`PackedText`), as a large site holds its bodies.
    let packed: Bool
    /// The output's `htmlKey`: the hash the stored bytes have (packed bytes hash with seed 1).
    let key: UInt64

    /// One body-cache file, and where a build notes that it did not hold what it listed.
    final class Shard: Sendable {
        let file: OpenFile
        let reads: Reads

        init(file: OpenFile, reads: Reads) {
            self.file = file
            self.reads = reads
        }
    }

    /// The kept bodies one build could not read: their files no longer held them as listed
    /// (changed or damaged). The build then stops before it writes anything.
    final class Reads: Sendable {
        private let failed = Locked<Set<String>>([])

        /// The paths of the files that did not hold a body they listed.
        var unreadable: [String] { failed.withValue { $0.sorted() } }

        /// Notes that `file` did not hold a body it listed, and removes it: the next build then
        /// renders those bodies again instead of trusting it.
        func note(_ file: OpenFile) {
            let first = failed.withValue { $0.insert(file.path).inserted }
            if first { unlink(file.path) }
        }
    }

    /// The stored bytes, when the file holds them as listed; nil (noted) when it does not.
    func storedBytes() -> [UInt8]? {
        let bytes = shard.file.read(at: offset, count: count)
        return checked(bytes?.withUnsafeBytes(holdsKey) ?? false) ? bytes : nil
    }

    /// The HTML; empty when the file no longer holds it (noted: the build stops).
    var text: String {
        guard let bytes = storedBytes() else { return "" }
        return packed
            ? PackedText(packed: bytes, length: length).text : String(decoding: bytes, as: UTF8.self)
    }

    /// Puts the HTML's UTF-8 bytes at the front of `buffer` (grown when short) and returns
    /// their count; 0 when the file no longer holds them (noted: the build stops).
    func utf8(into buffer: inout [UInt8]) -> Int {
        if packed {
            return storedBytes().map { PackedText(packed: $0, length: length).unpack(into: &buffer) } ?? 0
        }
        let read = shard.file.read(at: offset, count: count, into: &buffer)
        return checked(
            read && buffer.withUnsafeBytes { holdsKey(UnsafeRawBufferPointer(rebasing: $0[0..<count])) })
            ? count : 0
    }

    /// True when `bytes` hash as the output's key.
    private func holdsKey(_ bytes: UnsafeRawBufferPointer) -> Bool {
        ContentHash(bytes, seed: packed ? 1 : 0).value == key
    }

    /// `held`, noting the file when the bytes were not there as listed.
    private func checked(_ held: Bool) -> Bool {
        if !held { shard.reads.note(shard.file) }
        return held
    }
}
