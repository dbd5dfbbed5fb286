import BriefTemplates
import Foundation

/// schema.org JSON-LD, written by a JSON encoder (never through Mustache escaping) and made safe
/// inside `<script>`: `<`, `>` and `&` in strings are escaped as \u003c, \u003e and \u0026, so
/// a title with `</script>` (or `<!--`) cannot end the block.
enum StructuredData {
    static func newsArticle(
        entry: SiteModel.Entry, url: String, published: String, modified: String, author: String,
        source registered: (name: String, url: String?)?, corrections: [(date: String, note: String)] = [],
        image: String? = nil, actors: [(name: String, url: String)],
        description: String
    ) -> String {
        // Written directly as bytes, keys in sorted order (as JSONWriter sorts them), strings
        // made script-safe as they are written: one article per briefing page, so building a
        // dictionary, or a String appended piece by piece, was a cost.
        var json: [UInt8] = []
        json.reserveCapacity(2_048)
        func raw(_ text: StaticString) { JSONWriter.writeRaw(text, into: &json) }
        func string(_ value: String) { JSONWriter.writeString(value, into: &json, scriptSafe: true) }
        func field(_ key: StaticString, _ value: String) {
            raw(",\"")
            raw(key)
            raw("\":")
            string(value)
        }
        func thing(_ actor: (name: String, url: String)) {
            raw("{\"@type\":\"Thing\",\"name\":")
            string(actor.name)
            raw(",\"url\":")
            string(actor.url)
            raw("}")
        }
        raw("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"")
        if let first = actors.first {
            raw(",\"about\":")
            thing(first)
        }
        raw(",\"author\":{\"@type\":\"Person\",\"name\":")
        string(author)
        raw("}")
        if !corrections.isEmpty {
            raw(",\"correction\":[")
            for (n, correction) in corrections.enumerated() {
                raw(n == 0 ? "{" : ",{")
                raw("\"@type\":\"CorrectionComment\"")
                field("datePublished", correction.date)
                field("text", correction.note)
                raw("}")
            }
            raw("]")
        }
        field("dateModified", modified)
        field("datePublished", published)
        field("description", description)
        field("headline", entry.briefing.title)
        if let image { field("image", image) }
        if let source = entry.briefing.source {
            raw(",\"isBasedOn\":{\"@type\":\"NewsArticle\"")
            if let author = source.author {
                raw(",\"author\":{\"@type\":\"Person\",\"name\":")
                string(author)
                raw("}")
            }
            if let title = source.title { field("headline", title) }
            if let publisher = registered?.name ?? source.publisher {
                raw(",\"publisher\":{\"@type\":\"Organization\",\"name\":")
                string(publisher)
                if let link = registered?.url { field("url", link) }
                raw("}")
            }
            if let url = source.url { field("url", url) }
            raw("}")
        }
        field("mainEntityOfPage", url)
        if actors.count > 1 {
            raw(",\"mentions\":[")
            for (i, actor) in actors.dropFirst().enumerated() {
                if i > 0 { raw(",") }
                thing(actor)
            }
            raw("]")
        }
        if let registered {
            // The registered source the briefing draws on, by its registry name.
            raw(",\"sourceOrganization\":{\"@type\":\"Organization\",\"name\":")
            string(registered.name)
            if let link = registered.url { field("url", link) }
            raw("}")
        }
        field("url", url)
        raw("}")
        return String(decoding: json, as: UTF8.self)
    }

    static func actor(name: String, kind: Actor.Kind?, url: String, aliases: [String], role: String?)
        -> String
    {
        let type =
            switch kind {
            case .person: "Person"
            case .country: "Country"
            case .organization, .group: "Organization"
            case nil: "Thing"
            }
        var object: Fields = [
            "@context": "https://schema.org", "@type": .string(type), "name": .string(name),
            "url": .string(url),
        ]
        if !aliases.isEmpty { object["alternateName"] = .list(aliases.map(TemplateValue.string)) }
        if let role { object[kind == .person ? "jobTitle" : "description"] = .string(role) }
        return encode(object)
    }

    static func encode(_ object: Fields) -> String {
        JSONWriter.encode(.object(object), scriptSafe: true)
    }
}
