/// Finds actor names in text in one pass: at every word start, the word's hash selects the few
/// names that begin with that word, longest first, and the first that matches the bytes exactly
/// (case-sensitive, ending at a word boundary) wins. Cost grows with the text, not with the
/// size of the registry, so a 2,000-actor registry costs little.
public struct MentionMatcher: Sendable {
    struct Pattern: Sendable {
        var bytes: [UInt8]
        var actor: Int
    }

    /// Patterns grouped by the hash of their first word, longest first.
    private var groups: [[Pattern]] = []
    /// An open-addressing table from first-word hash to group: looked up at every word of
    /// every text, so it hashes with FNV and probes linearly instead of using `Dictionary`.
    private var slots: [(hash: UInt64, group: Int)] = []
    private var mask = 0

    public init(names: [(name: String, actor: Int)]) {
        var byFirstWord: [UInt64: [Pattern]] = [:]
        for (name, actor) in names {
            let bytes = Array(name.utf8)
            guard let first = MentionMatcher.firstWord(bytes) else { continue }
            byFirstWord[MentionMatcher.hash(bytes[first]), default: []].append(
                Pattern(bytes: bytes, actor: actor))
        }
        var size = 16
        while size < byFirstWord.count * 3 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: (0, -1), count: size)
        for key in byFirstWord.keys.sorted() {
            let patterns = byFirstWord[key]!.sorted {
                $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.actor < $1.actor
            }
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot].group >= 0 { slot = (slot + 1) & mask }
            slots[slot] = (key, groups.count)
            groups.append(patterns)
        }
    }

    public var isEmpty: Bool { groups.isEmpty }

    private func group(for hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.group < 0 { return nil }
            if entry.hash == hash { return entry.group }
            slot = (slot + 1) & mask
        }
    }

    /// A name found in text: byte range and actor.
    public struct Match: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var actor: Int
    }

    /// Every non-overlapping match in `text`, left to right, longest at each position.
    public func matches(in text: [UInt8]) -> [Match] {
        var found: [Match] = []
        var i = 0
        let count = text.count
        while i < count {
            guard WordBytes.isWordByte(text, at: i),
                i == 0 || !WordBytes.isWordByte(text, at: WordBytes.previous(text, before: i))
            else {
                i += 1
                continue
            }
            var end = i
            while end < count && WordBytes.isWordByte(text, at: end) {
                end = WordBytes.next(text, after: end)
            }
            if !groups.isEmpty, let group = group(for: MentionMatcher.hash(text[i..<end])) {
                for pattern in groups[group] where matchesAt(pattern.bytes, text, i) {
                    let stop = i + pattern.bytes.count
                    if stop == count || !WordBytes.isWordByte(text, at: stop) {
                        found.append(Match(start: i, end: stop, actor: pattern.actor))
                        end = stop
                        break
                    }
                }
            }
            i = end
        }
        return found
    }

    private func matchesAt(_ pattern: [UInt8], _ text: [UInt8], _ start: Int) -> Bool {
        guard start + pattern.count <= text.count else { return false }
        for k in 0..<pattern.count where pattern[k] != text[start + k] { return false }
        return true
    }

    static func firstWord(_ bytes: [UInt8]) -> Range<Int>? {
        guard !bytes.isEmpty, WordBytes.isWordByte(bytes, at: 0) else { return nil }
        var end = 0
        while end < bytes.count && WordBytes.isWordByte(bytes, at: end) {
            end = WordBytes.next(bytes, after: end)
        }
        return 0..<end
    }

    /// FNV-1a over the bytes of a word.
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

/// Word boundaries on UTF-8 bytes: ASCII letters and digits, and non-ASCII letters and digits
/// (decoded only when a byte is not ASCII) make words; everything else separates them.
enum WordBytes {
    @inline(__always)
    static func isWordByte(_ text: [UInt8], at i: Int) -> Bool {
        let byte = text[i]
        if byte < 0x80 { return isASCIIWord(byte) }
        return isNonASCIIWordScalar(text, at: i)
    }

    /// Letters and digits among ASCII bytes (computed, not a table: a global table costs a
    /// lazy-initialisation check on every byte).
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        let letter = byte | 0x20
        return (byte >= 0x30 && byte <= 0x39) || (letter >= 0x61 && letter <= 0x7A)
    }

    static func isNonASCIIWordScalar(_ text: [UInt8], at i: Int) -> Bool {
        guard let scalar = scalar(text, at: i) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The index of the next scalar's first byte.
    static func next(_ text: [UInt8], after i: Int) -> Int {
        var j = i + 1
        while j < text.count && text[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    /// The index of the first byte of the scalar before `i`.
    static func previous(_ text: [UInt8], before i: Int) -> Int {
        var j = i - 1
        while j > 0 && text[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    static func scalar(_ text: [UInt8], at i: Int) -> Unicode.Scalar? {
        let end = next(text, after: i)
        var iterator = text[i..<end].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
