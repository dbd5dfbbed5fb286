import Foundation

/// Context pieces shared by every page: the site, the page's own metadata, and entry cards.
extension SiteRenderer {
    var siteContext: [String: Any] {
        let config = model.config
        var site: [String: Any] = [
            "title": config.title, "language": config.language, "base_url": config.absoluteBase,
            "base_path": urls.basePath, "params": config.params.templateValue,
            "feed_url": urls.link("feed.xml"),
            "assets": urls.link("assets/"),
            "nav": [
                "home": urls.link(""), "briefings": urls.link("briefings/"), "actors": urls.link("actors/"),
                "topics": urls.link("topics/"), "timeline": urls.link("timeline/"),
                "search": urls.link("search/"),
            ],
        ]
        if let description = config.description { site["description"] = description }
        if let author = config.author { site["author"] = author }
        return site
    }

    /// The context every template gets: `site`, `page` (title, description, url, canonical,
    /// feeds) and whatever the page kind adds.
    func pageContext(
        path: String, title: String, description: String?, kind: String, feeds: [(String, String)] = [],
        extra: [String: Any]
    ) -> [String: Any] {
        var allFeeds = feeds.map { ["title": $0.0, "url": urls.link($0.1)] }
        allFeeds.append(["title": model.config.title, "url": urls.link("feed.xml")])
        var page: [String: Any] = [
            "title": title, "url": urls.link(path), "canonical": urls.absolute(path), "kind": kind,
            "feeds": allFeeds, "is_\(kind)": true,
            "description": description ?? model.config.description ?? model.config.title,
        ]
        page["full_title"] = title == model.config.title ? title : "\(title) · \(model.config.title)"
        var context = extra
        context["site"] = siteContext
        context["page"] = page
        return context
    }

    func actorLink(_ id: Int) -> [String: Any] {
        let actor = model.actors[id]
        return ["name": actor.name, "url": urls.link(SiteURLs.actor(actor.slug)), "slug": actor.slug]
    }

    func topicLink(_ id: Int) -> [String: Any] {
        let topic = model.topics[id]
        return ["name": topic.name, "url": urls.link(SiteURLs.topic(topic.slug)), "slug": topic.slug]
    }

    func summary(of index: Int) -> String {
        let entry = model.entries[index]
        return entry.briefing.summary ?? bodies.entries[index].firstParagraph ?? ""
    }

    /// An entry as timelines and short lists show it: title, link and date.
    func entryLink(_ index: Int) -> [String: Any] {
        let entry = model.entries[index]
        return [
            "title": entry.briefing.title, "url": urls.link(SiteURLs.briefing(entry.slug)),
            "slug": entry.slug,
            "date": entry.day.display, "date_iso": entryTimestamps[index],
        ]
    }

    /// An entry as lists show it: `entryLink` plus summary, actors, topics and the draft flag.
    func card(_ index: Int) -> [String: Any] {
        let entry = model.entries[index]
        var card = entryLink(index)
        card["summary"] = summary(of: index)
        card["actors"] = entry.actors.map(actorLink)
        card["topics"] = entry.topics.map(topicLink)
        if entry.briefing.draft { card["draft"] = true }
        return card
    }

    /// Pagination links for page `number` of `count` pages of a list starting at `first`.
    func pagination(first: String, number: Int, count: Int) -> [String: Any] {
        var pagination: [String: Any] = ["current": number, "total": count, "is_paginated": count > 1]
        if number > 1 { pagination["previous"] = urls.link(SiteURLs.paginated(first, number - 1)) }
        if number < count { pagination["next"] = urls.link(SiteURLs.paginated(first, number + 1)) }
        return pagination
    }

    var listPageCount: Int {
        max(1, (model.entries.count + model.config.pageSize - 1) / model.config.pageSize)
    }

    func listSlice(page: Int) -> Range<Int> {
        let size = model.config.pageSize
        let start = min((page - 1) * size, model.entries.count)
        return start..<min(start + size, model.entries.count)
    }

    /// Entries grouped by year and month of their day in the site zone, newest first.
    func monthGroups(_ indices: [Int]) -> [[String: Any]] {
        var groups: [[String: Any]] = []
        var current: (year: Int, month: Int)?
        var items: [[String: Any]] = []
        func flush() {
            guard let current, !items.isEmpty else { return }
            groups.append([
                "label": "\(CalendarDay.monthNames[current.month - 1]) \(current.year)",
                "year": current.year, "month": current.month, "entries": items,
                "id": String(format: "%04d-%02d", current.year, current.month),
            ])
        }
        for i in indices {
            let day = model.entries[i].day
            if current == nil || current! != (day.year, day.month) {
                flush()
                current = (day.year, day.month)
                items = []
            }
            items.append(entryLink(i))
        }
        flush()
        return groups
    }
}
