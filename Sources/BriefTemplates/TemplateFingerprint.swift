extension TemplateValue {
    /// A 64-bit fingerprint of this value, with `text` hashing each string: equal values (objects
    /// with their keys in the same order) have equal fingerprints, and unequal ones almost never
    /// do. An object whose fingerprint was kept (`TemplateFields.keepFingerprint`, given the
    /// same `text`) is not walked again, and gives what walking it would: a value has one
    /// fingerprint whichever of its objects kept theirs. The build cache compares pages'
    /// contexts by these.
    public func fingerprint(hashingText text: (String) -> UInt64) -> UInt64 {
        var state = FingerprintState()
        state.add(self, text)
        return state.value
    }
}

/// The running state of a fingerprint: each word is mixed in by a bijection of the state, so
/// two sequences that differ in one word never end equal, and more differences cancel only by
/// chance (about 2⁻⁶⁴).
struct FingerprintState {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    mutating func mix(_ word: UInt64) {
        var h = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        value = h
    }

    mutating func add(_ item: TemplateValue, _ text: (String) -> UInt64) {
        switch item {
        case .null: mix(1)
        case .bool(let flag): mix(flag ? 2 : 3)
        case .int(let number):
            mix(4)
            mix(UInt64(bitPattern: Int64(number)))
        case .double(let number):
            mix(5)
            mix(number.bitPattern)
        case .string(let string):
            mix(6)
            mix(text(string))
        case .list(let items):
            mix(7)
            mix(UInt64(items.count))
            for element in items { add(element, text) }
        case .object(let fields):
            // An object enters as its own fingerprint, kept or taken now: the same either way,
            // so a context is fingerprinted alike whichever of its objects carry theirs.
            mix(9)
            mix(Self.value(of: fields, text))
        }
    }

    /// The fingerprint of an object (never 0): the one it kept, else its entries' in order.
    static func value(of fields: TemplateFields, _ text: (String) -> UInt64) -> UInt64 {
        if fields.keptFingerprint != 0 { return fields.keptFingerprint }
        var state = FingerprintState()
        state.mix(8)
        state.mix(UInt64(fields.count))
        fields.forEachEntry { hash, value in
            state.mix(hash)
            state.add(value, text)
        }
        return state.value == 0 ? 1 : state.value
    }
}
