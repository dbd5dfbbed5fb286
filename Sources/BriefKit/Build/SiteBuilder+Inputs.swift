import Foundation

extension SiteBuilder {
    /// A model the last build resolved, and its key (`ResolvedModelCache`).
    typealias KeptModel = (model: ResolvedModel, key: UInt64)

    /// The model the last build resolved, when the inputs as the check of stamps saw them
    /// (`seen`) have its key: edits of briefings' bodies alone.
    func keptModel(seen: [Input], cache: BuildCache) -> KeptModel? {
        let key = ResolvedModelCache.key(
            of: Self.withFrontMatter(seen, root: options.absoluteRoot), options: options)
        return cache.model.load(key: key).map { ($0, key) }
    }

    /// Reads the site's files as `listing` found them, but not those the build cache stands
    /// for: a briefing file whose content `seen` (the check of stamps) knows from a stamp it
    /// can trust and whose parse is kept, and, when the model the last build resolved can be
    /// taken (`ResolvedModelCache`: bodies edited alone), every other content file with such a
    /// stamp. Returns the inputs, each as the record keeps it, the key of the model they resolve
    /// to (with a cache), and the kept model made whole with this build's briefings when taken.
    func read(
        _ listing: SiteInputs.Listing, seen: [Input]?, keptParses: ShardedParses?,
        keptModel: consuming KeptModel?, cache: BuildCache?,
        recordedInputs: RecordedInputs, readTime: Int, timer: inout StageTimer
    ) -> (inputs: SiteInputs, recorded: [Input], modelKey: UInt64?, taken: TakenModel?) {
        let root = options.absoluteRoot
        // The briefing files that need not be read for their kept parses: those whose content
        // the check of stamps knows from a stamp it can trust (`seen` has a file of the listing
        // at its place there).
        typealias Known = (hash: ContentHash, stamp: InputStamp)
        var known: [Known?] = []
        if let seen, let keptParses {
            known = seen.map { input -> Known? in
                let hash = ContentHash(value: input.hash)
                guard SiteInputs.isBriefing(input.path), let stamp = input.stamp,
                    keptParses[BriefingParse.key(path: input.path, hash: hash)] != nil
                else { return nil }
                return (hash, stamp)
            }
        }
        // With the model the last build resolved (`keptModel`, taken with the kept parses), the
        // site's other content files need not be read either.
        var keptModel = keptParses == nil ? nil : keptModel
        var unread = known
        var othersUnread = false
        if keptModel != nil, let seen {
            for (place, input) in seen.enumerated()
            where input.path.hasPrefix("Content/") && !SiteInputs.isBriefing(input.path) {
                guard let stamp = input.stamp else { continue }
                unread[place] = (ContentHash(value: input.hash), stamp)
                othersUnread = true
            }
        }
        var inputs = SiteInputs.read(listing, known: unread)
        // A site whose bodies will be packed gives freed memory back at once from here on.
        if inputs.briefingBytes > options.packBodiesAbove { Heap.preferLowMemory() }
        // Each input as this build read it, as the record keeps it.
        func recorded(_ inputs: SiteInputs) -> [Input] {
            guard cache != nil else { return [] }
            let files = inputs.files
            return files.indices.parallelMap { place -> Input in
                let file = files[place]
                var input = Input(
                    path: file.relativePath, stamp: file.stamp?.trusted(at: readTime), hash: file.hash.value)
                // A file with the bytes the last build read keeps the front-matter hash it recorded.
                if !input.takeParts(from: recordedInputs.input(file.relativePath, at: place)),
                    SiteInputs.isBriefing(file.relativePath)
                {
                    input.frontMatter = file.data.map(BodyEdits.frontMatterHash) ?? 0
                }
                return input
            }
        }
        var read = recorded(inputs)
        var modelKey = cache == nil ? nil : ResolvedModelCache.key(of: read, options: options)
        // The kept model with this build's briefings; when it cannot be taken after all (a file
        // changed while being read, a briefing's parse missing), the files left unread are read.
        var taken: TakenModel?
        if let (model, key) = keptModel.take().map({ ($0.model, $0.key) }) {
            if key == modelKey, let parses = keptParses,
                let made = Self.model(
                    from: model, inputs: inputs, parses: parses, root: root, baseURL: options.baseURL)
            {
                taken = made
                timer.lap("kept model")
            } else if othersUnread {
                inputs = SiteInputs.read(listing, known: known)
                read = recorded(inputs)
                modelKey = ResolvedModelCache.key(of: read, options: options)
            }
        }
        return (inputs, read, modelKey, taken)
    }
}
