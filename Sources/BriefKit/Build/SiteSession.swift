import BriefTemplates
import Foundation

/// A site kept built in memory across edits (`brief serve`): each rebuild redoes only what the
/// changed files affect, and its result is byte-identical to a full build of the same files.
///
/// Four kinds of rebuild, chosen from the paths changed since the last good build, cheapest
/// first:
/// - **entry bodies** — entries under `Content/briefings/` whose front matter is unchanged:
///   their Markdown is rendered again, then their page, the list pages that show their card,
///   their actors' and topics' feeds, the site feed, the search index, and the pages of actors
///   whose quotes changed (feeds, lists and neighbours otherwise depend on front matter);
/// - **templates** — files under `Templates/` only: the pages whose template, or a partial it
///   includes, changed;
/// - **content** — edited Markdown files under `Content/` (front matter, registries, pages):
///   re-resolved and re-indexed, then only the pages whose context changed
///   (`SiteSession+Content.swift`);
/// - **full** — anything else (site.yml, assets, files added or removed): every stage again,
///   then every page.
public final class SiteSession: @unchecked Sendable {
    /// What a rebuild redid.
    public enum Scope: Sendable, Equatable {
        /// Only paths that are not part of the site changed (an editor's scratch file, made and
        /// removed between two saves): nothing was rebuilt.
        case nothing
        case full
        case entryBodies(Int)
        case templates(Set<String>)
        /// Content files edited (front matter, registry files, pages): `Int` pages rendered
        /// again because their context changed.
        case content(Int)
    }

    /// The outcome of one rebuild.
    public struct Outcome: Sendable {
        /// The whole site after the rebuild, or nil when it failed (the last good site stands).
        public var files: [String: OutputFile]?
        public var summary: BuildSummary?
        /// Sorted, warnings promoted under `--strict`, as `brief build` prints them.
        public var diagnostics: [Diagnostic]
        public var scope: Scope
        /// Jobs rendered again, and output files whose bytes changed.
        public var rendered: Int
        public var changed: Int
    }

    public let options: BuildOptions
    var prepared: PreparedSite?
    var files: [String: OutputFile] = [:]
    /// Path of each entry's source file → its index in the model.
    var entryIndex: [String: Int] = [:]
    /// Paths changed since the last good build (a failed rebuild keeps them for the next).
    private var pending = Set<String>()
    /// The files the last full rebuild listed. A rebuild of one kind or another never adds or
    /// removes one (those fall to a full rebuild), so this is the site's file set.
    private var listed = Set<String>()

    public init(siteRoot: String, drafts: Bool) {
        options = BuildOptions(siteRoot: siteRoot, drafts: drafts, writes: false, cache: false)
    }

