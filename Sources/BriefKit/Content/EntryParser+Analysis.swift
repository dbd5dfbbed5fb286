/// Key judgements, updates, indicators and the lead image of a briefing.
extension EntryParser {
    static let judgementKeys = ["judgement", "id", "likelihood", "confidence"]
    static let updateKeys = ["date", "kind", "note"]
    static let indicatorKeys = ["indicator", "id", "status"]
    static let imageKeys = ["src", "alt"]

    /// The items of the list at `key`, each a mapping: every value with its key's name and the
    /// key node; an item that is not a mapping is an error, an unknown key a warning.
    static func items(
        _ document: inout YAMLDocument, _ key: String, known: [String], shape: String
    ) -> [(item: YAMLNode, values: [(name: String, key: YAMLNode, value: YAMLNode)])] {
        guard let node = document.node(key) else { return [] }
        if case .scalar(let scalar) = node, YAMLDocument.typeName(scalar) == "empty value" { return [] }
        guard case .sequence(let sequence, _) = node else {
            document.error(node, "'\(key)' must be a list of \(shape)")
            return []
        }
        var result: [(item: YAMLNode, values: [(name: String, key: YAMLNode, value: YAMLNode)])] = []
        for item in sequence {
            guard case .mapping(let mapping, _) = item else {
                document.error(item, "each item of '\(key)' must be a mapping: \(shape)")
                continue
            }
            var values: [(name: String, key: YAMLNode, value: YAMLNode)] = []
            for (name, value) in mapping {
                let text = name.scalar?.string ?? ""
                guard known.contains(text) else {
                    var message = "unknown key '\(text)' in an item of '\(key)'"
                    if let guess = EditDistance.suggestion(for: text, among: known) {
                        message += "; did you mean '\(guess)'?"
                    }
                    document.diagnostics.append(.warning(document.location(of: name), message))
                    continue
                }
                values.append((text, name, value))
            }
            result.append((item, values))
        }
        return result
    }

    static func judgements(_ document: inout YAMLDocument) -> [Briefing.Judgement] {
        var judgements: [Briefing.Judgement] = []
        let shape = "judgements, each with judgement, likelihood and confidence"
        for (item, values) in items(&document, "judgements", known: judgementKeys, shape: shape) {
            var judgement = Briefing.Judgement(
                text: nil, id: nil, likelihood: nil, confidence: nil, location: document.location(of: item))
            var valid = true
            for (name, _, value) in values {
                switch name {
                case "judgement": judgement.text = document.string(value, key: name, required: true)?.value
                case "id":
                    judgement.id = trackedID(
                        &document, value, kind: "judgement", purpose: "it names the judgement on /judgements/"
                    )
                    valid = valid && judgement.id != nil
                case "likelihood":
                    judgement.likelihood = likelihood(&document, value)
                    valid = valid && judgement.likelihood != nil
                default:
                    judgement.confidence = choice(
                        &document, value, key: name, Briefing.Judgement.Confidence.self, what: "confidence",
                        lowercase: true)
                    valid = valid && judgement.confidence != nil
                }
            }
            guard valid else { continue }
            if judgement.text == nil && judgement.id == nil {
                document.error(
                    item, "a judgement needs 'judgement:', its text (or the 'id' of a judgement it revises)")
                continue
            }
            if judgement.id == nil {
                for (key, missing) in [
                    ("likelihood", judgement.likelihood == nil), ("confidence", judgement.confidence == nil),
                ]
                where missing {
                    document.error(item, missingEstimate(key))
                    valid = false
                }
                guard valid else { continue }
            }
            if let text = judgement.text {
                for warning in EstimativeLanguage.problems(in: text, likelihood: judgement.likelihood) {
                    document.diagnostics.append(.warning(judgement.location, warning))
                }
            }
            judgements.append(judgement)
        }
        return judgements
    }

    /// The error for a judgement without its likelihood or confidence.
    static func missingEstimate(_ key: String) -> String {
        key == "likelihood"
            ? "a judgement needs 'likelihood:', one of: \(Briefing.Judgement.Likelihood.allCases.map(\.rawValue).joined(separator: ", "))"
            : "a judgement needs 'confidence:', one of: low, moderate, high"
    }

    /// One of ICD 203's seven terms; an unknown one is an error listing them, with the term a
    /// synonym means ("probable" → "likely") or else the closest.
    static func likelihood(_ document: inout YAMLDocument, _ node: YAMLNode) -> Briefing.Judgement.Likelihood?
    {
        guard let written = document.string(node, key: "likelihood", required: true) else { return nil }
        let text = written.value.trimmingSpaces.lowercased().split(separator: " ").joined(separator: " ")
        if let value = Briefing.Judgement.Likelihood(rawValue: text) { return value }
        let terms = Briefing.Judgement.Likelihood.allCases.map(\.rawValue)
        var message =
            "unknown likelihood '\(written.value)'; use one of ICD 203's seven terms: \(terms.joined(separator: ", "))"
        if let guess = Briefing.Judgement.Likelihood.synonyms[text]?.rawValue
            ?? EditDistance.suggestion(for: text, among: terms)
        {
            message += "; did you mean '\(guess)'?"
        }
        document.diagnostics.append(.error(written.location, message))
        return nil
    }

