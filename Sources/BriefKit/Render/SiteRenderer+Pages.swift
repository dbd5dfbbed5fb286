import Foundation

/// The context of each page kind; docs/templates.md lists every key.
extension SiteRenderer {
    func homeContext(page: Int) -> [String: Any] {
        let busiestActors = index.entriesByActor.indices.sorted { a, b in
            let (ca, cb) = (index.entriesByActor[a].count, index.entriesByActor[b].count)
            return ca != cb ? ca > cb : model.actors[a].name < model.actors[b].name
        }.prefix(10).filter { !index.entriesByActor[$0].isEmpty }
        let busiestTopics = index.entriesByTopic.indices.sorted { a, b in
            let (ca, cb) = (index.entriesByTopic[a].count, index.entriesByTopic[b].count)
            return ca != cb ? ca > cb : model.topics[a].name < model.topics[b].name
        }.prefix(10).filter { !index.entriesByTopic[$0].isEmpty }
        let path = SiteURLs.paginated("", page)
        return pageContext(
            path: path, title: page == 1 ? model.config.title : "\(model.config.title), page \(page)",
            description: model.config.description, kind: "home",
            extra: [
                "entries": listSlice(page: page).map(card),
                "pagination": pagination(first: "", number: page, count: listPageCount),
                "busiest_actors": busiestActors.map {
                    actorLink($0).merging(["count": index.entriesByActor[$0].count]) { a, _ in a }
                },
                "busiest_topics": busiestTopics.map {
                    topicLink($0).merging(["count": index.entriesByTopic[$0].count]) { a, _ in a }
                },
                "entry_count": model.entries.count,
            ])
    }

    func briefingListContext(page: Int) -> [String: Any] {
        pageContext(
            path: SiteURLs.paginated("briefings/", page),
            title: page == 1 ? "All briefings" : "All briefings, page \(page)",
            description: "Every briefing, newest first.", kind: "briefings",
            extra: [
                "entries": listSlice(page: page).map(card),
                "pagination": pagination(first: "briefings/", number: page, count: listPageCount),
                "entry_count": model.entries.count,
            ])
    }

    func briefingContext(_ i: Int) -> [String: Any] {
        let entry = model.entries[i]
        let briefing = entry.briefing
        var context = card(i)
        context["body"] = bodies.entries[i].html
        if let author = briefing.author ?? model.config.author { context["author"] = author }
        if let updated = briefing.updated {
            context["updated"] = calendar.day(updated).display
            context["updated_iso"] = calendar.rfc3339(updated)
        }
        if let source = briefing.source {
            var value: [String: Any] = [:]
            if let title = source.title { value["title"] = title }
            if let publisher = source.publisher { value["publisher"] = publisher }
            if let author = source.author { value["author"] = author }
            if let url = source.url { value["url"] = url }
            context["source"] = value
        }
        context["claims"] = entry.claims.map { claim -> [String: Any] in
            [
                "text": claim.text, "status": claim.status.rawValue,
                "status_label": claim.status.rawValue.capitalized,
                "by": claim.by.map(actorLink), "denied_by": claim.deniedBy.map(actorLink),
            ]
        }
        context["has_claims"] = !entry.claims.isEmpty
        context["related"] = index.related[i].map(entryLink)
        if i + 1 < model.entries.count { context["previous"] = entryLink(i + 1) }
        if i > 0 { context["next"] = entryLink(i - 1) }
        context["json_ld"] = StructuredData.newsArticle(
            entry: entry, url: urls.absolute(SiteURLs.briefing(entry.slug)),
            published: entryTimestamps[i],
            modified: calendar.rfc3339(briefing.updated ?? briefing.date),
            author: briefing.author ?? model.config.author ?? model.config.title,
            actors: entry.actors.map {
                (model.actors[$0].name, urls.absolute(SiteURLs.actor(model.actors[$0].slug)))
            },
            description: summary(of: i))
        context["params"] = briefing.params.templateValue
        return pageContext(
            path: SiteURLs.briefing(entry.slug), title: briefing.title, description: summary(of: i),
            kind: "briefing",
            extra: ["entry": context])
    }

    func actorIndexContext() -> [String: Any] {
        let kinds: [(Actor.Kind?, String)] = [
            (.person, "People"), (.country, "Countries"), (.organization, "Organisations"),
            (.group, "Groups"),
            (nil, "Not in the registry"),
        ]
        let groups = kinds.compactMap { kind, label -> [String: Any]? in
            let members = model.actors.indices.filter {
                model.actors[$0].kind == kind && (kind != nil || model.actors[$0].path == nil)
            }
            .sorted { model.actors[$0].name < model.actors[$1].name }
            guard !members.isEmpty else { return nil }
            return [
                "label": label, "kind": kind?.rawValue ?? "unregistered",
                "actors": members.map { id -> [String: Any] in
                    var link = actorLink(id)
                    link["count"] = index.entriesByActor[id].count
                    if let role = model.actors[id].role { link["role"] = role }
                    return link
                },
            ]
        }
        return pageContext(
            path: "actors/", title: "Actors",
            description: "Every person, country and organisation in the briefings.",
            kind: "actors", extra: ["groups": groups, "actor_count": model.actors.count])
    }

