import BriefTemplates
import Foundation

/// The context of each page kind; docs/templates.md lists every key.
extension SiteRenderer {
    /// A link with a count: `{name, url, slug, count}`.
    private func counted(_ link: Fields, _ count: Int) -> TemplateValue {
        var link = link
        link["count"] = .int(count)
        return .object(link)
    }

    /// The ten actors and ten topics with the most entries, for every home page.
    static func busiest(model: SiteModel, index: SiteIndex, actorLinks: [Fields], topicLinks: [Fields])
        -> (actors: TemplateValue, topics: TemplateValue)
    {
        func top(_ postings: [[Int]], _ name: (Int) -> String, _ links: [Fields]) -> TemplateValue {
            let ids = postings.indices.sorted { a, b in
                postings[a].count != postings[b].count
                    ? postings[a].count > postings[b].count : name(a) < name(b)
            }.prefix(10).filter { !postings[$0].isEmpty }
            return .list(
                ids.map { id in
                    var link = links[id]
                    link["count"] = .int(postings[id].count)
                    return .object(link)
                })
        }
        return (
            top(index.entriesByActor, { model.actors[$0].name }, actorLinks),
            top(index.entriesByTopic, { model.topics[$0].name }, topicLinks)
        )
    }

    func homeContext(page: Int) -> TemplateValue {
        let path = SiteURLs.paginated("", page)
        return pageContext(
            path: path, title: page == 1 ? model.config.title : "\(model.config.title), page \(page)",
            description: model.config.description, kind: "home",
            extra: [
                "entries": .list(listSlice(page: page).map(card)),
                "pagination": pagination(first: "", number: page, count: listPageCount),
                "busiest_actors": busiest.actors,
                "busiest_topics": busiest.topics,
                "entry_count": .int(model.entries.count),
            ])
    }

    func briefingListContext(page: Int) -> TemplateValue {
        pageContext(
            path: SiteURLs.paginated("briefings/", page),
            title: page == 1 ? "All briefings" : "All briefings, page \(page)",
            description: "Every briefing, newest first.", kind: "briefings",
            extra: [
                "entries": .list(listSlice(page: page).map(card)),
                "pagination": pagination(first: "briefings/", number: page, count: listPageCount),
                "entry_count": .int(model.entries.count),
            ])
    }

    func briefingContext(_ i: Int) -> TemplateValue {
        let entry = model.entries[i]
        let briefing = entry.briefing
        // Fingerprinted, the briefing's card stands whole under a key no template can name: the
        // fingerprint it carries covers its fields, which are then not copied and hashed again
        // for every page (the page's fields below are hashed beside it).
        var context: Fields = bodyKeysOnly ? ["\u{0}card": .object(cardFields(i))] : cardFields(i)
        // Room for the keys added below at once, instead of regrowing (and rehashing) as they come.
        context.reserveCapacity(context.count + 14)
        // Fingerprinted, the body stands as its key (cmark never writes NUL into HTML).
        context["body"] = .string(
            bodyKeysOnly ? "\u{0}body \(bodies.entries[i].htmlKey)" : bodies.entries[i].html)
        // Every key is set, null when absent: a tag for a missing field must not find the
        // field of an enclosing object (the source's author is not the briefing's).
        context["author"] = .optional(briefing.author ?? model.config.author)
        context["updated"] = .optional(briefing.lastModified.map { calendar.day($0).display })
        context["updated_iso"] = .optional(briefing.lastModified.map { calendar.rfc3339($0) })
        if let source = briefing.source {
            context["source"] = [
                "title": .optional(source.title), "publisher": .optional(source.publisher),
                "author": .optional(source.author), "editor": .optional(source.editor),
                "url": .optional(source.url),
                "registered": entry.source.map { .object(sourceLink($0)) } ?? .null,
            ]
        } else {
            context["source"] = .null
        }
        context["claims"] = briefingClaims(i)
        context["has_claims"] = .bool(!entry.claims.isEmpty)
        context["judgements"] = briefingJudgements(i)
        context["updates"] = briefingUpdates(i)
        context["indicators"] = briefingIndicators(i)
        context["likelihood_legend"] = Self.likelihoodLegend
        var sharing: Fields = [
            "published_time": .string(timestamps.date(i)), "modified_time": .string(timestamps.updated(i)),
        ]
        if let image = briefing.image {
            context["image"] = [
                "url": .string(urls.link("media/" + image.path.value)), "alt": .string(image.alt),
            ]
            sharing["image"] = .string(urls.absolute("media/" + image.path.value))
            sharing["image_alt"] = .string(image.alt)
        } else {
            context["image"] = .null
        }
        context["related"] = .list(index.related[i].map { .object(entryLink($0)) })
        context["previous"] = i + 1 < model.entries.count ? .object(entryLink(i + 1)) : .null
        context["next"] = i > 0 ? .object(entryLink(i - 1)) : .null
        context["json_ld"] = .string(
            StructuredData.newsArticle(
                entry: entry, url: urls.absolute(SiteURLs.briefing(entry.slug)),
                published: timestamps.date(i),
                modified: timestamps.updated(i),
                author: briefing.author ?? model.config.author ?? model.config.title,
                source: entry.source.map { (model.sources[$0].name, model.sources[$0].url) },
                corrections: briefing.updates.filter { $0.kind == .correction }.map {
                    (calendar.rfc3339($0.date), $0.note)
                },
                image: briefing.image.map { urls.absolute("media/" + $0.path.value) },
                actors: entry.actors.map {
                    (model.actors[$0].name, urls.absolute(SiteURLs.actor(model.actors[$0].slug)))
                },
                description: summary(of: i)))
        context["params"] = briefing.params.templateValue
        return pageContext(
            path: SiteURLs.briefing(entry.slug), title: briefing.title, description: summary(of: i),
            kind: "briefing", sharing: sharing,
            extra: ["entry": .object(context)])
    }

