import Foundation

/// schema.org JSON-LD, written by a JSON encoder (never through Mustache escaping) and made safe inside `<script>`: `<`, `>`
/// and `&` are escaped as \u003c, \u003e and \u0026, so a title with `</script>` cannot end the block.
enum StructuredData {
    static func newsArticle(
        entry: SiteModel.Entry, url: String, published: String, modified: String, author: String,
        actors: [(name: String, url: String)], description: String
    ) -> String {
        // Written directly, keys in sorted order (as JSONWriter sorts them): one article per
        // briefing page, so building and sorting a dictionary each time was a cost.
        var json = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\""
        func field(_ key: String, _ value: String) {
            json += ",\"\(key)\":"
            JSONWriter.writeString(value, into: &json)
        }
        func thing(_ actor: (name: String, url: String)) {
            json += "{\"@type\":\"Thing\",\"name\":"
            JSONWriter.writeString(actor.name, into: &json)
            json += ",\"url\":"
            JSONWriter.writeString(actor.url, into: &json)
            json += "}"
        }
        if let first = actors.first {
            json += ",\"about\":"
            thing(first)
        }
        json += ",\"author\":{\"@type\":\"Person\",\"name\":"
        JSONWriter.writeString(author, into: &json)
        json += "}"
        field("dateModified", modified)
        field("datePublished", published)
        field("description", description)
        field("headline", entry.briefing.title)
        if let source = entry.briefing.source {
            json += ",\"isBasedOn\":{\"@type\":\"NewsArticle\""
            if let author = source.author {
                json += ",\"author\":{\"@type\":\"Person\",\"name\":"
                JSONWriter.writeString(author, into: &json)
                json += "}"
            }
            if let title = source.title { field("headline", title) }
            if let publisher = source.publisher {
                json += ",\"publisher\":{\"@type\":\"Organization\",\"name\":"
                JSONWriter.writeString(publisher, into: &json)
                json += "}"
            }
            if let url = source.url { field("url", url) }
            json += "}"
        }
        field("mainEntityOfPage", url)
        if actors.count > 1 {
            json += ",\"mentions\":["
            for (i, actor) in actors.dropFirst().enumerated() {
                if i > 0 { json += "," }
                thing(actor)
            }
            json += "]"
        }
        field("url", url)
        return scriptSafe(json + "}")
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
        scriptSafe(JSONWriter.encode(.object(object)))
    }

    /// `<`, `>` and `&` as JSON escapes, so no `</script>` or `<!--` can appear in the block.
    static func scriptSafe(_ json: String) -> String {
        ByteEscaping.escape(json) { byte in
            switch byte {
            case UInt8(ascii: "<"): "\\u003c"
            case UInt8(ascii: ">"): "\\u003e"
            case UInt8(ascii: "&"): "\\u0026"
            default: nil
            }
        }
    }
}
