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
        var context = cards[i]
        // Room for the keys added below at once, instead of regrowing (and rehashing) as they come.
        context.reserveCapacity(context.count + 14)
        context["body"] = .string(bodies.entries[i].html)
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
            "published_time": .string(entryTimestamps[i]), "modified_time": .string(updatedTimestamps[i]),
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
                published: entryTimestamps[i],
                modified: updatedTimestamps[i],
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

    func actorIndexContext() -> TemplateValue {
        let kinds: [(Actor.Kind?, String)] = [
            (.person, "People"), (.country, "Countries"), (.organization, "Organisations"),
            (.group, "Groups"),
            (nil, "Not in the registry"),
        ]
        // Names compared once, as UTF-8 bytes in a single sort, not five times as Strings.
        let byName = model.actors.indices.sorted {
            model.actors[$0].name.utf8.lexicographicallyPrecedes(model.actors[$1].name.utf8)
        }
        let groups = kinds.compactMap { kind, label -> TemplateValue? in
            let members = byName.filter {
                model.actors[$0].kind == kind && (kind != nil || model.actors[$0].path == nil)
            }
            guard !members.isEmpty else { return nil }
            return [
                "label": .string(label), "kind": .string(kind?.rawValue ?? "unregistered"),
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
            path: "actors/", title: "Actors",
            description: "Every person, country and organisation in the briefings.",
            kind: "actors", extra: ["groups": .list(groups), "actor_count": .int(model.actors.count)])
    }

    func actorContext(_ id: Int) -> TemplateValue {
        let actor = model.actors[id]
        var context = actorLink(id)
        context.reserveCapacity(context.count + 20)
        context["kind"] = .string(actor.kind?.rawValue ?? "")
        context["role"] = .optional(actor.role)
        context["aliases"] = .list(actor.aliases.map(TemplateValue.string))
        context["has_aliases"] = .bool(!actor.aliases.isEmpty)
        context["affiliation"] = actor.affiliation.map { .object(actorLink($0)) } ?? .null
        context["profile"] = .string(bodies.actors[id].html)
        context["registered"] = .bool(actor.path != nil)
        context["count"] = .int(index.entriesByActor[id].count)
        context["months"] = .list(monthGroups(index.entriesByActor[id]).map(\.group))
        context["topics"] = .list(index.actorTopics[id].map { counted(topicLink($0.id), $0.count) })
        context["seen_with"] = .list(
            index.coActors[id].prefix(10).map { counted(actorLink($0.id), $0.count) })
        context["quotes"] = .list(
            quotesByActor[id].map { item in
                var link = entryLink(item.entry)
                link["url"] = .string(
                    urls.link(SiteURLs.briefing(model.entries[item.entry].slug)) + "#" + item.quote.anchor)
                return ["text": .string(item.quote.text), "briefing": .object(link)]
            })
        context["claims_made"] = .list(index.claims.madeBy[id].map { .object(claimItem($0)) })
        context["claims_denied"] = .list(index.claims.deniedBy[id].map { .object(claimItem($0)) })
        context["has_claims"] = .bool(!index.claims.madeBy[id].isEmpty || !index.claims.deniedBy[id].isEmpty)
        context["indicators"] = .list(index.analysis.indicatorsByActor[id].map { .object(indicatorItem($0)) })
        context["feed_url"] = .string(urls.link(SiteURLs.actor(actor.slug) + "feed.xml"))
        context["json_ld"] = .string(
            StructuredData.actor(
                name: actor.name, kind: actor.kind, url: urls.absolute(SiteURLs.actor(actor.slug)),
                aliases: actor.aliases,
                role: actor.role))
        context["params"] = actor.params.templateValue
        return pageContext(
            path: SiteURLs.actor(actor.slug), title: actor.name,
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

    func topicContext(_ id: Int) -> TemplateValue {
        let topic = model.topics[id]
        var context = topicLink(id)
        context["summary"] = .optional(topic.summary)
        context["aliases"] = .list(topic.aliases.map(TemplateValue.string))
        context["description"] = .string(bodies.topics[id].html)
        context["count"] = .int(index.entriesByTopic[id].count)
        context["months"] = .list(monthGroups(index.entriesByTopic[id]).map(\.group))
        context["key_actors"] = .list(
            index.topicActors[id].prefix(10).map { counted(actorLink($0.id), $0.count) })
        context["claims"] = .list(index.claims.byTopic[id].map { .object(claimItem($0)) })
        context["indicators"] = .list(index.analysis.indicatorsByTopic[id].map { .object(indicatorItem($0)) })
        context["feed_url"] = .string(urls.link(SiteURLs.topic(topic.slug) + "feed.xml"))
        context["params"] = topic.params.templateValue
        return pageContext(
            path: SiteURLs.topic(topic.slug), title: topic.name,
            description: topic.summary ?? "Briefings on \(topic.name).",
            kind: "topic", feeds: [("\(topic.name) — briefings", SiteURLs.topic(topic.slug) + "feed.xml")],
            extra: ["topic": .object(context)])
    }

    func timelineContext() -> TemplateValue {
        var years: [(year: Int, months: [TemplateValue])] = []
        for (year, group) in monthGroups(Array(model.entries.indices)) {
            if let last = years.last, last.year == year {
                years[years.count - 1].months.append(group)
            } else {
                years.append((year, [group]))
            }
        }
        return pageContext(
            path: "timeline/", title: "Timeline", description: "Every briefing by year and month.",
            kind: "timeline",
            extra: ["years": .list(years.map { ["year": .int($0.year), "months": .list($0.months)] })])
    }

    func searchContext() -> TemplateValue {
        pageContext(
            path: "search/", title: "Search", description: "Search the briefings by title, actor or topic.",
            kind: "search", extra: ["search_index": .string(urls.link("search.json"))])
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
