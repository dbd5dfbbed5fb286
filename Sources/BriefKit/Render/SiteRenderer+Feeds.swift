import BriefTemplates
import Foundation

/// Atom feeds, the sitemap and the search records: written in code, not templates, so escaping
/// is always right.
extension SiteRenderer {
    /// The stable part of `tag:` ids: the host of base_url as site.yml writes it (never the
    /// `--base-url` override), so ids survive previews and domain moves done with the flag.
    static func tagAuthority(of config: SiteConfig) -> String {
        URLComponents(string: config.feedIDBase)?.host ?? "brief.invalid"
    }

    func tagID(day: CalendarDay, path: String) -> String { "tag:\(tagAuthority),\(day.iso):\(path)" }

    var feedIDDay: CalendarDay { model.entries.last?.day ?? CalendarDay(year: 2000, month: 1, day: 1) }

    /// A feed to write: its header's values, its entries (newest first) and whether they
    /// carry their bodies.
    struct FeedPlan {
        var title: String
        var path: String
        var alternate: String
        var id: String
        var entries: [Int]
        var content: Bool
    }

    func siteFeed() -> String { feed(siteFeedPlan()) }

    func siteFeedPlan() -> FeedPlan {
        FeedPlan(
            title: model.config.title, path: "feed.xml", alternate: "",
            id: tagID(day: feedIDDay, path: "feed"),
            entries: published(Array(model.entries.indices)), content: true)
    }

    func actorFeed(_ id: Int) -> String { feed(actorFeedPlan(id)) }

    func actorFeedPlan(_ id: Int) -> FeedPlan {
        let actor = model.actors[id]
        let path = SiteURLs.actor(actor.slug)
        return FeedPlan(
            title: "\(actor.name) — \(model.config.title)", path: path + "feed.xml", alternate: path,
            id: tagID(day: feedIDDay, path: path),
            entries: published(index.entriesByActor[id]),
            content: false)
    }

    func topicFeed(_ id: Int) -> String { feed(topicFeedPlan(id)) }

    func topicFeedPlan(_ id: Int) -> FeedPlan {
        let topic = model.topics[id]
        let path = SiteURLs.topic(topic.slug)
        return FeedPlan(
            title: "\(topic.name) — \(model.config.title)", path: path + "feed.xml", alternate: path,
            id: tagID(day: feedIDDay, path: path),
            entries: published(index.entriesByTopic[id]),
            content: false)
    }

    /// The newest `feed_limit` of `entries` that are not drafts: drafts built with `--drafts` are
    /// for previewing and never reach a feed, the sitemap or the search index.
    private func published(_ entries: [Int]) -> [Int] {
        Array(entries.lazy.filter { !self.model.entries[$0].briefing.draft }.prefix(model.config.feedLimit))
    }

    func updated(_ i: Int) -> String { timestamps.updated(i) }

    /// A feed: its header, then each entry's element (with its body when the plan says so),
    /// then the closing tag. `feedFingerprint` hashes the same pieces.
    private func feed(_ plan: FeedPlan) -> String {
        var xml = feedHeader(plan)
        for i in plan.entries {
            if plan.content {
                xml += feedEntry(i).dropLast(Self.entryClose.count)
                xml += feedContentElement(i) + Self.entryClose
            } else {
                xml += feedEntry(i)
            }
        }
        return xml + Self.feedClose
    }

    private static let entryClose = "  </entry>\n"
    private static let feedClose = "</feed>\n"

    /// Everything of a feed before its first entry.
    private func feedHeader(_ plan: FeedPlan) -> String {
        // The first of the latest, by instants computed once (time zone look-ups are not free).
        let newest = plan.entries.max { timestamps.updatedInstant($0) < timestamps.updatedInstant($1) }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(model.config.language))">
              <id>\(XML.escape(plan.id))</id>
              <title>\(XML.escape(plan.title))</title>
              <updated>\(newest.map { timestamps.updated($0) } ?? "2000-01-01T00:00:00Z")</updated>
              <link rel="self" type="application/atom+xml" href="\(XML.escape(urls.absolute(plan.path)))"/>
              <link rel="alternate" type="text/html" href="\(XML.escape(urls.absolute(plan.alternate)))"/>
              <generator>brief</generator>

