import BriefTemplates

/// The contexts of the claims and sources pages, and the claim items every page lists;
/// docs/templates.md lists every key.
extension SiteRenderer {
    /// A status (of a claim or an indicator) as pages show it: the word (`status`,
    /// `status_label`); the theme adds a symbol to it, never a colour alone.
    static func statusFields<Status: RawRepresentable>(_ status: Status) -> Fields
    where Status.RawValue == String {
        ["status": .string(status.rawValue), "status_label": .string(status.rawValue.capitalized)]
    }

    /// The last change of status along a tracked item's steps, "alleged → confirmed, 20
    /// November 2024"; nil while it has kept its first status.
    func lastChange<Status: RawRepresentable & Equatable>(
        _ steps: [TrackedLedger.Step], status: (TrackedLedger.Step) -> Status
    ) -> String? where Status.RawValue == String {
        for s in steps.indices.dropFirst().reversed() {
            let (before, after) = (status(steps[s - 1]), status(steps[s]))
            if before != after {
                return "\(before.rawValue) → \(after.rawValue), \(model.entries[steps[s].entry].day.display)"
            }
        }
        return nil
    }

    /// The groups of page `page` of the items `grouped` holds (`archive_size` items a page):
    /// each group's status, its count over all pages, and its items on this page; and how many
    /// pages there are.
    func statusPages<Status>(_ grouped: PagedGroups<TrackedRef>, statuses: [Status], page: Int)
        -> (groups: [(status: Status, count: Int, items: ArraySlice<TrackedRef>)], pages: Int)
    {
        let shown = archivePages.slice(grouped.ordered.count, page: page)
        let groups = grouped.groups(on: shown).map { (statuses[$0.group], $0.count, $0.items) }
        return (groups, archivePages.count(grouped.ordered.count))
    }

    /// The Admiralty grade of one claim as written: its source's letter and its credibility
    /// ("B2"), the letter alone without a credibility; null without a registered source.
    func grade(_ claim: SiteModel.ResolvedClaim) -> TemplateValue {
        guard let id = claim.source else { return .null }
        let source = model.sources[id]
        var meaning = "\(source.name): \(source.reliability.meaning)"
        var text = source.reliability.rawValue
        if let credibility = claim.credibility {
            text += String(credibility)
            meaning += "; information \(GradedSource.credibilityMeaning(credibility))"
        }
        return [
            "text": .string(text), "meaning": .string(meaning),
            "source": .object(sourceLink(id)),
        ]
    }

    /// A registered source's `{name, url, slug, grade, meaning}`.
    func sourceLink(_ id: Int) -> Fields {
        let source = model.sources[id]
        return [
            "name": .string(source.name), "url": .string(urls.link(SiteURLs.source(source.slug))),
            "slug": .string(source.slug), "grade": .string(source.reliability.rawValue),
            "meaning": .string(source.reliability.meaning),
        ]
    }

    /// The resolved claim a reference shows: a tracked claim's latest step, or the one-off claim.
    func latest(_ ref: TrackedRef) -> (entry: Int, claim: SiteModel.ResolvedClaim) {
        switch ref {
        case .tracked(let n):
            let step = model.claims.tracked[n].steps.last!
            return (step.entry, model.entries[step.entry].claims[step.item])
        case .oneOff(let entry, let item):
            return (entry, model.entries[entry].claims[item])
        }
    }

    /// A claim as lists show it: text, current status, grade, the briefing of its latest step,
    /// its page (tracked) or its place in its briefing (one-off), and its latest change.
    func claimItem(_ ref: TrackedRef) -> Fields {
        let (entry, claim) = latest(ref)
        var item = Self.statusFields(claim.status)
        item.reserveCapacity(12)
        item["text"] = .string(claim.text)
        item["grade"] = grade(claim)
        item["briefing"] = .object(entryLink(entry))
        switch ref {
        case .tracked(let n):
            let tracked = model.claims.tracked[n]
            item["id"] = .string(tracked.id)
            item["url"] = .string(urls.link(SiteURLs.claim(tracked.id)))
            item["tracked"] = true
            item["steps"] = .int(tracked.steps.count)
            item["change"] = .optional(
                lastChange(tracked.steps) { model.entries[$0.entry].claims[$0.item].status })
        case .oneOff(let i, let k):
            item["id"] = .null
            item["url"] = .string(urls.link(SiteURLs.briefing(model.entries[i].slug)) + "#claim_\(k + 1)")
            item["tracked"] = false
            item["steps"] = .int(1)
            item["change"] = .null
        }
        return item
    }

