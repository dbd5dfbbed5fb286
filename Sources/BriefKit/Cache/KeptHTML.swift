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
        var bytes: [UInt8] = []
        return read(into: &bytes) ? Array(bytes[0..<count]) : nil
    }

    /// The HTML; empty when the file no longer holds it (noted: the build stops).
    var text: String {
        var bytes: [UInt8] = []
        guard read(into: &bytes) else { return "" }
        if packed { return PackedText(packed: Array(bytes[0..<count]), length: length).text }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    /// Puts the HTML's UTF-8 bytes at the front of `buffer` (grown when short) and returns
    /// their count; 0 when the file no longer holds them (noted: the build stops).
    func utf8(into buffer: inout [UInt8]) -> Int {
        guard packed else { return read(into: &buffer) ? count : 0 }
        var bytes: [UInt8] = []
        guard read(into: &bytes) else { return 0 }
        return PackedText(packed: Array(bytes[0..<count]), length: length).unpack(into: &buffer)
    }

    /// Reads the stored bytes into the front of `buffer` and checks their hash.
    private func read(into buffer: inout [UInt8]) -> Bool {
        let held =
            shard.file.read(at: offset, count: count, into: &buffer)
            && buffer.withUnsafeBytes {
                ContentHash(UnsafeRawBufferPointer(rebasing: $0[0..<count]), seed: packed ? 1 : 0).value
            } == key
        if !held { shard.reads.note(shard.file) }
        return held
    }
}