            """
        if let author = model.config.author {
            xml += "  <author><name>\(XML.escape(author))</name></author>\n"
        }
        return xml
    }

    /// Entry `i`'s `<content>` element: its body with absolute links.
    private func feedContentElement(_ i: Int) -> String {
        "    <content type=\"html\">\(XML.escape(bodies.feedContent[i] ?? ""))</content>\n"
    }

    /// A fingerprint of an actor's or topic's feed (nil for other jobs), taken over the pieces
    /// `feed` writes it from: its header and each entry's element, as a hash kept for the
    /// build (`feedEntryHashes`, set by `forFingerprints`) or taken now. Equal fingerprints,
    /// equal bytes, so an unchanged feed is not written again after an edit (`UnchangedPages`).
    func feedFingerprint(_ job: PageJob, seed: UInt64) -> UInt64? {
        let plan: FeedPlan
        switch job {
        case .actorFeed(let i): plan = actorFeedPlan(i)
        case .topicFeed(let i): plan = topicFeedPlan(i)
        default: return nil
        }
        guard !plan.content, bodyKeysOnly else { return nil }
        var hasher = ContentHasher()
        for word in [seed, PageFingerprints.text(feedHeader(plan)), UInt64(plan.entries.count)] {
            hasher.combine(ContentHash(value: word))
        }
        for i in plan.entries {
            let entry = feedEntryHashes.isEmpty ? PageFingerprints.text(feedEntry(i)) : feedEntryHashes[i]
            hasher.combine(ContentHash(value: entry))
        }
        return hasher.finalize().value
    }

    /// Entry `i`'s `<entry>` element without `<content>`: the one built with the renderer, or,
    /// on a site whose bodies are packed, made again for each feed it is in (about five: its
    /// actors', its topics', the site's). There memory counts for more than that time: one
    /// held for every entry would be among the largest things the renderer keeps.
    func feedEntry(_ i: Int) -> String {
        feedEntries.isEmpty ? makeFeedEntry(i) : feedEntries[i]
    }

    /// An entry's `<entry>` element without `<content>`: the same in every feed it is in, so
    /// built once per entry.
    func makeFeedEntry(_ i: Int) -> String {
        // Fields read in place: a copy of the entry would retain every one of them. The XML is
        // written as bytes: a dozen interpolated strings appended one by one cost more than
        // everything else the entry needs.
        let path = SiteURLs.briefing(model.entries[i].slug)
        var xml: [UInt8] = []
        xml.reserveCapacity(1_024)
        func text(_ literal: StaticString) { literal.withUTF8Buffer { xml.append(contentsOf: $0) } }
        func escaped(_ value: String) { XML.append(value, escapedTo: &xml) }
        text("  <entry>\n    <id>")
        escaped(tagID(day: model.entries[i].day, path: path))
        text("</id>\n    <title>")
        escaped(model.entries[i].briefing.title)
        text("</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"")
        escaped(urls.absolute(path))
        text("\"/>\n")
        if let source = model.entries[i].briefing.source?.url {
            text("    <link rel=\"related\" href=\"")
            escaped(source)
            text("\"")
            if let title = model.entries[i].briefing.source?.title {
                text(" title=\"")
                escaped(title)
                text("\"")
            }
            text("/>\n")
        }
        text("    <published>")
        xml.append(contentsOf: timestamps.date(i).utf8)
        text("</published>\n    <updated>")
        xml.append(contentsOf: updated(i).utf8)
        text("</updated>\n    <author><name>")
        escaped(model.entries[i].briefing.author ?? model.config.author ?? model.config.title)
        text("</name></author>\n")
        for topic in model.entries[i].topics {
            text("    <category term=\"")
            escaped(model.topics[topic].name)
            text("\"/>\n")
        }
        text("    <summary type=\"text\">")
        escaped(summary(of: i))
        text("</summary>\n  </entry>\n")
        return String(decoding: xml, as: UTF8.self)
    }

    /// `/sitemap.xml`: every URL, or — above `SiteMapParts.limit` URLs — a sitemap index of
    /// the parts, as the sitemaps.org protocol requires.
    func sitemap(limit: Int = SiteMapParts.limit) -> String {
        let urls = sitemapURLs()
        guard urls.count > limit else { return Self.urlSet(urls[...]) }
        let newest = model.entries.isEmpty ? nil : updated(0)
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for n in 1...SiteMapParts.count(urls: urls.count, limit: limit) {
            xml += "  <sitemap><loc>\(XML.escape(self.urls.absolute("sitemap-\(n).xml")))</loc>"
            if let newest { xml += "<lastmod>\(newest)</lastmod>" }
            xml += "</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    /// `/sitemap-N.xml`: the Nth `limit` URLs.
    func sitemapPart(_ n: Int, limit: Int = SiteMapParts.limit) -> String {
        let urls = sitemapURLs()
        let start = min((n - 1) * limit, urls.count)
        return Self.urlSet(urls[start..<min(start + limit, urls.count)])
    }

    private static func urlSet(_ urls: ArraySlice<(loc: String, lastmod: String?)>) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (loc, lastmod) in urls {
            xml += "  <url><loc>\(loc)</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Every URL of the sitemap (escaped, absolute) with its last change, in a fixed order;
    /// `SiteMapParts.urlCount` counts the same list without making it.
    func sitemapURLs() -> [(loc: String, lastmod: String?)] {
        var list: [(loc: String, lastmod: String?)] = []
        func add(_ path: String, _ lastmod: String?) {
            list.append((XML.escape(urls.absolute(path)), lastmod))
        }
        let newest = model.entries.isEmpty ? nil : updated(0)
        for page in 1...listPageCount { add(SiteURLs.paginated("", page), newest) }
        for page in 1...listPageCount { add(SiteURLs.paginated("briefings/", page), newest) }
        for i in model.entries.indices where !model.entries[i].briefing.draft {
            add(SiteURLs.briefing(model.entries[i].slug), updated(i))
        }
        for page in 1...actorIndexPageCount { add(SiteURLs.paginated("actors/", page), newest) }
        for (id, actor) in model.actors.enumerated() {
            let lastmod = index.entriesByActor[id].first.map(updated)
            for page in 1...actorPageCount(id) {
                add(SiteURLs.paginated(SiteURLs.actor(actor.slug), page), lastmod)
            }
        }
        add("topics/", newest)
        for (id, topic) in model.topics.enumerated() {
            let lastmod = index.entriesByTopic[id].first.map(updated)
            for page in 1...topicPageCount(id) {
                add(SiteURLs.paginated(SiteURLs.topic(topic.slug), page), lastmod)
            }
        }
        for page in 1...claimIndexPageCount { add(SiteURLs.paginated("claims/", page), newest) }
        for claim in model.claims.tracked {
            add(SiteURLs.claim(claim.id), updated(claim.steps.last!.entry))
        }
        add("sources/", newest)
        for (id, source) in model.sources.enumerated() {
            add(SiteURLs.source(source.slug), index.claims.entriesBySource[id].first.map(updated))
        }
        for page in 1...archivePages.count(index.analysis.judgements.count) {
            add(SiteURLs.paginated("judgements/", page), newest)
        }
        for page in 1...archivePages.count(index.analysis.indicators.count) {
            add(SiteURLs.paginated("indicators/", page), newest)
        }
        let corrected = index.analysis.corrections.first.map { updated($0.entry) }
        for page in 1...archivePages.count(index.analysis.corrections.count) {
            add(SiteURLs.paginated("corrections/", page), corrected)
        }
        add("timeline/", newest)
        for year in years {
            for page in 1...archivePages.count(year.entries.count) {
                add(SiteURLs.paginated(SiteURLs.year(year.year), page), updated(year.entries.lowerBound))
            }
        }
        add("search/", nil)
        for page in model.pages { add(SiteURLs.page(page.slug.value), nil) }
        return list
    }

    /// `search/doc/N.json`: the records of documents 8N to 8N + 7, what the search page shows
    /// of a result and counts facets from: title, URL, date, summary, actors, topics, claim
    /// statuses. The page takes a snippet of the text from the briefing's own page.
    func searchDocuments(_ n: Int) -> Data {
        let first = n * SearchIndex.documentsPerFile
        let documents = first..<min(first + SearchIndex.documentsPerFile, search.entryOfDocument.count)
        var json: [UInt8] = []
        JSONWriter.writeArray(
            documents.lazy.map { searchDocument(self.search.entryOfDocument[$0]) }, into: &json)
        return Data(json)
    }

    private func searchDocument(_ i: Int) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(512)
        func labels(_ ids: [Int], _ labels: [[UInt8]]) {
            JSONWriter.writeArray(ids.lazy.map { labels[$0] + [UInt8(ascii: "]")] }, into: &json)
        }
        let entry = model.entries[i]
        JSONWriter.writeRaw("{\"actors\":", into: &json)
        labels(entry.actors, search.labels.actors)
        JSONWriter.writeRaw(",\"date\":", into: &json)
        JSONWriter.writeString(entry.day.display, into: &json, scriptSafe: false)
        JSONWriter.writeRaw(",\"statuses\":", into: &json)
        let statuses = Briefing.Claim.Status.allCases.filter { status in
            entry.claims.contains { $0.status == status }
        }
        JSONWriter.writeArray(statuses.lazy.map { JSONWriter.string($0.rawValue) }, into: &json)
        JSONWriter.writeRaw(",\"summary\":", into: &json)
        JSONWriter.writeString(summary(of: i), into: &json, scriptSafe: false)
        JSONWriter.writeRaw(",\"title\":", into: &json)
        JSONWriter.writeString(entry.briefing.title, into: &json, scriptSafe: false)
        JSONWriter.writeRaw(",\"topics\":", into: &json)
        labels(entry.topics, search.labels.topics)
        JSONWriter.writeRaw(",\"url\":", into: &json)
        JSONWriter.writeString(urls.link(SiteURLs.briefing(entry.slug)), into: &json, scriptSafe: false)
        json.append(UInt8(ascii: "}"))
        return json
    }

}

/// How the sitemap is split: the sitemaps.org protocol allows at most 50,000 URLs in one file.
enum SiteMapParts {
    static let limit = 50_000

    /// The parts a sitemap of `urls` URLs needs beside `/sitemap.xml`: none when one file holds it.
    static func count(urls: Int, limit: Int = limit) -> Int {
        urls > limit ? (urls + limit - 1) / limit : 0
    }

}