    func actorContext(_ id: Int) -> [String: Any] {
        let actor = model.actors[id]
        var context = actorLink(id)
        context["kind"] = actor.kind?.rawValue ?? ""
        if let role = actor.role { context["role"] = role }
        context["aliases"] = actor.aliases
        context["has_aliases"] = !actor.aliases.isEmpty
        if let affiliation = actor.affiliation { context["affiliation"] = actorLink(affiliation) }
        context["profile"] = bodies.actors[id].html
        context["registered"] = actor.path != nil
        context["count"] = index.entriesByActor[id].count
        context["months"] = monthGroups(index.entriesByActor[id])
        context["topics"] = index.actorTopics[id].map {
            topicLink($0.id).merging(["count": $0.count]) { a, _ in a }
        }
        context["seen_with"] = index.coActors[id].prefix(10).map {
            actorLink($0.id).merging(["count": $0.count]) { a, _ in a }
        }
        var made: [[String: Any]] = []
        var denied: [[String: Any]] = []
        for i in index.claimEntries[id] {
            for claim in model.entries[i].claims {
                let item: [String: Any] = [
                    "text": claim.text, "status": claim.status.rawValue,
                    "status_label": claim.status.rawValue.capitalized,
                    "briefing": entryLink(i),
                ]
                if claim.by.contains(id) { made.append(item) }
                if claim.deniedBy.contains(id) { denied.append(item) }
            }
        }
        context["quotes"] = quotesByActor[id].map { item -> [String: Any] in
            var link = entryLink(item.entry)
            link["url"] = (link["url"] as! String) + "#" + item.quote.anchor
            return ["text": item.quote.text, "briefing": link]
        }
        context["claims_made"] = made
        context["claims_denied"] = denied
        context["feed_url"] = urls.link(SiteURLs.actor(actor.slug) + "feed.xml")
        context["json_ld"] = StructuredData.actor(
            name: actor.name, kind: actor.kind, url: urls.absolute(SiteURLs.actor(actor.slug)),
            aliases: actor.aliases,
            role: actor.role)
        context["params"] = actor.params.templateValue
        return pageContext(
            path: SiteURLs.actor(actor.slug), title: actor.name,
            description: actor.role.map { "\(actor.name), \($0): briefings, claims and quotes." }
                ?? "Briefings about \(actor.name).",
            kind: "actor", feeds: [("\(actor.name) — briefings", SiteURLs.actor(actor.slug) + "feed.xml")],
            extra: ["actor": context])
    }

    func topicIndexContext() -> [String: Any] {
        let topics = model.topics.indices.sorted { model.topics[$0].name < model.topics[$1].name }.map {
            id -> [String: Any] in
            var link = topicLink(id)
            link["count"] = index.entriesByTopic[id].count
            if let summary = model.topics[id].summary { link["summary"] = summary }
            return link
        }
        return pageContext(
            path: "topics/", title: "Topics", description: "Every topic the briefings follow.",
            kind: "topics",
            extra: ["topics": topics, "topic_count": model.topics.count])
    }

    func topicContext(_ id: Int) -> [String: Any] {
        let topic = model.topics[id]
        var context = topicLink(id)
        if let summary = topic.summary { context["summary"] = summary }
        context["aliases"] = topic.aliases
        context["description"] = bodies.topics[id].html
        context["count"] = index.entriesByTopic[id].count
        context["months"] = monthGroups(index.entriesByTopic[id])
        context["key_actors"] = index.topicActors[id].prefix(10).map {
            actorLink($0.id).merging(["count": $0.count]) { a, _ in a }
        }
        context["feed_url"] = urls.link(SiteURLs.topic(topic.slug) + "feed.xml")
        context["params"] = topic.params.templateValue
        return pageContext(
            path: SiteURLs.topic(topic.slug), title: topic.name,
            description: topic.summary ?? "Briefings on \(topic.name).",
            kind: "topic", feeds: [("\(topic.name) — briefings", SiteURLs.topic(topic.slug) + "feed.xml")],
            extra: ["topic": context])
    }

    func timelineContext() -> [String: Any] {
        var years: [[String: Any]] = []
        for group in monthGroups(Array(model.entries.indices)) {
            let year = group["year"] as! Int
            if let last = years.last, last["year"] as? Int == year {
                var months = last["months"] as! [[String: Any]]
                months.append(group)
                years[years.count - 1]["months"] = months
            } else {
                years.append(["year": year, "months": [group]])
            }
        }
        return pageContext(
            path: "timeline/", title: "Timeline", description: "Every briefing by year and month.",
            kind: "timeline",
            extra: ["years": years])
    }

    func searchContext() -> [String: Any] {
        pageContext(
            path: "search/", title: "Search", description: "Search the briefings by title, actor or topic.",
            kind: "search", extra: ["search_index": urls.link("search.json")])
    }

    func notFoundContext() -> [String: Any] {
        pageContext(
            path: "404.html", title: "Page not found", description: nil, kind: "not_found", extra: [:])
    }

    func pageContext(_ i: Int) -> [String: Any] {
        let page = model.pages[i]
        return pageContext(
            path: SiteURLs.page(page.slug.value), title: page.title, description: page.description,
            kind: "page",
            extra: ["content": bodies.pages[i].html, "params": page.params.templateValue])
    }
}
