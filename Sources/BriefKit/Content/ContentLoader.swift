import Foundation

/// Stage 1: reads `site.yml` and everything under `Content/` into typed values.
///
/// Files are read, decoded and parsed in parallel; every problem becomes a diagnostic and the
/// whole tree is still read, so one run reports everything.
public struct ContentLoader: Sendable {
    public var root: String
    public var baseURLOverride: String?

    public init(root: String, baseURLOverride: String? = nil) {
        self.root = root
        self.baseURLOverride = baseURLOverride
    }

    static let folders = ["briefings", "actors", "topics", "sources", "pages", "media", "static"]
    private static let folderBytes = folders.map { Array($0.utf8) }

    /// Which of `folders` a walked path ("Content/<folder>/<more>") is in; nil when it is none
    /// of them or is not below one. Read from the bytes, without splitting the path into strings.
    static func folderIndex(of relativePath: String) -> Int? {
        let bytes = relativePath.utf8
        let slash = UInt8(ascii: "/")
        guard let first = bytes.firstIndex(of: slash),
            let second = bytes[bytes.index(after: first)...].firstIndex(of: slash),
            second > bytes.index(after: first), bytes.index(after: second) < bytes.endIndex
        else { return nil }
        let name = bytes[bytes.index(after: first)..<second]
        return folderBytes.firstIndex { $0.elementsEqual(name) }
    }

    public func load() -> (SiteSources?, [Diagnostic]) {
        load(SiteInputs.read(root: root))
    }

    /// Parses what `SiteInputs` read, without touching the disk again. Each file's bytes are
    /// let go once parsed, so the bytes and the parsed text are never all in memory at once.
    public func load(_ inputs: consuming SiteInputs) -> (SiteSources?, [Diagnostic]) {
        load(inputs, partial: false)
    }

    /// With `partial`, sources come back despite errors in briefing files (those briefings
    /// salvaged, their paths in `salvaged`), so the build goes on to report the problems of
    /// later stages too; the errors are in the diagnostics, and still fail the build.
    public func load(_ inputs: consuming SiteInputs, partial: Bool) -> (SiteSources?, [Diagnostic]) {
        load(inputs, partial: partial, kept: nil, collect: false)
    }

    /// As above; a briefing file whose parse `kept` has (by `BriefingParse.key`) is taken from
    /// there, not parsed (its bytes need not have been read); with `collect`, every briefing
    /// file's parse without errors comes back in `SiteSources.parses`.
    func load(_ inputs: consuming SiteInputs, partial: Bool, kept: ShardedParses?, collect: Bool)
        -> (SiteSources?, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let walkDiagnostics = inputs.diagnostics
        let config: SiteConfig?
        if let unreadable = walkDiagnostics.first(where: { $0.location.path == "site.yml" }) {
            diagnostics.append(unreadable)
            config = nil
        } else {
            config = loadConfig(inputs.config, &diagnostics)
        }
        var content = inputs.content
        _ = consume inputs
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/Content", isDirectory: &isFolder),
            isFolder.boolValue
        else {
            diagnostics.append(
                .error(
                    SourceLocation(path: "Content"),
                    "Content/ folder not found; a site keeps its entries in Content/briefings/"))
            return (nil, diagnostics)
        }
        diagnostics += walkDiagnostics.filter { $0.location.path != "site.yml" }
        var byFolder: [[SiteInputs.File]] = Array(repeating: [], count: ContentLoader.folders.count)
        for file in content {
            guard let folder = ContentLoader.folderIndex(of: file.relativePath) else {
                diagnostics.append(
                    .warning(
                        SourceLocation(path: file.relativePath),
                        "ignored: files under Content/ belong in \(ContentLoader.folders.map { $0 + "/" }.joined(separator: ", "))"
                    ))
                continue
            }
            byFolder[folder].append(file)
        }
        content = []
        // Taken out of `byFolder`, so `parse` holds the only reference to each file's bytes.
        func markdown(_ folder: String, nested: Bool) -> [SiteInputs.File] {
            let index = ContentLoader.folders.firstIndex(of: folder)!
            var files: [SiteInputs.File] = []
            swap(&files, &byFolder[index])
            files.removeAll { file in
                let problem =
                    !file.relativePath.hasSuffix(".md")
                    ? "ignored: Content/\(folder)/ holds Markdown files (.md) only"
                    : !nested && file.relativePath.split(separator: "/").count != 3
                        ? "ignored: Content/\(folder)/ has no subfolders; move the file up into it" : nil
                if let problem {
                    diagnostics.append(.warning(SourceLocation(path: file.relativePath), problem))
                }
                return problem != nil
            }
            return files
        }
        let before = diagnostics.count
        var (briefings, parses) = parseBriefings(
            markdown("briefings", nested: true), partial: partial, kept: kept, collect: collect,
            into: &diagnostics)
        let failedFiles = Set(diagnostics[before...].filter { $0.severity == .error }.map(\.location.path))
        let salvaged = Set(briefings.map(\.path).filter(failedFiles.contains))
        let actors = parse(
            markdown("actors", nested: false), with: EntryParser.parseActor, into: &diagnostics)
        let topics = parse(
            markdown("topics", nested: false), with: EntryParser.parseTopic, into: &diagnostics)
        let gradedSources = parse(
            markdown("sources", nested: false), with: EntryParser.parseSource, into: &diagnostics)
        let pages = parse(markdown("pages", nested: false), with: EntryParser.parsePage, into: &diagnostics)
        let copies = { (folder: String, prefix: String) in
            byFolder[ContentLoader.folders.firstIndex(of: folder)!].map { file in
                SiteSources.CopiedFile(
                    sourcePath: file.absolutePath,
                    outputPath: prefix + file.relativePath.dropFirst("Content/\(folder)/".count),
                    displayPath: file.relativePath)
            }
        }
        // Only briefings may be salvaged: any other error stops here.
        let stopping = diagnostics.contains { $0.severity == .error && !salvaged.contains($0.location.path) }
        if !partial { briefings.removeAll { salvaged.contains($0.path) } }
        guard let config, !stopping, partial || salvaged.isEmpty else {
            return (nil, diagnostics)
        }
        var sources = SiteSources(
            root: root, config: config, briefings: briefings, actors: actors, topics: topics, pages: pages,
            media: copies("media", "media/"), statics: copies("static", ""))
        sources.gradedSources = gradedSources
        sources.salvaged = salvaged
        sources.parses = parses
        return (sources, diagnostics)
    }

