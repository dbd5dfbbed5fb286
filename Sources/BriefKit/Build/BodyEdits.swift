import Foundation

/// Edits to briefings' bodies alone: their front matter, every other input, brief and the build
/// options as the last build recorded them. Over an output folder as that build left it, only
/// the files that show an edited body are rendered again — `SiteRenderer.jobsShowingBody`
/// answers which, as it does for `brief serve` — and every other file is already in the folder.
struct BodyEdits {
    /// What the last build recorded of each edited briefing, and its place among the inputs.
    let edited: [BuildCache.RecordedInput]
    let places: [Int]

    /// The edits from `record` to `inputs` (as this build read them, in the same order), when
    /// they are edits of bodies alone (of drafts the site leaves out, they are not kept: those
    /// show nowhere); nil when anything else changed.
    init?(record: BuildCache.Record, inputs: [BuildCache.RecordedInput], options: BuildOptions) {
        guard record.inputs.count == inputs.count else { return nil }
        var edited: [BuildCache.RecordedInput] = []
        var places: [Int] = []
        for (place, (old, new)) in zip(record.inputs, inputs).enumerated() {
            guard old.path == new.path else { return nil }
            guard old.hash != new.hash else { continue }
            guard SiteInputs.isBriefing(new.path), new.frontMatter != 0, new.frontMatter == old.frontMatter,
                old.bodyKey != 0
            else { return nil }
            // A draft the site leaves out (and, its front matter the same, still does) shows nowhere.
            if old.bodyKey == Self.leftOut { continue }
            edited.append(old)
            places.append(place)
        }
        // The recorded inputs under this build's options give the recorded key: brief and the
        // options are the same too.
        let recorded = record.inputs.map { ($0.path, ContentHash(value: $0.hash)) }
        guard SiteInputs.key(recorded, options: options) == record.key else { return nil }
        self.edited = edited
        self.places = places
    }

    /// The body key recorded for a briefing the site leaves out (a draft, without `--drafts`).
    static let leftOut: UInt64 = 1

    /// The jobs of `site` that show an edited body. Nil when the site's jobs are not the ones
    /// of the build `record` holds (quotes moved an actor's page count, a word added a file to
    /// the search index): the same jobs of a site whose front matter is the same make the same
    /// files. Nil too when the body cache no longer has an edited body's last output (among
    /// the outputs it kept that this build did not take, `RenderedBodies.unclaimed`, or in a
    /// file of `cache` no entry of this build reads). With the jobs, each edited briefing's
    /// place among the inputs and its body's key now (`BodyCache.key`).
    func jobs(of site: PreparedSite, record: BuildCache.Record, cache: BodyCache)
        -> (jobs: Set<PageJob>, keys: [(place: Int, key: UInt64)])?
    {
        guard let cached = site.bodies.cached else { return nil }
        let renderer = site.renderer
        guard site.jobs.count == record.summary.files, site.jobs.count == record.files.count,
            let plan = record.summary.plan, plan == String(PageJob.planSum(site.jobs), radix: 16)
        else { return nil }
        // The edited briefings' places in the model: a few paths, looked for in one pass.
        let editedPaths = Set(edited.map(\.path))
        var entries: [String: Int] = [:]
        // Each entry read where it is: a copy would retain all of its fields.
        let all = site.model.entries
        for i in all.indices where editedPaths.contains(all[i].briefing.path) {
            entries[all[i].briefing.path] = entries[all[i].briefing.path] ?? i
        }
        var jobs = Set<PageJob>()
        var keys: [(place: Int, key: UInt64)] = []
        for (input, place) in zip(edited, places) {
            guard let i = entries[input.path] else { return nil }
            // An edit that leaves the body's key as it was (its rendering the same) left its
            // output to the entry.
            let before =
                cached.keys[i] == input.bodyKey
                ? site.bodies.entries[i]
                : site.bodies.unclaimed[input.bodyKey]
                    ?? cache.load(shard: BodyCache.shard(of: input.bodyKey), environment: cached.environment)[
                        input.bodyKey]
            guard let before else { return nil }
            jobs.formUnion(
                renderer.jobsShowingBody(ofEntry: i, before: before, after: site.bodies.entries[i]))
            keys.append((place, cached.keys[i]))
        }
        // The facet values' files, made from what the last build made them from, are its files.
        let search = site.renderer.search
        if let stamp = search.facetsStamp, stamp == record.summary.searchFacets {
            jobs.subtract(search.facetFiles.map(PageJob.searchFile))
        }
        return (jobs, keys)
    }

    /// A hash of a briefing file's front matter: its bytes up to the end of the line that closes
    /// it, the fences `FrontMatterSplitter` finds. Equal hashes mean equal front matter, with
    /// the body starting on the same line. 0 when the bytes do not open with front matter as
    /// written there (a byte-order mark, a carriage return): such a file is always rendered as
    /// a whole edit.
    static func frontMatterHash(of data: Data) -> UInt64 {
        // Lines are found on the bytes where they lie; only a line that starts as a fence
        // does (`-` or `.`) is asked of `FrontMatterSplitter`.
        let bytes = data.span
        let (newline, base) = (UInt8(ascii: "\n"), data.startIndex)
        var lineStart = 0
        var opened = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
            let first = bytes[lineStart]
            let fence =
                (first == UInt8(ascii: "-") || (opened && first == UInt8(ascii: ".")))
                && FrontMatterSplitter.isFence(bytes, lineStart..<lineEnd, closing: opened)
            if !opened {
                guard fence else { return 0 }
                opened = true
            } else if fence {
                return ContentHash(data[base..<(base + min(lineEnd + 1, bytes.count))]).value | 1
            }
            lineStart = lineEnd + 1
        }
        return 0
    }
}
