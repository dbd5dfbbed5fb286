import BriefTemplates

/// The contexts of key judgements, updates and corrections, and indicators: on briefing,
/// actor and topic pages, and the `/judgements/`, `/indicators/` and `/corrections/` pages.
/// docs/templates.md lists every key.
extension SiteRenderer {
    typealias Likelihood = Briefing.Judgement.Likelihood

    /// A likelihood as pages show it: the term, its band and both together ("likely (55–80%)").
    static func likelihoodFields(_ likelihood: Likelihood) -> Fields {
        [
            "likelihood": .string(likelihood.rawValue), "band": .string(likelihood.band),
            "likelihood_label": .string("\(likelihood.rawValue) (\(likelihood.band))"),
        ]
    }

    /// ICD 203's seven terms with their bands, for the legend.
    static let likelihoodLegend: TemplateValue = .list(
        Likelihood.allCases.map { .object(likelihoodFields($0)) })

    /// One step of a judgement: its likelihood (with band) and confidence, apart.
    func estimate(_ judgement: SiteModel.ResolvedJudgement) -> Fields {
        var fields = Self.likelihoodFields(judgement.likelihood)
        fields["confidence"] = .string(judgement.confidence.rawValue)
        return fields
    }

    /// The key judgements of briefing `i`; a revised one says what it was before and since when.
    func briefingJudgements(_ i: Int) -> TemplateValue {
        .list(
            model.entries[i].judgements.enumerated().map { k, judgement in
                var item = estimate(judgement)
                item["text"] = .string(judgement.text)
                item["id"] = .null
                item["previous"] = .null
                if let n = judgement.tracked {
                    let thread = model.judgements.tracked[n]
                    item["id"] = .string(thread.id)
                    if let s = thread.steps.firstIndex(of: TrackedLedger.Step(entry: i, item: k)), s > 0 {
                        // What it was, since the briefing that last changed it.
                        var since = s - 1
                        let was = step(judgementOf: thread.steps[s - 1])
                        while since > 0, sameEstimate(step(judgementOf: thread.steps[since - 1]), was) {
                            since -= 1
                        }
                        var previous = estimate(was)
                        previous["since"] = .string(model.entries[thread.steps[since].entry].day.display)
                        previous["briefing"] = .object(entryLink(thread.steps[since].entry))
                        previous["changed"] = .bool(!sameEstimate(was, judgement))
                        item["previous"] = .object(previous)
                    }
                }
                return .object(item)
            })
    }

    private func step(judgementOf step: TrackedLedger.Step) -> SiteModel.ResolvedJudgement {
        model.entries[step.entry].judgements[step.item]
    }

    private func sameEstimate(_ a: SiteModel.ResolvedJudgement, _ b: SiteModel.ResolvedJudgement) -> Bool {
        a.likelihood == b.likelihood && a.confidence == b.confidence
    }

    /// Briefing `i`'s updates and corrections, newest first.
    func briefingUpdates(_ i: Int) -> TemplateValue {
        let updates = model.entries[i].briefing.updates
        let order = updates.indices.sorted { a, b in
            updates[a].date != updates[b].date ? updates[a].date > updates[b].date : a > b
        }
        return .list(
            order.map { k in
                let update = updates[k]
                return [
                    "date": .string(calendar.day(update.date).display),
                    "date_iso": .string(calendar.rfc3339(update.date)),
                    "kind": .string(update.kind.rawValue),
                    "kind_label": .string(update.kind.rawValue.capitalized),
                    "note": .string(update.note), "is_correction": .bool(update.kind == .correction),
                ]
            })
    }

    /// An indicator as pages show it: text, current status, the briefing of its latest step and,
    /// when tracked, when its status last changed.
    func indicatorItem(_ ref: TrackedRef) -> Fields {
        let entry: Int
        let thread: TrackedLedger.Thread?
        switch ref {
        case .tracked(let n):
            thread = model.indicators.tracked[n]
            entry = thread!.steps.last!.entry
        case .oneOff(let i, _):
            thread = nil
            entry = i
        }
        let indicator = currentIndicator(ref)
        var item = Self.statusFields(indicator.status)
        item["text"] = .string(indicator.text)
        item["briefing"] = .object(entryLink(entry))
        item["id"] = .optional(thread?.id)
        item["anchor"] = .optional(thread.map { "indicator-" + $0.id })
        item["change"] = .optional(
            thread.flatMap { lastChange($0.steps) { model.entries[$0.entry].indicators[$0.item].status } })
        return item
    }

    /// Briefing `i`'s indicators, each with its status as this briefing gives it.
    func briefingIndicators(_ i: Int) -> TemplateValue {
        .list(
            model.entries[i].indicators.map { indicator in
                var item = Self.statusFields(indicator.status)
                item["text"] = .string(indicator.text)
                item["url"] =
                    indicator.tracked.map {
                        .string(urls.link("indicators/") + "#indicator-" + model.indicators.tracked[$0].id)
                    } ?? .null
                return .object(item)
            })
    }

