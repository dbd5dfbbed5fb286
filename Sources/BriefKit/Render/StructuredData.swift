import Foundation

/// schema.org JSON-LD, written by a JSON encoder (never through Mustache escaping) and made safe inside `<script>`: `<`, `>`
/// and `&` are escaped as \u003c, \u003e and \u0026, so a title with `</script>` cannot end the block.
enum StructuredData {
    static func newsArticle(
        entry: SiteModel.Entry, url: String, published: String, modified: String, author: String,
        actors: [(name: String, url: String)], description: String
    ) -> String {
        var object: Fields = [
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": .string(entry.briefing.title),
            "datePublished": .string(published), "dateModified": .string(modified), "url": .string(url),
            "mainEntityOfPage": .string(url),
            "author": ["@type": "Person", "name": .string(author)], "description": .string(description),
        ]
        if let source = entry.briefing.source {
            var based: Fields = ["@type": "NewsArticle"]
            if let title = source.title { based["headline"] = .string(title) }
            if let url = source.url { based["url"] = .string(url) }
            if let publisher = source.publisher {
                based["publisher"] = ["@type": "Organization", "name": .string(publisher)]
            }
            if let author = source.author { based["author"] = ["@type": "Person", "name": .string(author)] }
            object["isBasedOn"] = .object(based)
        }
        let things: [TemplateValue] = actors.map {
            ["@type": "Thing", "name": .string($0.name), "url": .string($0.url)]
        }
        if let first = things.first { object["about"] = first }
        if things.count > 1 { object["mentions"] = .list(Array(things.dropFirst())) }
        return encode(object)
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
