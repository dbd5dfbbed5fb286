import BriefTemplates
import Foundation

/// The templates and assets a site renders with: the embedded default theme, overridden file by
/// file by the site's own `Templates/`. Templates are parsed once and rendered many times.
public struct Theme: Sendable {
    /// Page templates every theme provides; a site may override any of them.
    public static let pageTemplates = [
        "home", "briefings", "briefing", "actors", "actor", "topics", "topic", "claims", "claim", "sources",
        "source", "judgements", "indicators", "corrections", "timeline", "year", "page", "search",
        "404",
    ]

    public let library: TemplateLibrary
    /// Files under `assets/`, copied to `Site/assets/`: output path → bytes or source file.
    public let assets: [(path: String, content: OutputFile.Content)]
    /// Names of templates that came from the site, not the embedded theme.
    public let overridden: Set<String>
    /// Each template's text by registered name (`briefing`, `head`), to tell which ones an
    /// edit changed.
    public let sources: [String: String]

    /// Loads the theme of the site at `root`, reading its `Templates/`; problems are located
    /// diagnostics in `Templates/…`.
    public static func load(siteRoot root: String?) -> (Theme?, [Diagnostic]) {
        guard let root, FileManager.default.fileExists(atPath: root + "/Templates") else {
            return load(templates: [], walkDiagnostics: [])
        }
        var diagnostics: [Diagnostic] = []
        let files = ContentWalker(siteRoot: root).files(in: "Templates", diagnostics: &diagnostics)
        let read = files.map { file in
            SiteInputs.File(
                relativePath: file.relativePath, absolutePath: file.absolutePath,
                data: file.relativePath.hasSuffix(".mustache") ? FileBytes.read(file.absolutePath) : nil,
                hash: ContentHash(Data()))
        }
        return load(templates: read, walkDiagnostics: diagnostics)
    }

    /// Loads the theme from the `Templates/` files a build has read already (`SiteInputs`), so
    /// the templates rendered are the bytes the build cache hashed.
    static func load(templates files: [SiteInputs.File], walkDiagnostics: [Diagnostic]) -> (
        Theme?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var sources: [String: (text: String, path: String)] = [:]
        var assets: [String: OutputFile.Content] = [:]
        for (path, text) in EmbeddedTheme.files {
            if path.hasPrefix("assets/") {
                assets[path] = .bytes(Data(text.utf8))
            } else if path.hasSuffix(".mustache") {
                sources[String(path.dropLast(".mustache".count))] = (text, "(embedded theme)/" + path)
            }
        }
        var overridden = Set<String>()
        diagnostics += walkDiagnostics
        for file in files {
            let relative = String(file.relativePath.dropFirst("Templates/".count))
            if relative.hasPrefix("assets/") {
                assets[relative] = .copy(from: file.absolutePath)
                continue
            }
            guard relative.hasSuffix(".mustache"), let data = file.data else { continue }
            switch SourceText.decode(data, path: file.relativePath) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let source):
                let name = String(relative.dropLast(".mustache".count))
                sources[name] = (source.text, file.relativePath)
                overridden.insert(name)
            }
        }
        var library = TemplateLibrary()
        for name in sources.keys.sorted() {
            let (text, path) = sources[name]!
            do {
                try library.add(text, named: registeredName(name))
            } catch {
                let (line, column) = position(of: error.offset, in: text)
                diagnostics.append(
                    .error(
                        SourceLocation(path: path, line: line, column: column),
                        "template syntax error: \(error.message)"))
            }
        }
        let names = Set(sources.keys.map(registeredName))
        for name in pageTemplates where !names.contains(name) {
            diagnostics.append(
                .error(SourceLocation(path: "Templates/\(name).mustache"), "missing template '\(name)'"))
        }
        // The partial tags the parser found (with any delimiters), placed in their files.
        var uses: [String: [(name: String, location: SourceLocation)]] = [:]
        for name in sources.keys.sorted() {
            let (text, path) = sources[name]!
            uses[registeredName(name)] = library.partialTags(of: registeredName(name)).map { tag in
                let (line, column) = position(of: tag.offset, in: text)
                return (tag.name, SourceLocation(path: path, line: line, column: column))
            }
            for use in uses[registeredName(name)]! where !names.contains(use.name) {
                diagnostics.append(
                    .error(
                        use.location,
                        "missing partial '\(use.name)': no Templates/partials/\(use.name).mustache"))
            }
        }
        diagnostics += partialCycles(uses)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let sortedAssets = assets.keys.sorted().map { (path: $0, content: assets[$0]!) }
        let texts = Dictionary(uniqueKeysWithValues: sources.map { (registeredName($0.key), $0.value.text) })
        return (
            Theme(library: library, assets: sortedAssets, overridden: overridden, sources: texts), diagnostics
        )
    }

    /// A partial that includes itself, directly or through others, would recurse until the
    /// stack overflows: each such cycle is an error at one of its tags, in the site's own
    /// templates when the cycle runs through the embedded theme (which cannot be edited).
    static func partialCycles(_ uses: [String: [(name: String, location: SourceLocation)]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        func visit(_ name: String, _ chain: [String]) {
            for use in uses[name] ?? [] {
                if let start = chain.firstIndex(of: use.name) {
                    let cycle = Array(chain[start...]) + [use.name]
                    guard reported.insert(Set(cycle).sorted().joined(separator: ">")).inserted else {
                        continue
                    }
                    // Each tag of the cycle, as (index of the template it is in, location).
                    let tags = cycle.indices.dropLast().map { k in
                        (k, uses[cycle[k]]!.first { $0.name == cycle[k + 1] }!.location)
                    }
                    // The tag that closes the cycle, unless it is in the embedded theme.
                    let isSites = { (tag: (Int, SourceLocation)) in tag.1.path.hasPrefix("Templates/") }
                    let closing = tags[tags.count - 1]
                    let (k, location) = isSites(closing) ? closing : tags.first(where: isSites) ?? closing
                    // Told from the tag's partial: the cycle from it, round to it again.
                    let from = Array(cycle[(k + 1)...]) + Array(cycle[1...(k + 1)])
                    diagnostics.append(
                        .error(
                            location,
                            "partial '\(from[0])' includes itself (\(from.joined(separator: " → "))); a partial cannot include itself"
                        ))
                } else if uses[use.name] != nil {
                    visit(use.name, chain + [use.name])
                }
            }
        }
        for name in uses.keys.sorted() { visit(name, [name]) }
        return diagnostics
    }

    /// The templates whose output an edit from `old` to this theme can change: those whose text
    /// changed, and those that include a changed one, directly or through other partials.
    public func changedTemplates(since old: Theme) -> Set<String> {
        var changed = Set(sources.keys.filter { sources[$0] != old.sources[$0] })
        changed.formUnion(old.sources.keys.filter { sources[$0] == nil })
        var grew = true
        while grew {
            grew = false
            for name in sources.keys where !changed.contains(name) {
                if library.partialTags(of: name).contains(where: { changed.contains($0.name) }) {
                    changed.insert(name)
                    grew = true
                }
            }
        }
        return changed
    }

    /// Partials are referenced by their name without the folder: `{{> head}}` is `partials/head`.
    static func registeredName(_ name: String) -> String {
        name.hasPrefix("partials/") ? String(name.dropFirst("partials/".count)) : name
    }

    /// Line and column (in characters, from 1) of a byte offset of `text`.
    static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Renders a page template with a context into UTF-8; a missing template renders nothing.
    public func render(_ template: String, _ context: TemplateValue) -> [UInt8] {
        library.render(template, context)
    }
}
