import CBriefScan

/// Finds actor names in text in one pass, through a trie of words: at every word start the
/// text's words are followed down the trie (each word looked up by its hash), and of the names
/// that end on the way and match the bytes exactly (case-sensitive, ending at a word boundary)
/// the longest wins. Cost grows with the text, not with the registry: thousands of actors
/// sharing a first name cost no more than one.
public struct MentionMatcher: Sendable {
    struct Pattern: Sendable {
        var bytes: [UInt8]
        var actor: Int
    }

    /// Names that end at each trie node (node 0 is the root), longest first.
    private var terminals: [[Pattern]] = [[]]
    /// Trie edges in an open-addressing table: (parent node, word hash) → child node.
    private var slots: [(hash: UInt64, parent: Int32, child: Int32)] = []
    private var mask = 0
    /// The most bytes between two words of any name, so a walk stops at longer gaps.
    private var longestGap = 0
    /// The bytes a name can start with, as a 256-bit set: a word starting with any other byte
    /// (most words of prose, which names do not start with lowercase) is skipped unhashed.
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The ASCII bytes names start with lie in `lowestFirst ..< lowestFirst + firstSpan`
    /// (capital letters, mostly): a block of 16 bytes with none of those and no non-ASCII byte
    /// starts no name, and running text is mostly such blocks (`brief_skip_plain_blocks`).
    private var lowestFirst: UInt8 = 0
    private var firstSpan: UInt8 = 0
    /// The hashes of names' first words, as a set of `firstWordBits` bits (a bit per hash, by
    /// its low bits): most capitalised words of prose start no name, and this small set,
    /// which stays in the cache, turns them away before the edge table (which does not) is read.
    private var firstWords: [UInt64] = []
    private static let firstWordBits = 1 << 15

    public init(names: [(name: String, actor: Int)]) {
        var edges: [Edge: Int32] = [:]
        for (name, actor) in names {
            let bytes = Array(name.utf8)
            let words = MentionMatcher.words(bytes)
            guard let first = words.first, first.lowerBound == 0 else { continue }
            addFirstByte(bytes[0])
            var node: Int32 = 0
            for (n, word) in words.enumerated() {
                if n > 0 { longestGap = max(longestGap, word.lowerBound - words[n - 1].upperBound) }
                let edge = Edge(
                    parent: node,
                    hash: bytes.withUnsafeBufferPointer { MentionMatcher.hash(.init(rebasing: $0[word])) })
                if let child = edges[edge] {
                    node = child
                } else {
                    node = Int32(terminals.count)
                    terminals.append([])
                    edges[edge] = node
                }
            }
            terminals[Int(node)].append(Pattern(bytes: bytes, actor: actor))
        }
        for i in terminals.indices {
            terminals[i].sort {
                $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.actor < $1.actor
            }
        }
        let asciiFirsts = (UInt8(0)..<0x80).filter { mayStartName($0) }
        if let low = asciiFirsts.first, let high = asciiFirsts.last {
            lowestFirst = low
            firstSpan = high - low + 1
        }
        var size = 16
        while size < edges.count * 3 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: (0, -1, -1), count: size)
        firstWords = Array(repeating: 0, count: Self.firstWordBits / 64)
        for edge in edges.keys where edge.parent == 0 {
            let bit = Int(truncatingIfNeeded: edge.hash) & (Self.firstWordBits - 1)
            firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for (edge, child) in edges.sorted(by: { $0.value < $1.value }) {
            var slot = Self.slot(edge.parent, edge.hash) & mask
            while slots[slot].child >= 0 { slot = (slot + 1) & mask }
            slots[slot] = (edge.hash, edge.parent, child)
        }
    }

    private struct Edge: Hashable {
        var parent: Int32
        var hash: UInt64
    }

    public var isEmpty: Bool { terminals.count == 1 }

