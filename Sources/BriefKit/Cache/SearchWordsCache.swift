import Foundation

/// The search words of the last build (`KeptWords`), kept in the build cache beside the kept
/// bodies (`<record>.bodies/words`): a build with the cache reads again only the briefings
/// whose texts changed (`SearchIndex.key(ofEntry:)`), and the index it makes is the one a build
/// without the cache makes. The file is the header (the format and the brief that wrote it:
/// another brief's words are not taken), then each array of `KeptWords` as its byte
/// count and its bytes (in this machine's byte order: the cache is not shared between
/// machines), then a hash of those bytes; a file that does not end
/// with the hash of what it holds, or whose parts disagree, is not read.
public struct SearchWordsCache: Sendable {
    /// The file.
    let path: String
    /// The brief whose words are taken (this one; another in tests).
    var brief = BriefVersion.identity
    /// The key of the model this build indexes (`ResolvedModelCache.key`; 0 when not known),
    /// kept with the words (`KeptWords.modelKey`).
    var modelKey: UInt64 = 0

    /// The records of the index made from these words, kept beside them.
    var records: SearchRecordsCache {
        SearchRecordsCache(path: (path as NSString).deletingLastPathComponent + "/records", brief: brief)
    }

    /// The format and the brief that wrote the file: another brief may read words otherwise,
    /// so its words are not taken.
    private var header: [UInt8] { Array("brief-words 2 \(brief)\n".utf8) }

    /// The words kept, or nil when there are none (or none that can be trusted).
    func load() -> KeptWords? {
        guard StateFolder.kind(path) == .file, let data = FileBytes.read(path) else {
            return nil
        }
        let header = header
        return data.withUnsafeBytes { raw -> KeptWords? in
            guard raw.count > header.count, raw.starts(with: header) else { return nil }
            var position = header.count
            var hash: UInt64 = 0
            func section<T: FixedWidthInteger>(_: T.Type) -> [T]? {
                guard position + 8 <= raw.count else { return nil }
                let count = Int(exactly: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                position += 8
                let stride = MemoryLayout<T>.stride
                guard let count, count <= raw.count - position, count % stride == 0 else { return nil }
                let bytes = UnsafeRawBufferPointer(rebasing: raw[position..<(position + count)])
                hash = ContentHash(bytes, seed: hash).value
                position += count
                return [T](unsafeUninitializedCapacity: count / stride) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
                    initialized = count / stride
                }
            }
            guard let termHashes = section(UInt64.self), let termEnds = section(UInt32.self),
                let termBytes = section(UInt8.self), let keys = section(UInt64.self),
                let wordEnds = section(UInt32.self), let ids = section(UInt32.self),
                let weights = section(UInt8.self), let frontKeys = section(UInt64.self),
                let modelKey = section(UInt64.self), modelKey.count == 1, position + 8 == raw.count,
                raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) == hash
            else { return nil }
            let words = KeptWords(
                termHashes: termHashes, termEnds: termEnds, termBytes: termBytes, keys: keys,
                frontKeys: frontKeys, modelKey: modelKey[0], wordEnds: wordEnds, ids: ids, weights: weights)
            return words.isConsistent ? words : nil
        }
    }

    /// Keeps `words`, replacing the file whole (written beside it, then renamed over it); a
    /// cache that cannot be written only costs the next build time.
    func save(_ words: KeptWords) {
        let folder = (path as NSString).deletingLastPathComponent
        guard StateFolder.prepare(folder) == nil else { return }
        let partial = path + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return }
        var written = true
        func put(_ bytes: UnsafeRawBufferPointer) {
            var offset = 0
            while written && offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { written = false }
            }
        }
        var hash: UInt64 = 0
        func section<T: FixedWidthInteger>(_ values: [T]) {
            values.withUnsafeBytes { bytes in
                withUnsafeBytes(of: UInt64(bytes.count)) { put($0) }
                if !bytes.isEmpty { put(bytes) }
                hash = ContentHash(bytes, seed: hash).value
            }
        }
        header.withUnsafeBytes { put($0) }
        section(words.termHashes)
        section(words.termEnds)
        section(words.termBytes)
        section(words.keys)
        section(words.wordEnds)
        section(words.ids)
        section(words.weights)
        section(words.frontKeys)
        section([words.modelKey])
        withUnsafeBytes(of: hash) { put($0) }
        if close(fd) != 0 { written = false }
        if !written || rename(partial, path) != 0 { unlink(partial) }
    }
}