    /// `/actors/` and its continuation pages: actors grouped by kind, by name within a kind,
    /// `archive_size` to a page.
    func actorIndexContext(page: Int) -> TemplateValue {
        let shown = archivePages.slice(actorsByKind.ordered.count, page: page)
        let groups = actorsByKind.groups(on: shown).map { group, _, members -> TemplateValue in
            let kind = Self.actorIndexKinds[group]
            return [
                "label": .string(kind.1), "kind": .string(kind.0?.rawValue ?? "unregistered"),
                "actors": .list(
                    members.map { id in
                        var link = actorLink(id)
                        link["count"] = .int(index.entriesByActor[id].count)
                        link["role"] = .optional(model.actors[id].role)
                        return .object(link)
                    }),
            ]
        }
        return pageContext(
            path: SiteURLs.paginated("actors/", page), title: page == 1 ? "Actors" : "Actors, page \(page)",
            description: "Every person, country and organisation in the briefings.",
            kind: "actors",
            extra: [
                "groups": .list(groups), "actor_count": .int(model.actors.count),
                "pagination": pagination(first: "actors/", number: page, count: actorIndexPageCount),
            ])
    }

    /// The groups of the actor index, in order, with their labels.
    static let actorIndexKinds: [(Actor.Kind?, String)] = [
        (.person, "People"), (.country, "Countries"), (.organization, "Organisations"), (.group, "Groups"),
        (nil, "Not in the registry"),
    ]

    /// The actors of each group of the actor index (`actorIndexKinds`), by name: made once
    /// per site, for every page of the index.
    static func actorsByKind(_ actors: [SiteModel.ActorRecord]) -> PagedGroups<Int> {
        // Names compared once, as UTF-8 bytes in a single sort, not five times as Strings.
        let byName = actors.indices.sorted {
            actors[$0].name.utf8.lexicographicallyPrecedes(actors[$1].name.utf8)
        }
        return PagedGroups(
            actorIndexKinds.map { kind, _ in
                byName.filter { actors[$0].kind == kind && (kind != nil || actors[$0].path == nil) }
            })
    }