    /// `/judgements/` and its continuation pages, `archive_size` judgements to a page.
    func judgementIndexContext(page: Int) -> TemplateValue {
        let all = index.analysis.judgements
        let judgements = all[archivePages.slice(all.count, page: page)].map { ref -> TemplateValue in
            let steps: [(Int, SiteModel.ResolvedJudgement)]
            let id: TemplateValue
            switch ref {
            case .tracked(let n):
                let thread = model.judgements.tracked[n]
                steps = thread.steps.map { ($0.entry, step(judgementOf: $0)) }
                id = .string(thread.id)
            case .oneOff(let i, let k):
                steps = [(i, model.entries[i].judgements[k])]
                id = .null
            }
            let (entry, current) = steps.last!
            var item = estimate(current)
            item["id"] = id
            item["text"] = .string(current.text)
            item["briefing"] = .object(entryLink(entry))
            item["revisions"] = .list(
                steps.reversed().map { entry, judgement in
                    var revision = estimate(judgement)
                    revision["date"] = .string(model.entries[entry].day.display)
                    revision["date_iso"] = .string(timestamps.date(entry))
                    revision["briefing"] = .object(entryLink(entry))
                    return .object(revision)
                })
            item["revised"] = .bool(steps.count > 1)
            return .object(item)
        }
        return pageContext(
            path: SiteURLs.paginated("judgements/", page),
            title: page == 1 ? "Key judgements" : "Key judgements, page \(page)",
            description:
                "The current key judgements of the briefings, with how likely and how sure, and their revisions.",
            kind: "judgements",
            extra: [
                "judgements": .list(judgements), "legend": Self.likelihoodLegend,
                "pagination": pagination(
                    first: "judgements/", number: page, count: archivePages.count(all.count)),
            ])
    }

    /// `/indicators/` and its continuation pages: by status (watching, observed, lapsed), newest
    /// first within a status, `archive_size` to a page; each group counts its status over all.
    func indicatorIndexContext(page: Int) -> TemplateValue {
        let (statusGroups, pages) = statusPages(
            indicatorsByStatus, statuses: Briefing.Indicator.Status.allCases, page: page)
        let groups = statusGroups.map { group -> TemplateValue in
            var fields = Self.statusFields(group.status)
            fields["count"] = .int(group.count)
            fields["indicators"] = .list(group.items.map { .object(indicatorItem($0)) })
            return .object(fields)
        }
        return pageContext(
            path: SiteURLs.paginated("indicators/", page),
            title: page == 1 ? "Indicators" : "Indicators, page \(page)",
            description: "What the briefings watch for, by whether it has been observed.", kind: "indicators",
            extra: [
                "groups": .list(groups), "indicator_count": .int(index.analysis.indicators.count),
                "pagination": pagination(first: "indicators/", number: page, count: pages),
            ])
    }

    /// An indicator's latest step.
    func currentIndicator(_ ref: TrackedRef) -> SiteModel.ResolvedIndicator {
        switch ref {
        case .tracked(let n):
            let last = model.indicators.tracked[n].steps.last!
            return model.entries[last.entry].indicators[last.item]
        case .oneOff(let i, let k): return model.entries[i].indicators[k]
        }
    }

    /// `/corrections/` and its continuation pages, `archive_size` corrections to a page.
    func correctionIndexContext(page: Int) -> TemplateValue {
        let all = index.analysis.corrections
        let corrections = all[archivePages.slice(all.count, page: page)].map { entry, k -> TemplateValue in
            let update = model.entries[entry].briefing.updates[k]
            return [
                "date": .string(calendar.day(update.date).display),
                "date_iso": .string(calendar.rfc3339(update.date)),
                "note": .string(update.note), "briefing": .object(entryLink(entry)),
            ]
        }
        return pageContext(
            path: SiteURLs.paginated("corrections/", page),
            title: page == 1 ? "Corrections" : "Corrections, page \(page)",
            description: "Every correction made to a briefing, newest first.", kind: "corrections",
            feeds: [("Corrections — \(model.config.title)", "corrections/feed.xml")],
            extra: [
                "corrections": .list(corrections), "feed_url": .string(urls.link("corrections/feed.xml")),
                "pagination": pagination(
                    first: "corrections/", number: page, count: archivePages.count(all.count)),
            ])
    }

    /// `/corrections/feed.xml`: the newest `feed_limit` corrections, each an entry that links to
    /// the corrected briefing.
    func correctionFeed() -> String {
        let corrections = index.analysis.corrections.filter { !model.entries[$0.entry].briefing.draft }
            .prefix(model.config.feedLimit)
        let stamps = corrections.map {
            calendar.rfc3339(model.entries[$0.entry].briefing.updates[$0.update].date)
        }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(model.config.language))">
              <id>\(XML.escape(tagID(day: feedIDDay, path: "corrections/")))</id>
              <title>\(XML.escape("Corrections — \(model.config.title)"))</title>
              <updated>\(stamps.max() ?? "2000-01-01T00:00:00Z")</updated>
              <link rel="self" type="application/atom+xml" href="\(XML.escape(urls.absolute("corrections/feed.xml")))"/>
              <link rel="alternate" type="text/html" href="\(XML.escape(urls.absolute("corrections/")))"/>
              <generator>brief</generator>
              <author><name>\(XML.escape(model.config.author ?? model.config.title))</name></author>

            """
        for (n, (entry, k)) in corrections.enumerated() {
            let update = model.entries[entry].briefing.updates[k]
            let path = SiteURLs.briefing(model.entries[entry].slug)
            xml += "  <entry>\n"
            xml +=
                "    <id>\(XML.escape(tagID(day: calendar.day(update.date), path: path + "correction-\(k + 1)")))</id>\n"
            xml += "    <title>\(XML.escape("Correction: " + model.entries[entry].briefing.title))</title>\n"
            xml +=
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(urls.absolute(path) + "#updates"))\"/>\n"
            xml += "    <updated>\(stamps[n])</updated>\n"
            xml += "    <summary type=\"text\">\(XML.escape(update.note))</summary>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
