/// One document's words counted while they are read: open addressing from a word's hash to its
/// term number and tally, side by side in one slot, so counting a word seen before reads and
/// writes one place in memory.
struct WordTally {
    private struct Slot {
        var hash: UInt64 = 0
        var term: Int32 = 0
        var tally: UInt32 = 0
    }

    private var slots: [Slot]
    /// How many terms the table holds; a new word gets this number.
    private(set) var count = 0

    /// Room for `capacity` / 2 terms before the table grows (`capacity` a power of two; 0 for
    /// none yet).
    init(capacity: Int) {
        slots = Array(repeating: Slot(), count: capacity)
    }

    /// Adds `amount` to the tally of the word with `hash` (never 0); true when the word is new,
    /// and it then has the number `count - 1`.
    @inline(__always)
    mutating func add(_ hash: UInt64, _ amount: UInt32) -> Bool {
        if slots.isEmpty { slots = Array(repeating: Slot(), count: 16) }
        let mask = slots.count - 1
        var slot = HashTable.slot(hash, mask: mask)
        while true {
            let found = slots[slot].hash
            if found == hash {
                slots[slot].tally &+= amount
                return false
            }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(hash: hash, term: Int32(count), tally: amount)
        count += 1
        if count * 2 > slots.count { grow() }
        return true
    }

    /// Each term's tally, by term number.
    var tallies: [UInt32] {
        var tallies = [UInt32](repeating: 0, count: count)
        for slot in slots where slot.hash != 0 { tallies[Int(slot.term)] = slot.tally }
        return tallies
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.hash != 0 {
            var slot = HashTable.slot(entry.hash, mask: mask)
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
