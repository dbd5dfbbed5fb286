import BriefTemplates
import Foundation

/// Runs the stages in order — load, resolve, theme, Markdown, index, render + write — and
/// collects every diagnostic. Rendering streams into the writer in bounded batches.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Pages rendered in parallel before a batch goes to the writer; bounds memory.
    public static let batchSize = 512

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The outcome of a build: diagnostics, and a summary when it succeeded.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var summary: BuildSummary?
        public var strict: Bool
        /// The site.yml this build read (nil when it did not get that far, or when the build
        /// cache found the site unchanged): publish takes its keep list from here, so it never
        /// reads a site.yml edited after the build.
        public var config: SiteConfig? = nil

        /// What to print: sorted, with warnings shown as errors under `--strict`.
        public var printedDiagnostics: [Diagnostic] {
            let sorted = diagnostics.sorted()
            return (strict ? sorted.promotingWarnings() : sorted).cappingRepeats()
        }
    }

    /// Whether an up-to-date build saves the stamps of the files it read again: when more than
    /// one input in 64 has a stamp the record lacks or holds otherwise (reading a file again
    /// costs about as much as writing the record's entries of a few dozen).
    static func restampPays(recorded: [BuildCache.RecordedInput], read: [BuildCache.RecordedInput]) -> Bool {
        guard recorded.count == read.count else { return true }
        var restamped = 0
        for i in read.indices where read[i].stamp != recorded[i].stamp { restamped += 1 }
        return restamped * 64 > read.count
    }

    /// Holds `prepared` until the process exits (see `BuildOptions.processExitsAfterBuild`).
    private static func keepUntilExit(_ prepared: PreparedSite) {
        final class Holder {
            let prepared: PreparedSite
            init(_ prepared: PreparedSite) { self.prepared = prepared }
        }
        _ = Unmanaged.passRetained(Holder(prepared))
    }

    /// Builds the site. `inspect` sees every batch of rendered files before it is written
    /// (`brief publish --dry-run` compares them with the published site).
    public func build(inspect: (([OutputFile]) -> Void)? = nil) -> Result {
        let start = DispatchTime.now()
        var timer = StageTimer(enabled: ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil)
        var diagnostics: [Diagnostic] = []
        func fail() -> Result { Result(diagnostics: diagnostics, summary: nil, strict: options.strict) }

        if let problem = options.pathProblem() {
            diagnostics.append(problem)
            return fail()
        }
        let root = options.absoluteRoot
        // Written by its real path: an output that is a link to a folder stays a link, and the
        // staging folder is made beside the folder it fills (on its filesystem).
        let output = RealPath.of(options.absoluteOutput)
        let cache =
            options.writes && options.cache
            ? BuildCache(siteRoot: root, outputPath: options.absoluteOutput) : nil
        // The last build's record and the site's files, read side by side: both are serial.
        let (previous, listing) = inParallel({ cache?.load() }, { SiteInputs.list(root: root) })
        timer.lap("record, list")
        // Whether the output folder is as the last build left it (nothing written, added or
        // removed since): found on every core when the inputs are the ones it read, else on
        // a thread of its own beside the stages that use one core (below).
        var standing: Background<OutputState?>?
        func checkOutput() {
            guard standing == nil, let record = previous else { return }
            // With what it holds as the record has it, when it stands.
            standing = Background {
                BuildCache.verify(record, in: output, serially: true) ? OutputState.recorded(record) : nil
            }
        }
        func upToDate(_ record: BuildCache.Record) -> Result {
            var summary = record.summary
            summary.upToDate = true
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            timer.lap("cache")
            return Result(diagnostics: record.diagnostics, summary: summary, strict: options.strict)
        }
        // An output folder as the last build left it, and inputs whose stamps or bytes are the
        // ones that build read: nothing to do, and only the files touched since are read.
        let readTime = time(nil)
        let lastInputs = RecordedInputs(previous?.inputs ?? [])
        // Each input as the check below saw it, when it got that far.
        var seen: [BuildCache.RecordedInput]?
        if let cache, var record = previous,
            let (key, inputs) = SiteInputs.key(
                of: listing, recorded: lastInputs, options: options, time: readTime)
        {
            let stands = key == record.key && BuildCache.verify(record, in: output)
            if key == record.key, !stands { standing = Background(made: nil) }
            if stands {
                // Files read again (touched, or too new to trust) are stamped for the next build
                // when they are many: rewriting the whole record (every input and output file)
                // for a few files, the ones just edited, costs more than reading them again.
                if Self.restampPays(recorded: record.inputs, read: inputs) {
                    let read = record
                    record.inputs = inputs
                    cache.save(record, over: read)
                }
                return upToDate(record)
            }
            seen = inputs
        }
        // The parses the last build kept (the briefing files they stand for need not be read),
        // and the model it resolved when these inputs resolve to it (bodies edited alone):
        // the model's file read on a thread of its own.
        var keptParses: ShardedParses?
        var lastModel: KeptModel?
        if let seen, let cache {
            let builder = self
            let model = Background { builder.keptModel(seen: seen, cache: cache) }
            keptParses = cache.parses.load()
            checkOutput()
            lastModel = model.value
        }
        if keptParses != nil { timer.lap("kept parses, model") }
        checkOutput()
        let (read, recordedInputs, modelKey, keptModel) = self.read(
            listing, seen: seen, keptParses: keptParses, keptModel: lastModel, cache: cache,
            recordedInputs: lastInputs, readTime: readTime, timer: &timer)
        var (inputs, taken): (SiteInputs?, TakenModel?) = (consume read, consume keptModel)
        // Only the cache needs the key (it hashes every input's path).
        let key = cache == nil ? nil : inputs!.key(options: options)
        timer.lap("read")
        if let key, let record = previous, record.key == key, standing?.value != nil {
            return upToDate(record)
        }
        // Bodies edited alone, over the folder the last build left: only what shows them is
        // rendered (below); the rest of the folder is kept as it is. Found before the folder's
        // check ends: the stages are made for few pages then, which renders all pages alike.
        let bodyEditsFound =
            if let previous, cache != nil, options.writes, inspect == nil, !options.checkLinks {
                BodyEdits(record: previous, inputs: recordedInputs, options: options)
            } else {
                BodyEdits?.none
            }
        // The read bytes are dropped as soon as they are parsed: 62 MB on a 10k site.
        let (prepared, found) = prepare(
            inputs.take()!, timer: &timer, bodyCache: cache?.bodies,
            searchWords: cache.map { cache in
                var words = cache.searchWords
                words.modelKey = modelKey ?? 0
                return words
            },
            parses: (keptParses, cache != nil), related: cache?.related, fewPages: bodyEditsFound != nil,
            resolved: taken.take())
        diagnostics += found
        guard let prepared else { return fail() }
        if options.processExitsAfterBuild { Self.keepUntilExit(prepared) }
        // The kept bodies and parses written for the next build on a thread of their own while
        // pages are found and rendered (each file stands on its own: a reader checks it against
        // what it describes); waited for before the build looks at what it could not read.
        let keeping = cache.map { cache in
            let (bodies, parses, lastParses) = (prepared.bodies, prepared.parses, keptParses)
            return Background {
                if let cached = bodies.cached {
                    cache.bodies.save(
                        environment: cached.environment, keys: cached.keys, outputs: bodies.entries,
                        kept: cached.kept)
                }
                cache.parses.save(parses, over: lastParses)
                return true
            }
        }
        let (model, renderer) = (prepared.model, prepared.renderer)
        var jobs = prepared.jobs
        let stood = standing?.value
        let outputStands = stood != nil
        timer.lap("output check")
        let bodyEdits = outputStands ? bodyEditsFound : nil

        let writer = SiteWriter(
            outputPath: output, displayPath: options.displayOutput, force: options.force)
        var staging: SiteWriter.Staging?
        // What the output folder held, as the last build recorded it.
        var recorded: OutputState?
        if options.writes {
            switch writer.prepare() {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return fail()
            case .success(let prepared):
                prepared.sourceRoot = RealPath.of(root)
                prepared.keepsHashes = cache != nil
                // An existing output is updated in place: what it holds is what the last build
                // recorded when nothing touched it since, else it is read from disk.
                if let stood {
                    recorded = stood
                    prepared.known = recorded
                } else if let tree = BuildCache.tree(of: output), !tree.files.isEmpty {
                    prepared.known = OutputState.read(
                        output, stamps: tree.files, folders: tree.folders)
                }
                timer.lap("output state")
                staging = prepared
            }
        }
        var kept = 0
        // The edited briefings' places among the inputs and their bodies' keys, when only what
        // shows them is rendered: the other inputs' keys are the ones the record has.
        var editedKeys: [(place: Int, key: UInt64)]?
        if let staging, recorded != nil, let previous, let cache, let edits = bodyEdits {
            if let (showing, keys) = edits.jobs(of: prepared, record: previous, cache: cache.bodies) {
                editedKeys = keys
                // The site makes the files the folder holds (`BodyEdits.jobs` checked): each is
                // kept as it is, and those rendered again are written if their bytes changed.
                // The pages kept are the site's pages but those.
                staging.keepAllKnown()
                kept = previous.summary.pages - showing.count { renderer.outputPath($0).hasSuffix(".html") }
                jobs = jobs.filter(showing.contains)
            }
            timer.lap("body edits")
        }
        // Pages whose fingerprint and output file are as a build left them are not rendered.
        var fingerprints: UnchangedPages?
        if let staging, let cache, inspect == nil, !options.checkLinks {
            let found = UnchangedPages(
                jobs: jobs, renderer: renderer.forFingerprints(), theme: prepared.theme,
                kept: cache.pageFingerprints, known: staging.known)
            for page in found.unchanged.values {
                staging.keep(page.path, hash: page.output)
                // Feeds are fingerprinted too; only HTML pages count as pages.
                if page.path.hasSuffix(".html") { kept += 1 }
            }
            if !found.unchanged.isEmpty {
                jobs = jobs.indices.filter { found.unchanged[$0] == nil }.map { jobs[$0] }
            }
            fingerprints = found
            timer.lap("fingerprints")
        }
        // What the index, the contexts and the fingerprints let go goes back before rendering.
        if prepared.bodies.packsHTML { Heap.returnFreeMemory() }
        var pages = 0
        var checker = options.checkLinks ? LinkChecker(basePath: model.config.basePath) : nil
        // One batch is written while the next renders: at most two batches are in memory.
        let writes = BatchWriter(staging: staging)
        let wholeSite = WholeSiteJobs(
            jobs.filter(\.coversWholeSite), renderer: renderer,
            writes: inspect == nil && checker == nil ? writes : nil)
        // Counts, shows (`inspect`), link-scans and queues for writing one batch of rendered files.
        func accept(_ batch: [PageJob], _ files: [OutputFile]) throws {
            pages += files.filter { $0.path.hasSuffix(".html") }.count
            inspect?(files)
            if checker != nil {
                let scanned = Array(zip(batch, files)).parallelMap { job, file in
                    LinkChecker.scan(
                        file, source: renderer.source(of: job), bodyLinks: renderer.bodyLinks(of: job))
                }
                for page in scanned { checker!.add(page) }
            }
            try writes.write(files)
        }
        do {
            let batchJobs = jobs.filter { !$0.coversWholeSite }
            for batchStart in stride(from: 0, to: batchJobs.count, by: SiteBuilder.batchSize) {
                let batch = Array(
                    batchJobs[batchStart..<min(batchStart + SiteBuilder.batchSize, batchJobs.count)])
                // Eight pages in a row to a thread (`parallelMap(stride:)`).
                try accept(batch, batch.parallelMap(stride: 8, renderer.render))
            }
            let (held, writtenPages) = wholeSite.finish()
            pages += writtenPages
            if !held.isEmpty { try accept(wholeSite.jobs, held) }
            try writes.finish()
            timer.lap("render+write")
        } catch {
            _ = wholeSite.finish()
            try? writes.finish()
            if let staging { writer.discard(staging) }
            diagnostics.append(
                .error(
                    SourceLocation(path: options.displayOutput),
                    "cannot write the output folder: \(SiteWriter.reason(error))"))
            return fail()
        }
        if let checker {
            diagnostics += checker.verify()
            timer.lap("check links")
        }
        // A body the build cache kept whose file no longer held it rendered empty: the build
        // stops, and the next renders it again (the file is removed).
        _ = keeping?.value
        for path in prepared.bodies.keptReads?.unreadable ?? [] {
            diagnostics.append(
                .error(
                    SourceLocation(path: path),
                    "this build cache file no longer holds a body it listed (it was changed or damaged); "
                        + "it is removed: build again"))
        }
        if diagnostics.fails(strict: options.strict) {
            if let staging { writer.discard(staging) }
            return fail()
        }

        // Without a record the next build reads the output folder again, so a build killed
        // from here on is repaired by the next one.
        cache?.invalidate(previous)
        var update: (written: Int, removed: [String])?
        if let staging {
            if staging.known != nil {
                switch writer.update(staging) {
                case .success(let removed): update = (staging.staged.count, removed)
                case .failure(let problem):
                    diagnostics.append(problem)
                    return fail()
                }
            } else if let problem = writer.commit(staging) {
                diagnostics.append(problem)
                return fail()
            }
        }
        timer.lap("commit")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var summary = BuildSummary(
            pages: pages + kept, files: prepared.jobs.count, entries: model.entries.count,
            actors: model.actors.count, topics: model.topics.count, seconds: seconds)
        if jobs.count < prepared.jobs.count { summary.rendered = jobs.count }
        if cache != nil {
            summary.plan = String(PageJob.planSum(prepared.jobs), radix: 16)
            summary.searchFacets = renderer.search.facetsStamp
        }
        summary.written = update?.written
        summary.removed = update?.removed.count ?? 0
        // Only the files this build wrote or removed are stamped again when the rest are as
        // the last build recorded them.
        let after: (files: [BuildCache.Stamp], folders: [BuildCache.Stamp])? =
            if cache == nil {
                nil
            } else if let previous, recorded != nil, let update, let staging {
                BuildCache.restamped(
                    previous, removed: update.removed, written: staging.staged, in: output)
            } else {
                BuildCache.tree(of: output)
            }
        timer.lap("cache: stamps")
        if let cache, let key, let staging, let (stamps, folders) = after {
            // The record on one core, the kept bodies and page fingerprints on the other: each
            // file stands on its own (a reader checks it against what it describes).
            _ = inParallel(
                {
                    let hashes = BuildCache.hashes(of: stamps, in: staging, previous: previous)
                    guard hashes.count == stamps.count else { return }
                    var inputs = recordedInputs
                    if let editedKeys {
                        for (place, key) in editedKeys { inputs[place].bodyKey = key }
                    } else if let keys = prepared.bodies.cached?.keys {
                        let keyOf = Dictionary(
                            zip(model.entries.map(\.briefing.path), keys), uniquingKeysWith: { a, _ in a })
                        for i in inputs.indices where SiteInputs.isBriefing(inputs[i].path) {
                            inputs[i].bodyKey = keyOf[inputs[i].path] ?? BodyEdits.leftOut
                        }
                    }
                    cache.save(
                        BuildCache.Record(
                            key: key, diagnostics: diagnostics, summary: summary, inputs: inputs,
                            folders: folders, files: stamps, hashes: hashes),
                        over: previous)
                },
                {
                    if let fingerprints {
                        let pages = fingerprints.next(hashes: staging.hashes)
                        if pages != fingerprints.before { cache.pageFingerprints.save(pages) }
                    }
                    if !prepared.modelWasKept, let modelKey {
                        cache.model.save(
                            key: modelKey,
                            model: ResolvedModel(
                                prepared.model, loadDiagnostics: prepared.loadDiagnostics,
                                resolveDiagnostics: prepared.resolveDiagnostics,
                                places: Self.briefingPlaces(recordedInputs)))
                    }
                    if let key = prepared.relatedToKeep {
                        cache.related.save(key: key, lists: prepared.index.related)
                    }
                    prepared.renderer.search.waitUntilKept()
                })
            timer.lap("cache: save")
        }
        return Result(
            diagnostics: diagnostics, summary: summary, strict: options.strict, config: model.config)
    }
}
