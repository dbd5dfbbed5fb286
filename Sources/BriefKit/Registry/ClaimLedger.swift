/// Claims tracked across briefings by `id`: each claim's text (from its first appearance, by
/// date then slug) and its history, one step per briefing that lists it.
public struct ClaimLedger: Sendable {
    /// One briefing's word on a tracked claim: the claim at `claim` in entry `entry`'s claims.
    public struct Step: Sendable, Hashable {
        public var entry: Int
        public var claim: Int
    }

    /// A claim with an id and its steps, oldest first.
    public struct TrackedClaim: Sendable {
        public var id: String
        public var text: String
        public var steps: [Step]
    }

    /// Sorted by id.
    public var tracked: [TrackedClaim] = []

    /// Builds the ledger from resolved `entries` (newest first) and fills in each step's text
    /// and, where a step gives none, its status, source and credibility (the step before's). Errors: an id whose first
    /// appearance has no text, an id listed twice in one briefing; a later text that differs
    /// from the first is a warning.
    static func build(entries: inout [SiteModel.Entry], diagnostics: inout [Diagnostic]) -> ClaimLedger {
        var order: [Int] = []
        for i in entries.indices where entries[i].briefing.claims.contains(where: { $0.id != nil }) {
            order.append(i)
        }
        guard !order.isEmpty else { return ClaimLedger() }
        order.sort { a, b in
            entries[a].instant != entries[b].instant
                ? entries[a].instant < entries[b].instant : entries[a].slug < entries[b].slug
        }
        var byID: [String: Int] = [:]
        var claims: [TrackedClaim] = []
        var firstPlace: [SourceLocation] = []
        var untexted: Set<String> = []
        for i in order {
            let written = entries[i].briefing.claims
            var seenHere: Set<String> = []
            for k in written.indices {
                guard let id = written[k].id, !untexted.contains(id.value) else { continue }
                guard seenHere.insert(id.value).inserted else {
                    diagnostics.append(
                        .error(
                            id.location,
                            "claim '\(id.value)' is listed twice in this briefing; give one step per briefing"
                        ))
                    continue
                }
                if let n = byID[id.value] {
                    if let text = written[k].text, text != claims[n].text {
                        diagnostics.append(
                            .warning(
                                written[k].location,
                                "claim '\(id.value)' has other text than where it first appears (\(firstPlace[n])); the first text stands: \"\(claims[n].text)\""
                            ))
                    }
                    let last = claims[n].steps.last!
                    entries[i].claims[k].text = claims[n].text
                    // What a step does not say it keeps from the step before.
                    let before = entries[last.entry].claims[last.claim]
                    if written[k].status == nil { entries[i].claims[k].status = before.status }
                    if written[k].source == nil { entries[i].claims[k].source = before.source }
                    if written[k].credibility == nil { entries[i].claims[k].credibility = before.credibility }
                    entries[i].claims[k].tracked = n
                    claims[n].steps.append(Step(entry: i, claim: k))
                } else {
                    guard let text = written[k].text else {
                        untexted.insert(id.value)
                        diagnostics.append(
                            .error(
                                written[k].location,
                                "claim '\(id.value)' first appears here (by date) without 'claim:' text; write what is claimed where it first appears"
                            ))
                        continue
                    }
                    byID[id.value] = claims.count
                    entries[i].claims[k].tracked = claims.count
                    claims.append(TrackedClaim(id: id.value, text: text, steps: [Step(entry: i, claim: k)]))
                    firstPlace.append(written[k].location)
                }
            }
        }
        // Sorted by id; the entries' references follow.
        let sorted = claims.indices.sorted { claims[$0].id < claims[$1].id }
        var newIndex = [Int](repeating: 0, count: claims.count)
        for (position, old) in sorted.enumerated() { newIndex[old] = position }
        for claim in claims {
            for step in claim.steps {
                entries[step.entry].claims[step.claim].tracked =
                    newIndex[
                        entries[step.entry].claims[step.claim].tracked!]
            }
        }
        return ClaimLedger(tracked: sorted.map { claims[$0] })
    }

    /// The current status of tracked claim `n`: its last step's.
    func status(of n: Int, in entries: [SiteModel.Entry]) -> Briefing.Claim.Status {
        let last = tracked[n].steps.last!
        return entries[last.entry].claims[last.claim].status
    }
}
