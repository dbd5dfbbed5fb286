import Foundation

extension SiteBuilder {
    /// An input as the build record keeps it.
    typealias Input = BuildCache.RecordedInput

    /// A model made from a kept one, the diagnostics of loading and resolving it, and every
    /// briefing file's parse.
    struct TakenModel {
        var model: SiteModel
        var loadDiagnostics: [Diagnostic]
        var resolveDiagnostics: [Diagnostic]
        var parses: ShardedParses
    }

    /// `inputs` as a check of stamps saw them (`SiteInputs.key(of:recorded:…)`), each briefing
    /// with its front-matter hash: one whose bytes changed since the last build is read for it.
    /// `ResolvedModelCache.key` takes the model's key from these.
    static func withFrontMatter(_ inputs: [Input], root: String) -> [Input] {
        inputs.map { input in
            guard SiteInputs.isBriefing(input.path), input.frontMatter == 0,
                let data = FileBytes.read(root + "/" + input.path)
            else { return input }
            var input = input
            input.frontMatter = BodyEdits.frontMatterHash(of: data)
            return input
        }
    }

    /// Each briefing file's place among the briefing files of `inputs` (as read, in order):
    /// where `model(from:…)` looks for its parse first.
    static func briefingPlaces(_ inputs: [Input]) -> [String: Int] {
        var places: [String: Int] = [:]
        places.reserveCapacity(inputs.count)
        for input in inputs where SiteInputs.isBriefing(input.path) {
            places[input.path] = places[input.path] ?? places.count
        }
        return places
    }

    /// The model `kept` holds with the briefings of `inputs`: each file's parse from `parses`
    /// (by its path and bytes) or, for a file edited since, parsed from its bytes, whose
    /// diagnostics then stand in for the ones kept for it. Nil when a briefing has neither,
    /// when an edited file has errors, or `site.yml` does not load: the build then loads and
    /// resolves the site, and reports what it finds.
    static func model(
        from kept: ResolvedModel, inputs: borrowing SiteInputs, parses: ShardedParses, root: String,
        baseURL: String?
    ) -> TakenModel? {
        var unused: [Diagnostic] = []
        guard
            let config = ContentLoader(root: root, baseURLOverride: baseURL).loadConfig(
                inputs.config, &unused)
        else { return nil }
        let files = inputs.content.filter { SiteInputs.isBriefing($0.relativePath) }
        // Each briefing file's parse: kept, or parsed now (its bytes were read: its stamp changed).
        let found = files.parallelMap { file -> (key: UInt64, parse: BriefingParse, fresh: Bool)? in
            let key = BriefingParse.key(path: file.relativePath, hash: file.hash)
            if let parse = parses[key] { return (key, parse, false) }
            guard let data = file.data,
                case .success(let source) = SourceText.decode(data, path: file.relativePath)
            else { return nil }
            let (briefing, diagnostics) = EntryParser.parseBriefing(source)
            guard let briefing, !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            return (key, BriefingParse(briefing: briefing, diagnostics: diagnostics), true)
        }
        // The kept parses with the new ones put in, each shard as the files now have it.
        var collected = parses
        var keys: [UInt64] = []
        keys.reserveCapacity(found.count)
        var used = [Int](repeating: 0, count: ParsedBriefingsCache.shardCount)
        var fresh = Set<String>()
        var freshDiagnostics: [Diagnostic] = []
        for (file, parse) in zip(files, found) {
            guard let parse else { return nil }
            keys.append(parse.key)
            used[ParsedBriefingsCache.shard(of: parse.key)] += 1
            if parse.fresh {
                collected[parse.key] = parse.parse
                fresh.insert(file.relativePath)
                freshDiagnostics += parse.parse.diagnostics
            }
        }
        // A shard that holds parses no file has now (an edited file's last one) keeps only these.
        collected.dropAll(but: keys, inShards: used.indices.filter { collected.shards[$0].count != used[$0] })
        // Each entry's briefing from the file at its kept place (the site's briefing files are
        // the ones the kept model was made from), else found by path.
        var byPath: [String: Int]?
        let model = kept.model(config: config, root: root) { path, place in
            if place >= 0, place < files.count, files[place].relativePath == path {
                return found[place]?.parse.briefing
            }
            if byPath == nil {
                byPath = Dictionary(files.indices.map { (files[$0].relativePath, $0) }) { first, _ in first }
            }
            return byPath?[path].flatMap { found[$0]?.parse.briefing }
        }
        guard let model else { return nil }
        let loadDiagnostics =
            kept.loadDiagnostics.filter { !fresh.contains($0.location.path) } + freshDiagnostics
        return TakenModel(
            model: model, loadDiagnostics: loadDiagnostics, resolveDiagnostics: kept.resolveDiagnostics,
            parses: collected)
    }
}
