/// An item (claim, judgement, indicator) as lists show it: a tracked item once, however many
/// briefings list it, or a one-off item where it is written.
public enum TrackedRef: Sendable, Hashable {
    case tracked(Int)
    case oneOff(entry: Int, item: Int)
}

/// Who and what each claim concerns, for the claim lists of actor, topic, source and claims
/// pages. Every list is newest first: a tracked claim sits where its latest step is.
public struct ClaimIndex: Sendable {
    /// Every claim.
    public var all: [TrackedRef] = []
    /// Per actor: claims it made (`by` in any step), and claims it denied.
    public var madeBy: [[TrackedRef]]
    public var deniedBy: [[TrackedRef]]
    /// Per topic: the claims of its briefings.
    public var byTopic: [[TrackedRef]]
    /// Per registered source: the claims drawn from it (in any step).
    public var bySource: [[TrackedRef]]
    /// Per registered source: the briefings whose publisher it is or that draw a claim from
    /// it, newest first.
    public var entriesBySource: [[Int]]

    public init(model: SiteModel) {
        madeBy = Array(repeating: [], count: model.actors.count)
        deniedBy = madeBy
        byTopic = Array(repeating: [], count: model.topics.count)
        bySource = Array(repeating: [], count: model.sources.count)
        entriesBySource = bySource.map { _ in [] }
        let entries = model.entries
        var seen = Set<TrackedRef>()
        // Each tracked claim once per list: remembered as (list kind, owner, claim).
        var listed = Set<[Int]>()
        func add(_ ref: TrackedRef, _ list: inout [TrackedRef], kind: Int, owner: Int) {
            if case .tracked(let n) = ref, !listed.insert([kind, owner, n]).inserted { return }
            list.append(ref)
        }
        for i in entries.indices {
            if let source = entries[i].source { entriesBySource[source].append(i) }
            guard !entries[i].claims.isEmpty else { continue }
            for claim in entries[i].claims {
                if let source = claim.source, entriesBySource[source].last != i {
                    entriesBySource[source].append(i)
                }
            }
            for (k, claim) in entries[i].claims.enumerated() {
                let ref = claim.tracked.map(TrackedRef.tracked) ?? .oneOff(entry: i, item: k)
                if seen.insert(ref).inserted { all.append(ref) }
                for actor in claim.by { add(ref, &madeBy[actor], kind: 0, owner: actor) }
                for actor in claim.deniedBy { add(ref, &deniedBy[actor], kind: 1, owner: actor) }
                for topic in entries[i].topics { add(ref, &byTopic[topic], kind: 2, owner: topic) }
                if let source = claim.source { add(ref, &bySource[source], kind: 3, owner: source) }
            }
        }
    }
}
