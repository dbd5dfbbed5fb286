import BriefTemplates
import Foundation

/// An object in a page context.
typealias Fields = TemplateFields

/// Context pieces shared by every page: the site, the page's own metadata, and entry cards.
extension SiteRenderer {
    static func siteContext(config: SiteConfig, urls: SiteURLs) -> TemplateValue {
        var site: Fields = [
            "title": .string(config.title), "language": .string(config.language),
            "base_url": .string(config.absoluteBase),
            "base_path": .string(urls.basePath), "params": config.params.templateValue,
            "feed_url": .string(urls.link("feed.xml")),
            "assets": .string(urls.link("assets/")),
            "nav": [
                "home": .string(urls.link("")), "briefings": .string(urls.link("briefings/")),
                "actors": .string(urls.link("actors/")), "topics": .string(urls.link("topics/")),
                "claims": .string(urls.link("claims/")), "sources": .string(urls.link("sources/")),
                "judgements": .string(urls.link("judgements/")),
                "indicators": .string(urls.link("indicators/")),
                "corrections": .string(urls.link("corrections/")),
                "timeline": .string(urls.link("timeline/")), "search": .string(urls.link("search/")),
            ],
        ]
        site["description"] = .optional(config.description)
        site["author"] = .optional(config.author)
        return .object(site)
    }

    /// The context every template gets: `site`, `page` (title, description, url, canonical,
    /// feeds) and whatever the page kind adds.
    func pageContext(
        path: String, title: String, description: String?, kind: String, feeds: [(String, String)] = [],
        sharing: Fields = [:], extra: Fields
    ) -> TemplateValue {
        var allFeeds: [TemplateValue] = feeds.map {
            ["title": .string($0.0), "url": .string(urls.link($0.1))]
        }
        allFeeds.append(["title": .string(model.config.title), "url": .string(urls.link("feed.xml"))])
        let fullTitle = title == model.config.title ? title : "\(title) · \(model.config.title)"
        var page: Fields = [
            "title": .string(title), "url": .string(urls.link(path)),
            "canonical": .string(urls.absolute(path)),
            "kind": .string(kind), "feeds": .list(allFeeds), "is_\(kind)": true,
            "description": .string(description ?? model.config.description ?? model.config.title),
            "full_title": .string(fullTitle),
        ]
        // What sharing cards show: a page's own image, else the site's; the times of articles.
        for key in ["image", "image_alt", "published_time", "modified_time"] {
            page[key] = sharing[key] ?? .null
        }
        if page["image"] == .null, let image = model.config.image {
            page["image"] = .string(urls.absolute("media/" + image.value))
        }
        page["twitter_card"] = .string(page["image"] == .null ? "summary" : "summary_large_image")
        var context = extra
        context.reserveCapacity(extra.count + 2)
        context["site"] = site
        context["page"] = .object(page)
        return .object(context)
    }

    static func actorLink(_ actor: SiteModel.ActorRecord, urls: SiteURLs) -> Fields {
        [
            "name": .string(actor.name), "url": .string(urls.link(SiteURLs.actor(actor.slug))),
            "slug": .string(actor.slug),
        ]
    }

    static func topicLink(_ topic: SiteModel.TopicRecord, urls: SiteURLs) -> Fields {
        [
            "name": .string(topic.name), "url": .string(urls.link(SiteURLs.topic(topic.slug))),
            "slug": .string(topic.slug),
        ]
    }

    /// An actor's `{name, url, slug}`, built once per site.
    func actorLink(_ id: Int) -> Fields { actorLinks[id] }

    /// A topic's `{name, url, slug}`, built once per site.
    func topicLink(_ id: Int) -> Fields { topicLinks[id] }

    func summary(of index: Int) -> String {
        // Through the array, not a copy of the entry: a copy retains each of its fields.
        model.entries[index].briefing.summary ?? bodies.entries[index].firstParagraph ?? ""
    }

    /// An entry as timelines and short lists show it: title, link and date.
    func makeEntryLink(_ index: Int) -> Fields {
        let slug = model.entries[index].slug
        return [
            "title": .string(model.entries[index].briefing.title),
            "url": .string(urls.link(SiteURLs.briefing(slug))),
            "slug": .string(slug),
            "date": .string(model.entries[index].day.display), "date_iso": .string(timestamps.date(index)),
        ]
    }

    /// An entry as lists show it: its entry link plus summary, actors, topics and the draft flag.
    func makeCard(_ index: Int) -> Fields {
        var card = entryLink(index)
        card.reserveCapacity(card.count + 4)
        card["summary"] = .string(summary(of: index))
        card["actors"] = .list(model.entries[index].actors.map { .object(actorLinks[$0]) })
        card["topics"] = .list(model.entries[index].topics.map { .object(topicLinks[$0]) })
        card["draft"] = .bool(model.entries[index].briefing.draft)
        return card
    }

    /// Entry `index`'s link: the one made for every entry, or made now (`makesEntryTables`).
    func entryLink(_ index: Int) -> Fields { entryLinks.isEmpty ? makeEntryLink(index) : entryLinks[index] }

    /// Entry `index`'s card: the one made for every entry, or made now (`makesEntryTables`).
    func cardFields(_ index: Int) -> Fields { cards.isEmpty ? makeCard(index) : cards[index] }

    func card(_ index: Int) -> TemplateValue { .object(cardFields(index)) }

    /// Pagination links for page `number` of `count` pages of a list starting at `first`.
    func pagination(first: String, number: Int, count: Int) -> TemplateValue {
        var pagination: Fields = [
            "current": .int(number), "total": .int(count), "is_paginated": .bool(count > 1),
        ]
        if number > 1 { pagination["previous"] = .string(urls.link(SiteURLs.paginated(first, number - 1))) }
        if number < count { pagination["next"] = .string(urls.link(SiteURLs.paginated(first, number + 1))) }
        return .object(pagination)
    }

    var listPageCount: Int { model.listPageCount }

    func listSlice(page: Int) -> Range<Int> {
        let size = model.config.pageSize
        let start = min((page - 1) * size, model.entries.count)
        return start..<min(start + size, model.entries.count)
    }

    /// Entries grouped by year and month of their day in the site zone, newest first.
    func monthGroups(_ indices: [Int]) -> [(year: Int, group: TemplateValue)] {
        var groups: [(year: Int, group: TemplateValue)] = []
        var current: (year: Int, month: Int)?
        var items: [TemplateValue] = []
        func flush() {
            guard let current, !items.isEmpty else { return }
            let group: Fields = [
                "label": .string("\(CalendarDay.monthNames[current.month - 1]) \(current.year)"),
                "year": .int(current.year), "month": .int(current.month), "entries": .list(items),
                "id": .string(CalendarDay(year: current.year, month: current.month, day: 1).isoMonth),
            ]
            groups.append((current.year, .object(group)))
        }
        for i in indices {
            let day = model.entries[i].day
            if current == nil || current! != (day.year, day.month) {
                flush()
                current = (day.year, day.month)
                items = []
            }
            items.append(.object(entryLink(i)))
        }
        flush()
        return groups
    }
}
