import Foundation

/// Turns one decoded content file into a typed value (briefing, actor, topic or page), or into
/// located diagnostics. Pure and independent per file, so files parse in parallel.
public enum EntryParser {
    static let briefingKeys = [
        "title", "date", "updated", "author", "summary", "actors", "topics", "source", "claims", "judgements",
        "updates", "watch", "image", "draft", "slug", "params",
    ]
    static let actorKeys = ["name", "kind", "aliases", "role", "affiliation", "slug", "params"]
    static let topicKeys = ["name", "aliases", "summary", "slug", "params"]
    static let pageKeys = ["title", "description", "slug", "params"]
    static let sourceKeys = ["title", "publisher", "author", "editor", "url"]
    static let claimKeys = ["claim", "id", "by", "status", "denied_by", "source", "credibility", "note"]

    /// Splits front matter from body and composes the YAML; nil (with diagnostics) when either fails.
    static func document(
        _ source: SourceText, diagnostics: inout [Diagnostic]
    ) -> (YAMLDocument, FrontMatterSplitter.Parts)? {
        let start = SourceLocation(path: source.path, line: 1, column: 1)
        switch FrontMatterSplitter.split(source.text) {
        case .failure(.empty):
            diagnostics.append(
                .error(start, "file is empty; a content file starts with front matter between '---' lines"))
            return nil
        case .failure(.missing):
            diagnostics.append(.error(start, "missing front matter: the file must start with a '---' line"))
            return nil
        case .failure(.unclosed):
            diagnostics.append(.error(start, "front matter is never closed: add a '---' line after it"))
            return nil
        case .success(let parts):
            guard
                let document = YAMLDocument.compose(
                    parts.yaml, path: source.path, firstLine: parts.yamlFirstLine, diagnostics: &diagnostics)
            else { return nil }
            return (document, parts)
        }
    }

    /// The slug: `slug:` when given (checked to be a plain segment), else made from `fallback`.
    static func slug(
        _ document: inout YAMLDocument, fallback: String, what: String
    ) -> Located<String>? {
        if let given = document.string("slug") {
            guard NameKey.isPlainSegment(given.value) else {
                document.diagnostics.append(
                    .error(
                        given.location,
                        "slug '\(given.value)' must be one plain URL segment (letters, digits, '-', '_', '.'; no '/' or '..')"
                    ))
                return nil
            }
            return given
        }
        let made = NameKey.slug(fallback)
        guard NameKey.hasASCIILetters(made) || made.contains(where: \.isNumber) else {
            document.diagnostics.append(
                .error(
                    (what == "name" ? document.keyLocation("name") : nil)
                        ?? SourceLocation(path: document.path, line: 1, column: 1),
                    "cannot make a URL from the \(what) '\(fallback)': it has no Latin letters; add an explicit 'slug:'"
                ))
            return nil
        }
        return Located(made, at: SourceLocation(path: document.path, line: 1, column: 1))
    }

    /// A file name without extension and without a leading `YYYY-MM-DD-` date prefix.
    static func stem(of path: String) -> String {
        var name = fileName(of: path)
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let utf8 = Array(name.utf8)
        if utf8.count > 11, case .success = EntryDate.parse(String(name.prefix(10))),
            utf8[10] == UInt8(ascii: "-")
        {
            return String(name.dropFirst(11))
        }
        return name
    }

    /// The last component of `path`, as `NSString.lastPathComponent` gives it, found on the
    /// bytes (bridging every entry's path to `NSString` cost more than parsing its date).
    static func fileName(of path: String) -> String {
        let bytes = path.utf8.span
        var end = bytes.count
        while end > 1 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > 0 && bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        guard start < end else { return (path as NSString).lastPathComponent }
        let utf8 = path.utf8
        return String(
            path[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    public static func parseActor(_ source: SourceText) -> (Actor?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard case (var document, let parts)? = document(source, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        document.warnUnknownKeys(known: actorKeys, kind: "an actor")
        let name = document.string("name", required: true)
        let kind = choice(&document, "kind", Actor.Kind.self, what: "actor kind", lowercase: true)
        let aliases = document.stringList("aliases")
        let role = document.string("role")?.value
        let affiliation = document.string("affiliation")
        let params = document.params()
        var slug: Located<String>?
        if let name { slug = Self.slug(&document, fallback: name.value, what: "name") }
        diagnostics += document.diagnostics
        guard let name, let slug, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let actor = Actor(
            path: source.path, name: name.value, kind: kind, aliases: aliases, role: role,
            affiliation: affiliation,
            slug: slug, params: params, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        return (actor, diagnostics)
    }

    public static func parseTopic(_ source: SourceText) -> (Topic?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard case (var document, let parts)? = document(source, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        document.warnUnknownKeys(known: topicKeys, kind: "a topic")
        let name = document.string("name", required: true)
        let aliases = document.stringList("aliases")
        let summary = document.string("summary")?.value
        let params = document.params()
        var slug: Located<String>?
        if let name { slug = Self.slug(&document, fallback: name.value, what: "name") }
        diagnostics += document.diagnostics
        guard let name, let slug, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let topic = Topic(
            path: source.path, name: name.value, aliases: aliases, summary: summary, slug: slug,
            params: params,
            body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        return (topic, diagnostics)
    }

    public static func parsePage(_ source: SourceText) -> (StaticPage?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard case (var document, let parts)? = document(source, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        document.warnUnknownKeys(known: pageKeys, kind: "a page")
        let title = document.string("title", required: true)
        let description = document.string("description")?.value
        let params = document.params()
        let slug = slug(&document, fallback: stem(of: source.path), what: "file name")
        diagnostics += document.diagnostics
        guard let title, let slug, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let page = StaticPage(
            path: source.path, title: title.value, description: description, slug: slug, params: params,
            body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        return (page, diagnostics)
    }
}