    /// The claims of a briefing page: each with its anchor, claimants, grade, note and, when
    /// tracked, its page and where it stood before this briefing.
    func briefingClaims(_ i: Int) -> TemplateValue {
        let entry = model.entries[i]
        return .list(
            entry.claims.enumerated().map { k, claim in
                var item = Self.statusFields(claim.status)
                item["text"] = .string(claim.text)
                item["anchor"] = .string("claim_\(k + 1)")
                item["by"] = .list(claim.by.map { .object(actorLink($0)) })
                item["denied_by"] = .list(claim.deniedBy.map { .object(actorLink($0)) })
                item["grade"] = grade(claim)
                item["note"] = .optional(claim.note)
                item["id"] = .null
                item["url"] = .null
                item["previous"] = .null
                if let n = claim.tracked {
                    let tracked = model.claims.tracked[n]
                    item["id"] = .string(tracked.id)
                    item["url"] = .string(urls.link(SiteURLs.claim(tracked.id)))
                    if let s = tracked.steps.firstIndex(of: TrackedLedger.Step(entry: i, item: k)), s > 0 {
                        let before = tracked.steps[s - 1]
                        var previous = Self.statusFields(
                            model.entries[before.entry].claims[before.item].status)
                        previous["briefing"] = .object(entryLink(before.entry))
                        item["previous"] = .object(previous)
                    }
                }
                return .object(item)
            })
    }

    /// `/claims/` and its continuation pages: every claim, by current status (in the order
    /// alleged, confirmed, denied, disputed, retracted), newest first within a status,
    /// `archive_size` to a page; each group gives its status's count over all pages.
    func claimIndexContext(page: Int) -> TemplateValue {
        let (statusGroups, pages) = statusPages(
            claimsByStatus, statuses: Briefing.Claim.Status.allCases, page: page)
        var actorsSeen = Set<Int>()
        var topicsSeen = Set<Int>()
        let groups = statusGroups.map { group -> TemplateValue in
            let claims = group.items.map { ref -> TemplateValue in
                var item = claimItem(ref)
                // What the page's filter narrows by: every actor and topic the claim concerns.
                var actors: [Int] = []
                var topics: [Int] = []
                for (entry, claim) in steps(of: ref) {
                    actors += claim.by + claim.deniedBy
                    topics += model.entries[entry].topics
                }
                actorsSeen.formUnion(actors)
                topicsSeen.formUnion(topics)
                item["actor_slugs"] = .string(
                    Set(actors).map { model.actors[$0].slug }.sorted().joined(separator: " "))
                item["topic_slugs"] = .string(
                    Set(topics).map { model.topics[$0].slug }.sorted().joined(separator: " "))
                return .object(item)
            }
            var fields = Self.statusFields(group.status)
            fields["count"] = .int(group.count)
            fields["claims"] = .list(claims)
            return .object(fields)
        }
        let actorOptions = actorsSeen.sorted { model.actors[$0].name < model.actors[$1].name }
            .map { TemplateValue.object(actorLink($0)) }
        let topicOptions = topicsSeen.sorted { model.topics[$0].name < model.topics[$1].name }
            .map { TemplateValue.object(topicLink($0)) }
        return pageContext(
            path: SiteURLs.paginated("claims/", page), title: page == 1 ? "Claims" : "Claims, page \(page)",
            description: "Every claim in the briefings, by where it stands now.", kind: "claims",
            extra: [
                "groups": .list(groups), "claim_count": .int(index.claims.all.count),
                "tracked_count": .int(model.claims.tracked.count),
                "actors": .list(actorOptions), "topics": .list(topicOptions),
                "pagination": pagination(first: "claims/", number: page, count: pages),
            ])
    }

