/// An object in a template context: its keys, in the order they were set, each with a hash
/// computed once. A tag's name is hashed once, when its template is compiled, so looking it up
/// compares integers along a short array instead of hashing the name again for every object of
/// every page. Context objects have a few dozen keys at most.
public struct TemplateFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        var hash: UInt64
        var key: String
        var value: TemplateValue
    }

    private var entries: [Entry] = []
    /// The fingerprint `keepFingerprint(hashingText:)` computed; 0 when none is kept, and
    /// after any change.
    private(set) var keptFingerprint: UInt64 = 0

    public init() {}

    /// A later value for the same key replaces the earlier one.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    /// The first value for each key is kept, later ones are ignored.
    package init(keepingFirst pairs: some Sequence<(String, TemplateValue)>) {
        for (key, value) in pairs where self[key] == nil { self[key] = value }
    }

    /// FNV-1a over the key's UTF-8 bytes, read where the string holds them (a context sets
    /// dozens of keys, each hashed).
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = key.utf8.span
        for i in bytes.indices {
            hash ^= UInt64(bytes[i])
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    // Reads each entry's fields in place: `firstIndex(where:)` would copy every entry it passes
    // (retaining its key and value) just to compare a hash.
    @inline(__always)
    private func index(of key: String, hash: UInt64) -> Int? {
        var i = 0
        while i < entries.count {
            if entries[i].hash == hash && entries[i].key == key { return i }
            i += 1
        }
        return nil
    }

    /// The value of `key`, whose `hash(_:)` is `hash`.
    @inline(__always)
    func value(forKey key: String, hash: UInt64) -> TemplateValue? {
        index(of: key, hash: hash).map { entries[$0].value }
    }

    public subscript(key: String) -> TemplateValue? {
        get { value(forKey: key, hash: Self.hash(key)) }
        set {
            keptFingerprint = 0
            let hash = Self.hash(key)
            switch (index(of: key, hash: hash), newValue) {
            case (let i?, let value?): entries[i].value = value
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append(Entry(hash: hash, key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// In the order they were set.
    public var keys: [String] { entries.map(\.key) }

    /// Each key's hash and value, in the order they were set.
    func forEachEntry(_ body: (UInt64, TemplateValue) -> Void) {
        for entry in entries { body(entry.hash, entry.value) }
    }

    /// Computes this object's fingerprint once, for every page whose context holds it (a
    /// briefing's card is on a dozen pages); `text` must be the function the fingerprints of
    /// those contexts are taken with.
    public mutating func keepFingerprint(hashingText text: (String) -> UInt64) {
        keptFingerprint = FingerprintState.value(of: self, text)
    }

    /// The keys and values with the keys in order, for output that must not depend on the
    /// order a context was built in.
    package var sortedByKey: [(key: String, value: TemplateValue)] {
        entries.map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
    }

    public mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    public func mapValues<T>(_ transform: (TemplateValue) throws -> T) rethrows -> [String: T] {
        var mapped: [String: T] = [:]
        for entry in entries { mapped[entry.key] = try transform(entry.value) }
        return mapped
    }

    /// Equal when they have the same keys with equal values, in whatever order they were set.
    public static func == (a: TemplateFields, b: TemplateFields) -> Bool {
        a.count == b.count && a.entries.allSatisfy { b.value(forKey: $0.key, hash: $0.hash) == $0.value }
    }
}
