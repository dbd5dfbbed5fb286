/// Looks names and aliases up through `NameKey`, telling found, ambiguous and unknown apart.
///
/// A key that is some entry's own name resolves to it even when it is another entry's alias;
/// an alias that two entries share resolves nothing (Kim Jong Un and Kim Yong Hyun are both "Kim").
public struct NameRegistry: Sendable {
    /// What a name resolves to.
    public enum Match: Sendable, Equatable {
        case found(Int)
        case ambiguous([Int])
        case unknown

        var isFound: Bool {
            if case .found = self { return true }
            return false
        }
    }

    private var byName: [String: [Int]] = [:]
    private var byAlias: [String: [Int]] = [:]
    /// Display names by id, for did-you-mean suggestions.
    public private(set) var names: [String] = []
    /// The normalized form of each of `names`, made once: a suggestion compares against all.
    private var keys: [String] = []
    /// The normalized aliases of suggestable entries, with their entry: a name close to an
    /// alias (`Zelenskiy` for the alias `Zelenskyy`) is offered the entry's name.
    private var aliasKeys: [(key: String, id: Int)] = []

    public init() {}

    /// Registers entry `id` under its name and aliases; only `suggestable` names (those of
    /// registry files) are offered by `suggestion(for:)`.
    public mutating func add(id: Int, name: String, aliases: [String], suggestable: Bool = true) {
        while names.count <= id {
            names.append("")
            keys.append("")
        }
        let key = NameKey.normalize(name)
        names[id] = suggestable ? name : ""
        keys[id] = suggestable ? key : ""

        byName[key, default: []].append(id)
        for alias in aliases {
            let key = NameKey.normalize(alias)
            if byAlias[key]?.contains(id) != true { byAlias[key, default: []].append(id) }
            if suggestable { aliasKeys.append((key, id)) }
        }
    }

    public func match(_ name: String) -> Match {
        let key = NameKey.normalize(name)
        if let ids = byName[key] {
            return ids.count == 1 ? .found(ids[0]) : .ambiguous(ids.sorted())
        }
        if let ids = byAlias[key] {
            return ids.count == 1 ? .found(ids[0]) : .ambiguous(ids.sorted())
        }
        return .unknown
    }

    /// The registered name closest to `name` by edit distance, for "did you mean …?": its
    /// own name, or the name of the entry whose alias is closest (an alias two entries share
    /// is never offered).
    public func suggestion(for name: String) -> String? {
        let key = NameKey.normalize(name)
        let length = key.unicodeScalars.count
        let limit = max(3, key.count / 2)
        var best: (Int, String)?
        func consider(_ candidateKey: String, _ candidate: String) {
            // Keys whose lengths differ by more than the limit cannot be within it.
            guard abs(candidateKey.unicodeScalars.count - length) <= limit else { return }
            let distance = EditDistance.between(key, candidateKey)
            if best == nil || distance < best!.0 || (distance == best!.0 && candidate < best!.1) {
                best = (distance, candidate)
            }
        }
        for (candidate, candidateKey) in zip(names, keys) where !candidate.isEmpty {
            consider(candidateKey, candidate)
        }
        for (aliasKey, id) in aliasKeys where byAlias[aliasKey]?.count == 1 && !names[id].isEmpty {
            consider(aliasKey, names[id])
        }
        guard let best, best.0 <= limit else { return nil }
        return best.1
    }

    /// Every alias key shared by more than one entry, with the ids sharing it.
    public var ambiguousAliases: [String: [Int]] {
        byAlias.filter { $0.value.count > 1 }
    }
}