    /// Each entry's source path → its index in `model`.
    static func entryIndex(of model: SiteModel) -> [String: Int] {
        Dictionary(
            model.entries.indices.map { (model.entries[$0].briefing.path, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Rebuilds after `changed` (paths relative to the site root); nil means "anything may
    /// have changed": a full rebuild.
    public func rebuild(changed: [String]?) -> Outcome {
        let start = DispatchTime.now()
        var outcome: Outcome
        if let changed, let site = prepared {
            // A path the site did not have and does not have now (`sed -i`'s or vim's scratch
            // file beside the file saved) changes nothing; saves through one would otherwise
            // rebuild the whole site.
            let root = options.absoluteRoot
            let relevant = changed.filter {
                listed.contains($0) || FileManager.default.fileExists(atPath: root + "/" + $0)
            }
            if relevant.isEmpty && pending.isEmpty {
                return success(site, scope: .nothing, rendered: 0, changed: 0)
            }
            pending.formUnion(relevant)
            outcome =
                rebuildEntryBodies(pending.sorted()) ?? rebuildTemplates(pending.sorted())
                ?? rebuildContent(pending.sorted()) ?? rebuildAll()
        } else {
            outcome = rebuildAll()
        }
        if outcome.files != nil { pending = [] }
        outcome.summary?.seconds =
            Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return outcome
    }

    private func rebuildAll() -> Outcome {
        var timer = StageTimer(enabled: false)
        let builder = SiteBuilder(options: options)
        let listing = SiteInputs.list(root: options.absoluteRoot)
        listed = Set(listing.files.map(\.relativePath))
        let (site, diagnostics) = builder.prepare(SiteInputs.read(listing), timer: &timer, keepSources: true)
        guard let site, !diagnostics.fails(strict: options.strict) else {
            return failure(diagnostics, scope: .full)
        }
        prepared = site
        entryIndex = Self.entryIndex(of: site.model)
        let old = files
        files = [:]
        for file in site.jobs.parallelMap(site.renderer.render) { files[file.path] = file }
        return success(site, scope: .full, rendered: site.jobs.count, changed: changedCount(old))
    }

    /// Entries whose front matter is exactly as before; nil when any changed path is not one.
    private func rebuildEntryBodies(_ paths: [String]) -> Outcome? {
        guard var site = prepared, !paths.isEmpty else { return nil }
        var model = site.model
        var edited: [(index: Int, path: String, diagnostics: [Diagnostic])] = []
        for path in paths {
            guard SiteInputs.isBriefing(path), let i = entryIndex[path],
                let data = FileBytes.read(options.absoluteRoot + "/" + path),
                case .success(let source) = SourceText.decode(data, path: path)
            else { return nil }
            let (parsed, found) = EntryParser.parseBriefing(source)
            guard let parsed, !found.contains(where: { $0.severity == .error }) else { return nil }
            var expected = model.entries[i].briefing
            expected.fields.body = parsed.body
            guard expected == parsed else { return nil }
            model.entries[i].briefing = parsed
            // The kept sources follow too: a later re-resolve starts from them.
            if let source = site.sources?.briefings.firstIndex(where: { $0.path == path }) {
                site.sources!.briefings[source] = parsed
            }
            edited.append((i, path, found))
        }
        let editedPaths = Set(edited.map(\.path))
        site.loadDiagnostics =
            site.loadDiagnostics.filter { !editedPaths.contains($0.location.path) }
            + edited.flatMap(\.diagnostics)
        var markdown = MarkdownRenderer(unsafeHTML: model.config.unsafeHTML, links: site.links)
        markdown.recordLinks = options.checkLinks
        var bodies = site.bodies
        var jobs = Set<PageJob>()
        for (i, _, _) in edited {
            let entry = model.entries[i]
            let before = bodies.entries[i]
            bodies.entries[i] = markdown.render(entry)
            if bodies.feedContent[i] != nil {
                bodies.feedContent[i] = RenderedBodies.feedHTML(
                    entry, model: model, absolute: site.absoluteLinks)
            }
            jobs.formUnion(
                site.renderer.jobsShowingBody(ofEntry: i, before: before, after: bodies.entries[i]))
        }
        site.replacingBodies(of: edited.map(\.index), model: model, bodies: bodies)
        // Quotes that moved an actor's page count change the plan: the content path handles that.
        // So do search index files that appear or go (a new term's postings file, a new shard).
        guard site.jobs == prepared?.jobs,
            site.renderer.search.files.map(\.path) == prepared?.renderer.search.files.map(\.path)
        else { return nil }
        let diagnostics = site.diagnostics
        guard !diagnostics.fails(strict: options.strict) else {
            return failure(diagnostics, scope: .entryBodies(edited.count))
        }
        return apply(site, jobs: site.jobs.filter(jobs.contains), scope: .entryBodies(edited.count))
    }

    /// Edited templates; nil when any changed path is not under `Templates/`, or the theme's
    /// files were added or removed.
    private func rebuildTemplates(_ paths: [String]) -> Outcome? {
        guard var site = prepared, !paths.isEmpty,
            paths.allSatisfy({ $0.hasPrefix("Templates/") && !$0.hasPrefix("Templates/assets/") })
        else { return nil }
        let (loaded, themeDiagnostics) = Theme.load(siteRoot: options.absoluteRoot)
        guard let theme = loaded else {
            // As a full build: it stops at the theme, before resolving and Markdown.
            return failure(site.loadDiagnostics + themeDiagnostics, scope: .templates([]))
        }
        guard Set(theme.sources.keys) == Set(site.theme.sources.keys) else { return nil }
        let changed = theme.changedTemplates(since: site.theme)
        site.replacingTheme(theme)
        site.themeDiagnostics = themeDiagnostics
        let jobs = site.jobs.filter { SiteRenderer.template(of: $0).map(changed.contains) ?? false }
        return apply(site, jobs: jobs, scope: .templates(changed))
    }

    /// Renders `jobs` of the updated site into the files and makes the site current.
    func apply(_ site: PreparedSite, jobs: [PageJob], scope: Scope) -> Outcome {
        prepared = site
        var changed = 0
        for file in jobs.parallelMap(site.renderer.render) {
            if !Self.same(files[file.path], file) { changed += 1 }
            files[file.path] = file
        }
        return success(site, scope: scope, rendered: jobs.count, changed: changed)
    }

    func success(_ site: PreparedSite, scope: Scope, rendered: Int, changed: Int) -> Outcome {
        let model = site.model
        let summary = BuildSummary(
            pages: files.keys.filter { $0.hasSuffix(".html") }.count, files: site.jobs.count,
            entries: model.entries.count, actors: model.actors.count, topics: model.topics.count, seconds: 0)
        return Outcome(
            files: files, summary: summary, diagnostics: printed(site.diagnostics), scope: scope,
            rendered: rendered, changed: changed)
    }

    func failure(_ diagnostics: [Diagnostic], scope: Scope) -> Outcome {
        Outcome(
            files: nil, summary: nil, diagnostics: printed(diagnostics), scope: scope, rendered: 0, changed: 0
        )
    }

    private func printed(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        SiteBuilder.Result(diagnostics: diagnostics, summary: nil, strict: options.strict).printedDiagnostics
    }

    private func changedCount(_ old: [String: OutputFile]) -> Int {
        files.values.filter { !Self.same(old[$0.path], $0) }.count
            + old.keys.filter { files[$0] == nil }.count
    }

    static func same(_ a: OutputFile?, _ b: OutputFile) -> Bool {
        switch (a?.content, b.content) {
        case (.bytes(let x)?, .bytes(let y)): x == y
        case (.copy(let x)?, .copy(let y)): x == y
        default: false
        }
    }
}