    func loadConfig(_ file: SiteInputs.File?, _ diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard let data = file?.data else {
            diagnostics.append(
                .error(
                    SourceLocation(path: "site.yml"),
                    "site.yml not found: is this the root of a brief site? `brief init` makes one"))
            return nil
        }
        switch SourceText.decode(data, path: "site.yml") {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let source):
            let (config, found) = SiteConfigLoader.load(text: source.text, baseURLOverride: baseURLOverride)
            diagnostics += found
            return config
        }
    }

    /// The briefings of `files`, parsed on all cores or taken from `kept`, in file order; with
    /// `collect`, each file's parse without errors by key.
    private func parseBriefings(
        _ files: consuming [SiteInputs.File], partial: Bool, kept: ShardedParses?, collect: Bool,
        into diagnostics: inout [Diagnostic]
    ) -> ([Briefing], ShardedParses) {
        let results = files.parallelMapTaking { file -> (Briefing?, [Diagnostic], (UInt64, BriefingParse)?) in
            let key = kept != nil || collect ? BriefingParse.key(path: file.relativePath, hash: file.hash) : 0
            if let parse = kept?[key] {
                return (parse.briefing, parse.diagnostics, collect ? (key, parse) : nil)
            }
            let (briefing, found) = Self.parse(file) { EntryParser.parseBriefing($0, salvaging: partial) }
            guard collect, let briefing, !found.contains(where: { $0.severity == .error }) else {
                return (briefing, found, nil)
            }
            return (
                briefing, found,
                (key, BriefingParse(briefing: briefing.leavingBodyInFile(), diagnostics: found))
            )
        }
        var briefings: [Briefing] = []
        briefings.reserveCapacity(results.count)
        var parses = ShardedParses()
        for (briefing, found, parse) in results {
            diagnostics += found
            if let briefing { briefings.append(briefing) }
            if let (key, parse) = parse { parses[key] = parse }
        }
        return (briefings, parses)
    }

    /// Decodes and parses files on all cores; results keep the sorted file order.
    private func parse<T: Sendable>(
        _ files: consuming [SiteInputs.File], with parser: @Sendable (SourceText) -> (T?, [Diagnostic]),
        into diagnostics: inout [Diagnostic]
    ) -> [T] {
        // Each file moves into its worker, so its bytes are let go as soon as it is parsed.
        let results = files.parallelMapTaking { file in Self.parse(file, with: parser) }
        var values: [T] = []
        values.reserveCapacity(results.count)
        for (value, found) in results {
            diagnostics += found
            if let value { values.append(value) }
        }
        return values
    }

    private static func parse<T: Sendable>(
        _ file: consuming SiteInputs.File, with parser: @Sendable (SourceText) -> (T?, [Diagnostic])
    ) -> (T?, [Diagnostic]) {
        guard let data = file.data else {
            return (nil, [.error(SourceLocation(path: file.relativePath), "cannot read file")])
        }
        switch SourceText.decode(data, path: file.relativePath) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let source): return parser(source)
        }
    }
}