    /// Every step of a claim: (entry, resolved claim), oldest first.
    func steps(of ref: TrackedRef) -> [(Int, SiteModel.ResolvedClaim)] {
        switch ref {
        case .tracked(let n):
            model.claims.tracked[n].steps.map { ($0.entry, model.entries[$0.entry].claims[$0.item]) }
        case .oneOff(let entry, let item): [(entry, model.entries[entry].claims[item])]
        }
    }

    func claimContext(_ n: Int) -> TemplateValue {
        let tracked = model.claims.tracked[n]
        var context = claimItem(.tracked(n))
        context["steps"] = .list(
            steps(of: .tracked(n)).map { entry, claim in
                var step = Self.statusFields(claim.status)
                step["briefing"] = .object(entryLink(entry))
                step["date"] = .string(model.entries[entry].day.display)
                step["date_iso"] = .string(timestamps.date(entry))
                step["by"] = .list(claim.by.map { .object(actorLink($0)) })
                step["denied_by"] = .list(claim.deniedBy.map { .object(actorLink($0)) })
                step["grade"] = grade(claim)
                step["note"] = .optional(claim.note)
                return .object(step)
            })
        context["step_count"] = .int(tracked.steps.count)
        let first = model.entries[tracked.steps[0].entry].day.display
        return pageContext(
            path: SiteURLs.claim(tracked.id), title: tracked.text,
            description:
                "Where the claim \u{201C}\(tracked.text)\u{201D} stands, and who said so, since \(first).",
            kind: "claim", extra: ["claim": .object(context)])
    }

    /// How a source's claims stand now: confirmed, denied, retracted, open (alleged or disputed).
    func trackRecord(_ refs: [TrackedRef]) -> Fields {
        var counts: [Briefing.Claim.Status: Int] = [:]
        for ref in refs { counts[latest(ref).claim.status, default: 0] += 1 }
        let open = (counts[.alleged] ?? 0) + (counts[.disputed] ?? 0)
        return [
            "total": .int(refs.count), "confirmed": .int(counts[.confirmed] ?? 0),
            "denied": .int(counts[.denied] ?? 0), "retracted": .int(counts[.retracted] ?? 0),
            "open": .int(open),
        ]
    }

    func sourceIndexContext() -> TemplateValue {
        let groups = GradedSource.Reliability.allCases.compactMap { grade -> TemplateValue? in
            let members = model.sources.indices.filter { model.sources[$0].reliability == grade }
                .sorted { model.sources[$0].name < model.sources[$1].name }
            guard !members.isEmpty else { return nil }
            return [
                "grade": .string(grade.rawValue), "meaning": .string(grade.meaning),
                "sources": .list(
                    members.map { id in
                        var link = sourceLink(id)
                        link["kind"] = .optional(model.sources[id].kind?.rawValue)
                        link["briefing_count"] = .int(index.claims.entriesBySource[id].count)
                        link["claim_count"] = .int(index.claims.bySource[id].count)
                        return .object(link)
                    }),
            ]
        }
        return pageContext(
            path: "sources/", title: "Sources",
            description: "The sources the briefings draw on, by Admiralty reliability grade.",
            kind: "sources",
            extra: ["groups": .list(groups), "source_count": .int(model.sources.count)])
    }

    func sourceContext(_ id: Int) -> TemplateValue {
        let source = model.sources[id]
        var context = sourceLink(id)
        context["kind"] = .optional(source.kind?.rawValue)
        context["aliases"] = .list(source.aliases.map(TemplateValue.string))
        context["website"] = .optional(source.url)
        context["about"] = .string(bodies.sources[id].html)
        context["record"] = .object(trackRecord(index.claims.bySource[id]))
        context["claims"] = .list(index.claims.bySource[id].map { .object(claimItem($0)) })
        context["count"] = .int(index.claims.entriesBySource[id].count)
        context["months"] = .list(monthGroups(index.claims.entriesBySource[id]).map(\.group))
        context["params"] = source.params.templateValue
        return pageContext(
            path: SiteURLs.source(source.slug), title: source.name,
            description:
                "\(source.name), graded \(source.reliability.rawValue) (\(source.reliability.meaning)): its briefings, its claims and how they stand.",
            kind: "source", extra: ["source": .object(context)])
    }
}