    static func updates(_ document: inout YAMLDocument) -> [Briefing.Update] {
        var updates: [Briefing.Update] = []
        let shape = "updates, each with date, kind (update or correction) and note"
        for (item, values) in items(&document, "updates", known: updateKeys, shape: shape) {
            var date: EntryDate?
            var kind: Briefing.Update.Kind?
            var note: String?
            var valid = true
            for (name, _, value) in values {
                switch name {
                case "date":
                    date = document.date(value, key: "date")?.value
                    valid = valid && date != nil
                case "kind":
                    kind = choice(
                        &document, value, key: name, Briefing.Update.Kind.self, what: "update kind",
                        lowercase: true)
                    valid = valid && kind != nil
                default:
                    note = document.string(value, key: name, required: true)?.value
                    valid = valid && note != nil
                }
            }
            guard valid else { continue }
            let missing = [("date", date == nil), ("kind", kind == nil), ("note", note == nil)].filter(\.1)
                .map {
                    "'\($0.0):'"
                }
            guard let date, let kind, let note else {
                document.error(
                    item,
                    "an update needs \(missing.joined(separator: " and ")): each has date, kind (update or correction) and note"
                )
                continue
            }
            updates.append(
                Briefing.Update(date: date, kind: kind, note: note, location: document.location(of: item)))
        }
        return updates
    }

    static func indicators(_ document: inout YAMLDocument) -> [Briefing.Indicator] {
        var indicators: [Briefing.Indicator] = []
        let shape = "indicators, each with indicator, id and status"
        for (item, values) in items(&document, "watch", known: indicatorKeys, shape: shape) {
            var indicator = Briefing.Indicator(
                text: nil, id: nil, status: nil, location: document.location(of: item))
            var valid = true
            for (name, _, value) in values {
                switch name {
                case "indicator": indicator.text = document.string(value, key: name, required: true)?.value
                case "id":
                    indicator.id = trackedID(
                        &document, value, kind: "indicator", purpose: "it names the indicator on /indicators/"
                    )
                    valid = valid && indicator.id != nil
                default:
                    indicator.status = choice(
                        &document, value, key: name, Briefing.Indicator.Status.self, what: "indicator status",
                        lowercase: true)
                    valid = valid && indicator.status != nil
                }
            }
            guard valid else { continue }
            if indicator.text == nil && indicator.id == nil {
                document.error(
                    item, "an indicator needs 'indicator:', what to watch for (or the 'id' of one it revises)"
                )
                continue
            }
            indicators.append(indicator)
        }
        return indicators
    }

    /// `image:` as `{src, alt}` (or a bare path, which then lacks its alt text).
    static func image(_ document: inout YAMLDocument) -> Briefing.Image? {
        guard let node = document.node("image") else { return nil }
        var src: Located<String>?
        var alt: String?
        switch node {
        case .scalar: src = document.string(node, key: "image", required: true)
        case .mapping(let mapping, _):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                switch name {
                case "src": src = document.string(value, key: "image.src", required: true)
                case "alt": alt = document.string(value, key: "image.alt", required: true)?.value
                default:
                    var message = "unknown key '\(name)' in image"
                    if let guess = EditDistance.suggestion(for: name, among: imageKeys) {
                        message += "; did you mean '\(guess)'?"
                    }
                    document.diagnostics.append(.warning(document.location(of: key), message))
                }
            }
        default:
            document.error(node, "'image' must be a mapping: image: { src: map.png, alt: \"What it shows\" }")
            return nil
        }
        guard let src else {
            if case .mapping = node {
                document.error(node, "'image' needs 'src:', a file under Content/media/")
            }
            return nil
        }
        guard let path = mediaPath(src.value) else {
            document.error(
                node,
                "'image' must be a file under Content/media/, like map.png or media/map.png; found '\(src.value)'"
            )
            return nil
        }
        guard let alt else {
            document.error(
                node,
                "the image needs alternative text: image: { src: \(path), alt: \"What the image shows\" }")
            return nil
        }
        return Briefing.Image(path: Located(path, at: src.location), alt: alt)
    }

    /// A path below `Content/media/` from what an analyst writes (`map.png`, `media/map.png`,
    /// `/media/map.png`); nil when it leaves the folder or is not a plain relative path.
    static func mediaPath(_ written: String) -> String? {
        var path = written.trimmingSpaces
        for prefix in ["/media/", "media/", "Content/media/"] where path.hasPrefix(prefix) {
            path = String(path.dropFirst(prefix.count))
            break
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") })
        else { return nil }
        return path
    }

    /// An `id` of a tracked item (claim, judgement, indicator): part of a URL, so lower-case
    /// letters, digits and '-'. `purpose` says where it shows; `reserved` ids are refused with
    /// their reason.
    static func trackedID(
        _ document: inout YAMLDocument, _ node: YAMLNode, kind: String, purpose: String,
        reserved: [String: String] = [:]
    ) -> Located<String>? {
        guard let id = document.string(node, key: "id", required: true) else { return nil }
        if let reason = reserved[id.value] {
            document.error(node, "\(kind) id '\(id.value)' \(reason)")
            return nil
        }
        let slug = NameKey.slug(id.value)
        if !slug.isEmpty && slug == id.value { return id }
        var message =
            "\(kind) id '\(id.value)' must be lower-case letters, digits and '-' (\(purpose))"
        if !slug.isEmpty { message += "; write '\(slug)'" }
        document.error(node, message)
        return nil
    }
}
