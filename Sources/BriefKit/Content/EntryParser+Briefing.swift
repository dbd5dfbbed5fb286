extension EntryParser {
    /// The briefing in `source`, or nil with the diagnostics that say why. With `salvaging`,
    /// a briefing whose front matter composes but has errors comes back anyway, its bad fields
    /// left out or given placeholders, so a build can still check its body and report every
    /// problem of the file in one run; the errors still fail the build.
    public static func parseBriefing(_ source: SourceText, salvaging: Bool = false) -> (
        Briefing?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        guard case (var document, let parts)? = document(source, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        document.warnUnknownKeys(known: briefingKeys, kind: "a briefing")
        let title = document.string("title", required: true)
        let date = document.date("date", required: true)
        let updated = document.date("updated")
        let author = document.string("author")?.value
        let summary = document.string("summary")?.value
        let actors = document.stringList("actors")
        let topics = document.stringList("topics")
        let source = briefingSource(&document)
        let claims = claims(&document)
        let judgements = judgements(&document)
        let updates = updates(&document)
        let watch = indicators(&document)
        let image = image(&document)
        let draft = document.bool("draft") ?? false
        let params = document.params()
        let slug = slug(&document, fallback: stem(of: document.path), what: "file name")
        if let date, let updated, updated.value < date.value {
            document.diagnostics.append(.warning(updated.location, "'updated' is earlier than 'date'"))
        }
        if let updated, let newest = updates.max(by: { $0.date < $1.date }), updated.value < newest.date {
            document.diagnostics.append(
                .error(
                    updated.location,
                    "'updated' is earlier than the newest update (\(newest.date), at \(newest.location)); the entry's last change is its newest update: remove 'updated' or move it on"
                ))
        }
        if let date {
            for update in updates where update.date < date.value {
                document.diagnostics.append(
                    .warning(
                        update.location, "this \(update.kind.rawValue) is dated before the briefing itself"))
            }
        }
        diagnostics += document.diagnostics
        if let line = importMarkerLine(parts.body) {
            diagnostics.append(
                .warning(
                    SourceLocation(path: document.path, line: parts.bodyFirstLine + line, column: 1),
                    "the import marker is still here: rewrite the imported notes in your own words, then delete this line"
                ))
        }
        let failed = diagnostics.contains(where: { $0.severity == .error })
        guard salvaging || !failed else { return (nil, diagnostics) }
        // A salvaged briefing stands in with placeholders for the fields that failed.
        let file = SourceLocation(path: document.path)
        guard let title = title ?? (salvaging ? Located("", at: file) : nil),
            let date = date ?? (salvaging ? Located(placeholderDate, at: file) : nil),
            let slug = slug ?? (salvaging ? Located(NameKey.slug(stem(of: document.path)), at: file) : nil)
        else { return (nil, diagnostics) }
        var briefing = Briefing(
            path: document.path, title: title.value, date: date.value, updated: updated?.value,
            author: author,
            summary: summary, actors: actors, topics: topics, source: source, claims: claims, draft: draft,
            slug: slug, params: params, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        if !judgements.isEmpty || !updates.isEmpty || !watch.isEmpty || image != nil {
            var fields = briefing.fields
            fields.judgements = judgements
            fields.updates = updates
            fields.watch = watch
            fields.image = image
            briefing.fields = fields
        }
        return (briefing, diagnostics)
    }

    private static func briefingSource(_ document: inout YAMLDocument) -> Briefing.Source? {
        guard let node = document.node("source") else { return nil }
        guard case .mapping(let mapping, _) = node else {
            document.error(node, "'source' must be a mapping with title, publisher, author, editor and url")
            return nil
        }
        var source = Briefing.Source()
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let text = document.string(value, key: "source.\(name)", required: false)?.value
            switch name {
            case "title": source.title = text
            case "publisher":
                source.publisher = text
                source.publisherLocation = document.location(of: value)
            case "author": source.author = text
            case "editor": source.editor = text
            case "url":
                source.url = text
                if let text, let problem = LinkURL.problem(text) {
                    document.error(value, "'source.url' \(problem), found '\(text)'")
                }
            default:
                var message = "unknown key '\(name)' in source"
                if let guess = EditDistance.suggestion(for: name, among: sourceKeys) {
                    message += "; did you mean '\(guess)'?"
                }
                document.diagnostics.append(.warning(document.location(of: key), message))
            }
        }
        return source
    }

    private static func claims(_ document: inout YAMLDocument) -> [Briefing.Claim] {
        guard let node = document.node("claims") else { return [] }
        guard case .sequence(let sequence, _) = node else {
            document.error(node, "'claims' must be a list of claims, each with claim, by and status")
            return []
        }
        var claims: [Briefing.Claim] = []
        for item in sequence {
            guard case .mapping(let mapping, _) = item else {
                document.error(item, "each claim must be a mapping with claim, by and status")
                continue
            }
            var claim = Briefing.Claim(
                text: nil, by: [], status: nil, deniedBy: [], location: document.location(of: item))
            var valid = true
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                switch name {
                case "claim": claim.text = document.string(value, key: "claim", required: true)?.value
                case "id":
                    claim.id = trackedID(
                        &document, value, kind: "claim", purpose: "it is the claim's URL, /claims/<id>/",
                        reserved: [
                            "page": "is taken by the pages of /claims/ (/claims/page/2/); choose another"
                        ])
                    if claim.id == nil { valid = false }
                case "by": claim.by = namesOrName(&document, value, key: "by")
                case "denied_by": claim.deniedBy = namesOrName(&document, value, key: "denied_by")
                case "source": claim.source = document.string(value, key: "source", required: true)
                case "credibility":
                    claim.credibility = document.int(value, key: "credibility", range: 1...6)
                    if claim.credibility == nil { valid = false }
                case "note": claim.note = document.string(value, key: "note", required: true)?.value
                case "status":
                    claim.status = choice(
                        &document, value, key: "status", Briefing.Claim.Status.self, what: "claim status",
                        lowercase: true)
                    if claim.status == nil { valid = false }
                default:
                    var message = "unknown key '\(name)' in a claim"
                    if let guess = EditDistance.suggestion(for: name, among: claimKeys) {
                        message += "; did you mean '\(guess)'?"
                    }
                    document.diagnostics.append(.warning(document.location(of: key), message))
                }
            }
            if claim.text == nil, claim.id == nil, valid {
                document.error(
                    item,
                    "a claim needs 'claim:', the text of what is claimed (or the 'id' of a tracked claim)")
                continue
            }
            if claim.text != nil || claim.id != nil { claims.append(claim) }
        }
        return claims
    }

    /// `by:` takes a list, but one name alone is common enough to accept.
    private static func namesOrName(_ document: inout YAMLDocument, _ node: YAMLNode, key: String)
        -> [Located<
            String
        >]
    {
        if case .scalar = node {
            return document.string(node, key: key, required: true).map { [$0] } ?? []
        }
        return document.stringList(node, key: key)
    }

    /// The date a salvaged briefing whose own date failed stands in with.
    static let placeholderDate = try! EntryDate.parse("1970-01-01").get()

    /// The line `brief import` writes at the top of a draft's body until the analyst has made
    /// the notes their own.
    public static let importMarker =
        "*Imported from the article: rewrite these notes in your own words before publishing.*"

    /// The line (counted from the body's first, 0-based) of the import marker when it is among
    /// the body's first lines, where the importer puts it; nil otherwise.
    static func importMarkerLine(_ body: String) -> Int? {
        // On the UTF-8 bytes, through a span: Characters would break graphemes across the first
        // lines of every briefing of the site, and walking the UTF-8 view's indices cost more
        // than the look itself.
        let bytes = body.utf8.span
        let marker = importMarker.utf8.span
        var start = 0
        for number in 0..<3 {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var first = start
            var last = end
            while first < last && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")) {
                first += 1
            }
            while last > first
                && (bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t")
                    || bytes[last - 1] == 13)
            {
                last -= 1
            }
            if last - first == marker.count {
                var same = true
                for k in 0..<marker.count where bytes[first + k] != marker[k] {
                    same = false
                    break
                }
                if same { return number }
            }
            guard end < bytes.count else { return nil }
            start = end + 1
        }
        return nil
    }
}
