/// A 64-bit hash of a word's bytes, added one at a time: eight bytes are gathered into a word
/// (a shift and an or per byte, no multiply) and each full word is mixed in. A word of up to
/// seven bytes (most words) is its own hash, its bytes beside its length, so no two of them
/// collide; longer words end with a mix. `brief_find_words` (C) hashes ASCII words the same
/// way, from whole 8-byte loads; `WordScannerTests` hold the two together.
struct WordHasher {
    private var gathered: UInt64 = 0
    private var mixed: UInt64 = 0
    private var length: UInt64 = 0

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        gathered = gathered << 8 | UInt64(byte)
        length &+= 1
        if length & 7 == 0 {
            mixed = Self.mix(mixed ^ gathered)
            gathered = 0
        }
    }

    var hash: UInt64 {
        length < 8 ? gathered | length << 56 : Self.mix(mixed ^ gathered ^ length << 56)
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = WordHasher()
        for byte in bytes { hasher.add(byte) }
        return hasher.hash
    }

    /// A bijection that spreads every input bit over the output (splitmix64's finaliser).
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