    /// An actor's page `page`: page 1 has the profile and the newest `page_size` briefings,
    /// quotes, claims and indicators; each archive page the next `archive_size` of each.
    func actorContext(_ id: Int, page: Int) -> TemplateValue {
        let actor = model.actors[id]
        let pages = listPages
        func slice<T>(_ list: [T]) -> ArraySlice<T> { list[pages.slice(list.count, page: page)] }
        var context = actorLink(id)
        context.reserveCapacity(context.count + 24)
        context["kind"] = .string(actor.kind?.rawValue ?? "")
        context["role"] = .optional(actor.role)
        context["aliases"] = .list(actor.aliases.map(TemplateValue.string))
        context["has_aliases"] = .bool(!actor.aliases.isEmpty)
        context["affiliation"] = actor.affiliation.map { .object(actorLink($0)) } ?? .null
        context["profile"] = .string(bodies.actors[id].html)
        context["registered"] = .bool(actor.path != nil)
        context["count"] = .int(index.entriesByActor[id].count)
        context["months"] = .list(monthGroups(Array(slice(index.entriesByActor[id]))).map(\.group))
        context["topics"] = .list(index.actorTopics[id].map { counted(topicLink($0.id), $0.count) })
        context["seen_with"] = .list(
            index.coActors[id].prefix(10).map { counted(actorLink($0.id), $0.count) })
        context["quotes"] = .list(
            slice(quotesByActor[id]).map { item in
                var link = entryLink(item.entry)
                link["url"] = .string(
                    urls.link(SiteURLs.briefing(model.entries[item.entry].slug)) + "#" + item.quote.anchor)
                return ["text": .string(item.quote.text), "briefing": .object(link)]
            })
        context["claims_made"] = .list(slice(index.claims.madeBy[id]).map { .object(claimItem($0)) })
        context["claims_denied"] = .list(slice(index.claims.deniedBy[id]).map { .object(claimItem($0)) })
        context["has_claims"] = .bool(!index.claims.madeBy[id].isEmpty || !index.claims.deniedBy[id].isEmpty)
        context["indicators"] = .list(
            slice(index.analysis.indicatorsByActor[id]).map { .object(indicatorItem($0)) })
        context["page_number"] = .int(page)
        context["is_archive"] = .bool(page > 1)
        context["pagination"] = pagination(
            first: SiteURLs.actor(actor.slug), number: page, count: actorPageCount(id))
        context["feed_url"] = .string(urls.link(SiteURLs.actor(actor.slug) + "feed.xml"))
        context["json_ld"] = .string(
            StructuredData.actor(
                name: actor.name, kind: actor.kind, url: urls.absolute(SiteURLs.actor(actor.slug)),
                aliases: actor.aliases,
                role: actor.role))
        context["params"] = actor.params.templateValue
        return pageContext(
            path: SiteURLs.paginated(SiteURLs.actor(actor.slug), page),
            title: page == 1 ? actor.name : "\(actor.name), page \(page)",
            description: actor.role.map { "\(actor.name), \($0): briefings, claims and quotes." }
                ?? "Briefings about \(actor.name).",
            kind: "actor", feeds: [("\(actor.name) — briefings", SiteURLs.actor(actor.slug) + "feed.xml")],
            extra: ["actor": .object(context)])
    }

    func topicIndexContext() -> TemplateValue {
        let topics = model.topics.indices.sorted { model.topics[$0].name < model.topics[$1].name }.map {
            id -> TemplateValue in
            var link = topicLink(id)
            link["count"] = .int(index.entriesByTopic[id].count)
            link["summary"] = .optional(model.topics[id].summary)
            return .object(link)
        }
        return pageContext(
            path: "topics/", title: "Topics", description: "Every topic the briefings follow.",
            kind: "topics",
            extra: ["topics": .list(topics), "topic_count": .int(model.topics.count)])
    }

    /// A topic's page `page`, split as an actor's.
    func topicContext(_ id: Int, page: Int) -> TemplateValue {
        let topic = model.topics[id]
        let pages = listPages
        func slice<T>(_ list: [T]) -> ArraySlice<T> { list[pages.slice(list.count, page: page)] }
        var context = topicLink(id)
        context["summary"] = .optional(topic.summary)
        context["aliases"] = .list(topic.aliases.map(TemplateValue.string))
        context["description"] = .string(bodies.topics[id].html)
        context["count"] = .int(index.entriesByTopic[id].count)
        context["months"] = .list(monthGroups(Array(slice(index.entriesByTopic[id]))).map(\.group))
        context["key_actors"] = .list(
            index.topicActors[id].prefix(10).map { counted(actorLink($0.id), $0.count) })
        context["claims"] = .list(slice(index.claims.byTopic[id]).map { .object(claimItem($0)) })
        context["indicators"] = .list(
            slice(index.analysis.indicatorsByTopic[id]).map { .object(indicatorItem($0)) })
        context["page_number"] = .int(page)
        context["is_archive"] = .bool(page > 1)
        context["pagination"] = pagination(
            first: SiteURLs.topic(topic.slug), number: page, count: topicPageCount(id))
        context["feed_url"] = .string(urls.link(SiteURLs.topic(topic.slug) + "feed.xml"))
        context["params"] = topic.params.templateValue
        return pageContext(
            path: SiteURLs.paginated(SiteURLs.topic(topic.slug), page),
            title: page == 1 ? topic.name : "\(topic.name), page \(page)",
            description: topic.summary ?? "Briefings on \(topic.name).",
            kind: "topic", feeds: [("\(topic.name) — briefings", SiteURLs.topic(topic.slug) + "feed.xml")],
            extra: ["topic": .object(context)])
    }

