/// Items tracked across briefings by `id` (claims, key judgements, indicators): each item's
/// text, from its first appearance by date then slug, and its history, one step per briefing
/// that lists it. What a step carries besides (a status, a likelihood) each kind fills in
/// from its steps, in order.
public struct TrackedLedger: Sendable {
    /// One briefing's word on a tracked item: the item at `item` in entry `entry`'s list.
    public struct Step: Sendable, Hashable {
        public var entry: Int
        public var item: Int
    }

    /// An item with an id and its steps, oldest first.
    public struct Thread: Sendable {
        public var id: String
        public var text: String
        public var steps: [Step]
    }

    /// What the ledger reads of one item as written.
    struct Written {
        var id: Located<String>?
        var text: String?
        var location: SourceLocation
    }

    /// Sorted by id.
    public var tracked: [Thread] = []

    /// Threads the items `written` lists for each of `entries` (newest first). `kind` names
    /// the items in messages ("claim"), `textKey` their text's key. Errors: an id whose first
    /// appearance has no text, an id listed twice in one briefing; a later text that differs
    /// from the first is a warning.
    static func build(
        _ entries: [SiteModel.Entry], kind: String, textKey: String, written: (Briefing) -> [Written],
        diagnostics: inout [Diagnostic]
    ) -> TrackedLedger {
        var order: [Int] = []
        var items: [Int: [Written]] = [:]
        for i in entries.indices {
            let found = written(entries[i].briefing)
            guard found.contains(where: { $0.id != nil }) else { continue }
            order.append(i)
            items[i] = found
        }
        guard !order.isEmpty else { return TrackedLedger() }
        order.sort { a, b in
            entries[a].instant != entries[b].instant
                ? entries[a].instant < entries[b].instant : entries[a].slug < entries[b].slug
        }
        var byID: [String: Int] = [:]
        var threads: [Thread] = []
        var firstPlace: [SourceLocation] = []
        var untexted: Set<String> = []
        for i in order {
            let written = items[i]!
            var seenHere: Set<String> = []
            for k in written.indices {
                guard let id = written[k].id, !untexted.contains(id.value) else { continue }
                guard seenHere.insert(id.value).inserted else {
                    diagnostics.append(
                        .error(
                            id.location,
                            "\(kind) '\(id.value)' is listed twice in this briefing; give one step per briefing"
                        ))
                    continue
                }
                if let n = byID[id.value] {
                    if let text = written[k].text, text != threads[n].text {
                        diagnostics.append(
                            .warning(
                                written[k].location,
                                "\(kind) '\(id.value)' has other text than where it first appears (\(firstPlace[n])); the first text stands: \"\(threads[n].text)\""
                            ))
                    }
                    threads[n].steps.append(Step(entry: i, item: k))
                } else {
                    guard let text = written[k].text else {
                        untexted.insert(id.value)
                        diagnostics.append(
                            .error(
                                written[k].location,
                                "\(kind) '\(id.value)' first appears here (by date) without '\(textKey):' text; write it where it first appears"
                            ))
                        continue
                    }
                    byID[id.value] = threads.count
                    threads.append(Thread(id: id.value, text: text, steps: [Step(entry: i, item: k)]))
                    firstPlace.append(written[k].location)
                }
            }
        }
        return TrackedLedger(tracked: threads.sorted { $0.id < $1.id })
    }
}

/// A resolved item a ledger threads: its text and its place in the ledger.
protocol LedgerItem {
    var text: String { get set }
    var tracked: Int? { get set }
}

extension SiteModel.ResolvedClaim: LedgerItem {}
extension SiteModel.ResolvedJudgement: LedgerItem {}
extension SiteModel.ResolvedIndicator: LedgerItem {}

extension TrackedLedger {
    /// Threads the items at `items` of every entry (written as `written` lists them), then
    /// walks each thread in order: every step gets the thread's text and place, and `carry`
    /// fills in, from the step before (nil at the first), what the step's briefing did not
    /// write for it (its item number `item` there).
    static func thread<Item: LedgerItem>(
        _ entries: inout [SiteModel.Entry], items: WritableKeyPath<SiteModel.Entry, [Item]>, kind: String,
        written: (Briefing) -> [Written], diagnostics: inout [Diagnostic],
        carry: (_ item: inout Item, _ before: Item?, _ briefing: Briefing, _ number: Int, inout [Diagnostic])
            -> Void
    ) -> TrackedLedger {
        let ledger = build(entries, kind: kind, textKey: kind, written: written, diagnostics: &diagnostics)
        for (n, thread) in ledger.tracked.enumerated() {
            var before: Item?
            for step in thread.steps {
                var item = entries[step.entry][keyPath: items][step.item]
                item.text = thread.text
                item.tracked = n
                carry(&item, before, entries[step.entry].briefing, step.item, &diagnostics)
                entries[step.entry][keyPath: items][step.item] = item
                before = item
            }
        }
        return ledger
    }

    /// The claims ledger: a step keeps the status, source and credibility it does not give.
    static func claims(_ entries: inout [SiteModel.Entry], diagnostics: inout [Diagnostic]) -> TrackedLedger {
        return thread(
            &entries, items: \.claims, kind: "claim",
            written: { $0.claims.map { Written(id: $0.id, text: $0.text, location: $0.location) } },
            diagnostics: &diagnostics,
            carry: { claim, before, briefing, number, _ in
                guard let before else { return }
                let given = briefing.claims[number]
                if given.status == nil { claim.status = before.status }
                if given.source == nil { claim.source = before.source }
                if given.credibility == nil { claim.credibility = before.credibility }
            })
    }

    /// The key judgements ledger: a step keeps the likelihood and confidence it does not give;
    /// the first appearance must give both.
    static func judgements(_ entries: inout [SiteModel.Entry], diagnostics: inout [Diagnostic])
        -> TrackedLedger
    {
        return thread(
            &entries, items: \.judgements, kind: "judgement",
            written: { $0.judgements.map { Written(id: $0.id, text: $0.text, location: $0.location) } },
            diagnostics: &diagnostics,
            carry: { judgement, before, briefing, number, diagnostics in
                let given = briefing.judgements[number]
                guard let before else {
                    for (key, missing) in [
                        ("likelihood", given.likelihood == nil), ("confidence", given.confidence == nil),
                    ]
                    where missing {
                        diagnostics.append(.error(given.location, EntryParser.missingEstimate(key)))
                    }
                    return
                }
                if given.likelihood == nil { judgement.likelihood = before.likelihood }
                if given.confidence == nil { judgement.confidence = before.confidence }
            })
    }

    /// The indicators ledger: a step keeps the status it does not give; a new one is watched.
    static func indicators(_ entries: inout [SiteModel.Entry], diagnostics: inout [Diagnostic])
        -> TrackedLedger
    {
        return thread(
            &entries, items: \.indicators, kind: "indicator",
            written: { $0.watch.map { Written(id: $0.id, text: $0.text, location: $0.location) } },
            diagnostics: &diagnostics,
            carry: { indicator, before, briefing, number, _ in
                if let before, briefing.watch[number].status == nil {
                    indicator.status = before.status
                }
            })
    }
}
