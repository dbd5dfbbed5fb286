/// Open addressing from a term's hash (never 0) to its number. A hash stands for its word: two
/// words with one 64-bit hash (odds near n² / 2⁶⁵ for n distinct words) would be one term.
struct HashTable {
    private var hashes: [UInt64]
    private var values: [Int32]
    private var count = 0

    /// A table with room for `capacity` / 2 numbers before it grows (`capacity` a power of
    /// two; 0 for none yet).
    init(capacity: Int) {
        hashes = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
    }

    /// The number stored for `hash`, or `new` after storing it.
    @inline(__always)
    mutating func find(_ hash: UInt64, new: Int32) -> Int32 {
        if hashes.isEmpty { self = HashTable(capacity: 16) }
        let mask = hashes.count - 1
        var slot = Self.slot(hash, mask: mask)
        while true {
            let found = hashes[slot]
            if found == hash { return values[slot] }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        values[slot] = new
        count += 1
        if count * 2 > hashes.count { grow() }
        return new
    }

    @inline(__always)
    static func slot(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = zip(hashes, values).filter { $0.0 != 0 }
        hashes = Array(repeating: 0, count: hashes.count * 2)
        values = Array(repeating: 0, count: hashes.count)
        let mask = hashes.count - 1
        for (hash, value) in old {
            var slot = Self.slot(hash, mask: mask)
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            values[slot] = value
        }
    }
}