    private mutating func addFirstByte(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: firstBytes.0 |= bit
        case 1: firstBytes.1 |= bit
        case 2: firstBytes.2 |= bit
        default: firstBytes.3 |= bit
        }
    }

    @inline(__always)
    private func mayStartName(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = firstBytes.0
        case 1: word = firstBytes.1
        case 2: word = firstBytes.2
        default: word = firstBytes.3
        }
        return word & (UInt64(1) << (byte & 63)) != 0
    }

    @inline(__always)
    private static func slot(_ parent: Int32, _ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15))
    }

    private func child(of parent: Int32, word hash: UInt64) -> Int32? {
        if parent == 0 {
            let bit = Int(truncatingIfNeeded: hash) & (Self.firstWordBits - 1)
            guard firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        }
        var slot = Self.slot(parent, hash) & mask
        while true {
            let entry = slots[slot]
            if entry.child < 0 { return nil }
            if entry.hash == hash && entry.parent == parent { return entry.child }
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
        guard !isEmpty else { return [] }
        return text.withUnsafeBufferPointer { matches(in: $0) }
    }

    private func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        var found: [Match] = []
        var i = 0
        let count = text.count
        // `i` only ever lands on a word's first byte, a non-word byte, or the end: words are
        // skipped whole, so no byte needs a look back at the one before it.
        while i < count {
            if i + 16 <= count {
                var j = brief_skip_plain_blocks(text.baseAddress, count, i, lowestFirst, firstSpan)
                if j > i {
                    // The blocks were ASCII, so a word running into `j` began in them and starts no name.
                    if ASCII.isLetterOrDigit(text[j - 1]) { j = WordBytes.wordEnd(text, from: j) }
                    i = j
                    continue
                }
            }
            let byte = text[i]
            if byte < 0x80 && !ASCII.isLetterOrDigit(byte) {
                i += 1
                continue
            }
            guard WordBytes.isWordByte(text, at: i) else {
                i = WordBytes.next(text, after: i)
                continue
            }
            guard mayStartName(byte) else {
                i = WordBytes.wordEnd(text, from: i)
                continue
            }
            var node: Int32 = 0
            var wordStart = i
            var firstWordEnd = -1
            var best: Match?
            while true {
                let end = WordBytes.wordEnd(text, from: wordStart)
                if firstWordEnd < 0 { firstWordEnd = end }
                guard
                    let child = child(
                        of: node,
                        word: MentionMatcher.hash(UnsafeBufferPointer(rebasing: text[wordStart..<end])))
                else { break }
                node = child
                for pattern in terminals[Int(node)] where matchesAt(pattern.bytes, text, i) {
                    let stop = i + pattern.bytes.count
                    guard stop == count || !WordBytes.isWordByte(text, at: stop) else { continue }
                    if best == nil || stop > best!.end || (stop == best!.end && pattern.actor < best!.actor) {
                        best = Match(start: i, end: stop, actor: pattern.actor)
                    }
                    break
                }
                var next = end
                while next < count && next - end <= longestGap && !WordBytes.isWordByte(text, at: next) {
                    next = WordBytes.next(text, after: next)
                }
                guard next < count, next - end <= longestGap else { break }
                wordStart = next
            }
            if let best {
                found.append(best)
                i = best.end
            } else {
                i = firstWordEnd
            }
        }
        return found
    }

    private func matchesAt(_ pattern: [UInt8], _ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard start + pattern.count <= text.count else { return false }
        for k in 0..<pattern.count where pattern[k] != text[start + k] { return false }
        return true
    }

    /// The byte ranges of the words of `bytes`.
    static func words(_ array: [UInt8]) -> [Range<Int>] {
        array.withUnsafeBufferPointer { words($0) }
    }

    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            guard WordBytes.isWordByte(bytes, at: i) else {
                i = WordBytes.next(bytes, after: i)
                continue
            }
            let end = WordBytes.wordEnd(bytes, from: i)
            words.append(i..<end)
            i = end
        }
        return words
    }

    /// FNV-1a over the bytes of a word.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
    static func isWordByte(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let byte = text[i]
        if byte < 0x80 { return ASCII.isLetterOrDigit(byte) }
        return isNonASCIIWordScalar(text, at: i)
    }

    static func isNonASCIIWordScalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard let scalar = scalar(text, at: i) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The end of the word starting at `i`: ASCII bytes are decided inline, others decoded.
    @inline(__always)
    static func wordEnd(_ text: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var end = i
        while end < text.count {
            let byte = text[end]
            if byte < 0x80 {
                guard ASCII.isLetterOrDigit(byte) else { break }
                end += 1
            } else {
                guard isNonASCIIWordScalar(text, at: end) else { break }
                end = next(text, after: end)
            }
        }
        return end
    }

    /// The index of the next scalar's first byte.
    static func next(_ text: UnsafeBufferPointer<UInt8>, after i: Int) -> Int {
        var j = i + 1
        while j < text.count && text[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    static func scalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        let end = next(text, after: i)
        var iterator = text[i..<end].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
