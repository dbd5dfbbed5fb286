import Foundation

/// schema.org JSON-LD, written by JSONSerialization and made safe inside `<script>`: `<`, `>`
/// and `&` are escaped as \u003c, \u003e and \u0026, so a title with `</script>` cannot end the block.
enum StructuredData {
    static func newsArticle(
        entry: SiteModel.Entry, url: String, published: String, modified: String, author: String,
        actors: [(name: String, url: String)], description: String
    ) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": entry.briefing.title,
            "datePublished": published, "dateModified": modified, "url": url, "mainEntityOfPage": url,
            "author": ["@type": "Person", "name": author], "description": description,
        ]
        if let source = entry.briefing.source {
            var based: [String: Any] = ["@type": "NewsArticle"]
            if let title = source.title { based["headline"] = title }
            if let url = source.url { based["url"] = url }
            if let publisher = source.publisher {
                based["publisher"] = ["@type": "Organization", "name": publisher]
            }
            if let author = source.author { based["author"] = ["@type": "Person", "name": author] }
            object["isBasedOn"] = based
        }
        let things = actors.map { ["@type": "Thing", "name": $0.name, "url": $0.url] }
        if let first = things.first { object["about"] = first }
        if things.count > 1 { object["mentions"] = Array(things.dropFirst()) }
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
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": type, "name": name, "url": url,
        ]
        if !aliases.isEmpty { object["alternateName"] = aliases }
        if let role { object[kind == .person ? "jobTitle" : "description"] = role }
        return encode(object)
    }

    static func encode(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return scriptSafe(text)
    }

    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for character in json {
            switch character {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.append(character)
            }
        }
        return out
    }
}