    /// `/timeline/`: every year with its months and their counts, each month linked to the
    /// page of its year that starts it.
    func timelineContext() -> TemplateValue {
        let pages = archivePages
        let years = self.years.map { year -> TemplateValue in
            var months: [TemplateValue] = []
            var i = year.entries.lowerBound
            while i < year.entries.upperBound {
                let day = model.entries[i].day
                var end = i
                while end < year.entries.upperBound, model.entries[end].day.month == day.month { end += 1 }
                // The year page holding the month's first (newest) entry.
                let position = i - year.entries.lowerBound
                let page = position < pages.first ? 1 : 2 + (position - pages.first) / pages.rest
                let id = CalendarDay(year: day.year, month: day.month, day: 1).isoMonth
                months.append([
                    "label": .string("\(CalendarDay.monthNames[day.month - 1]) \(day.year)"),
                    "month": .int(day.month), "count": .int(end - i), "id": .string(id),
                    "url": .string(
                        urls.link(SiteURLs.paginated(SiteURLs.year(year.year), page)) + "#m-" + id),
                ])
                i = end
            }
            return [
                "year": .int(year.year), "count": .int(year.entries.count),
                "url": .string(urls.link(SiteURLs.year(year.year))), "months": .list(months),
            ]
        }
        return pageContext(
            path: "timeline/", title: "Timeline", description: "Every briefing by year and month.",
            kind: "timeline", extra: ["years": .list(years), "entry_count": .int(model.entries.count)])
    }

    /// `/timeline/<year>/` and its continuation pages: the year's briefings by month,
    /// `archive_size` to a page.
    func yearContext(_ year: Int, page: Int) -> TemplateValue {
        let entries = years.first { $0.year == year }?.entries ?? 0..<0
        let shown = archivePages.slice(entries.count, page: page)
        let indices = Array(entries.lowerBound + shown.lowerBound..<entries.lowerBound + shown.upperBound)
        let position = years.firstIndex { $0.year == year }
        let neighbour = { (offset: Int) -> TemplateValue in
            guard let position, years.indices.contains(position + offset) else { return .null }
            let other = years[position + offset].year
            return ["year": .int(other), "url": .string(urls.link(SiteURLs.year(other)))]
        }
        let path = SiteURLs.paginated(SiteURLs.year(year), page)
        return pageContext(
            path: path, title: page == 1 ? "\(year)" : "\(year), page \(page)",
            description: "Every briefing of \(year), by month.", kind: "year",
            extra: [
                "year": .int(year), "count": .int(entries.count),
                "months": .list(monthGroups(indices).map(\.group)),
                "pagination": pagination(
                    first: SiteURLs.year(year), number: page, count: archivePages.count(entries.count)),
                "newer_year": neighbour(-1), "older_year": neighbour(1),
            ])
    }

    func searchContext() -> TemplateValue {
        pageContext(
            path: "search/", title: "Search", description: "Search the briefings by title, actor or topic.",
            kind: "search", extra: ["search_index": .string(urls.link("search/index.json"))])
    }

    func notFoundContext() -> TemplateValue {
        pageContext(
            path: "404.html", title: "Page not found", description: nil, kind: "not_found", extra: [:])
    }

    func pageContext(_ i: Int) -> TemplateValue {
        let page = model.pages[i]
        return pageContext(
            path: SiteURLs.page(page.slug.value), title: page.title, description: page.description,
            kind: "page",
            extra: ["content": .string(bodies.pages[i].html), "params": page.params.templateValue])
    }
}
