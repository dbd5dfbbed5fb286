extension EntryParser {
    static let gradedSourceKeys = ["name", "aliases", "kind", "reliability", "url", "slug", "params"]

    /// A source registry file: `Content/sources/<name>.md`.
    public static func parseSource(_ source: SourceText) -> (GradedSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard case (var document, let parts)? = document(source, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        document.warnUnknownKeys(known: gradedSourceKeys, kind: "a source")
        let name = document.string("name", required: true)
        let aliases = document.stringList("aliases")
        let kind = choice(&document, "kind", GradedSource.Kind.self, what: "source kind", lowercase: true)
        let reliability = choice(
            &document, "reliability", GradedSource.Reliability.self, what: "reliability grade",
            lowercase: false,
            hint: " (Admiralty: A completely reliable … E unreliable, F cannot be judged)")
        let url = document.string("url")
        if let url, let problem = LinkURL.problem(url.value) {
            document.diagnostics.append(.error(url.location, "'url' \(problem), found '\(url.value)'"))
        }
        let params = document.params()
        var slug: Located<String>?
        if let name { slug = Self.slug(&document, fallback: name.value, what: "name") }
        diagnostics += document.diagnostics
        guard let name, let slug, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let graded = GradedSource(
            path: source.path, name: name.value, aliases: aliases, kind: kind, reliability: reliability ?? .f,
            url: url?.value, slug: slug, params: params, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        return (graded, diagnostics)
    }

    /// A value from a fixed vocabulary; an unknown one is an error listing the allowed words,
    /// with a did-you-mean.
    static func choice<T: RawRepresentable & CaseIterable>(
        _ document: inout YAMLDocument, _ key: String, _ type: T.Type, what: String, lowercase: Bool,
        hint: String = ""
    ) -> T? where T.RawValue == String {
        guard let node = document.node(key) else { return nil }
        return choice(&document, node, key: key, type, what: what, lowercase: lowercase, hint: hint)
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ document: inout YAMLDocument, _ node: YAMLNode, key: String, _ type: T.Type, what: String,
        lowercase: Bool, hint: String = ""
    ) -> T? where T.RawValue == String {
        guard let written = document.string(node, key: key, required: true) else { return nil }
        let text = written.value.trimmingSpaces
        if let value = T(rawValue: lowercase ? text.lowercased() : text.uppercased()) { return value }
        let allowed = T.allCases.map(\.rawValue)
        var message =
            "unknown \(what) '\(written.value)'; use one of: \(allowed.joined(separator: ", "))\(hint)"
        // One wrong letter is as far from every grade: no guess is better than another.
        if text.count > 1,
            let guess = EditDistance.suggestion(for: lowercase ? text.lowercased() : text, among: allowed)
        {
            message += "; did you mean '\(guess)'?"
        }
        document.diagnostics.append(.error(written.location, message))
        return nil
    }
}
