import Foundation

/// The build cache's key for a site as read: it belongs to the build, not to Content (which
/// knows nothing of build options).
extension SiteInputs {
    /// The build key: brief's own identity, the options that shape output, and every input's
    /// path and content hash. Equal keys mean byte-identical output.
    public func key(options: BuildOptions) -> ContentHash {
        Self.key(files.map { ($0.relativePath, $0.hash) }, options: options)
    }

    /// Every file read, in the order of the key: `site.yml`, `Content/`, `Templates/`.
    var files: [File] { [config].compactMap { $0 } + content + templates }

    /// The key of input files with these paths and content hashes, in this order.
    static func key(_ files: [(path: String, hash: ContentHash)], options: BuildOptions) -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(BriefVersion.identity)
        hasher.combine("drafts=\(options.drafts) strict=\(options.strict) links=\(options.checkLinks)")
        hasher.combine("base-url=\(options.baseURL ?? "")")
        for file in files {
            hasher.combine(file.path)
            hasher.combine(file.hash)
        }
        return hasher.finalize()
    }

    /// The build key of the site as `listing` found it, without reading the files whose stamp
    /// is the one the last build recorded (their recorded hash stands in), and each input as
    /// seen now (read at `time`); nil when a file cannot be read or the walk met a problem
    /// (the build reads everything and reports it).
    static func key(
        of listing: Listing, recorded: RecordedInputs, options: BuildOptions, time: Int
    ) -> (key: ContentHash, inputs: [BuildCache.RecordedInput])? {
        // Warnings of the walk (a pipe left out) are the last build's too; errors fail the build.
        guard !(listing.diagnostics + listing.templateDiagnostics).contains(where: { $0.severity == .error })
        else { return nil }
        let inputs = listing.files.indices.parallelMap { place -> BuildCache.RecordedInput? in
            let file = listing.files[place]
            let known = recorded.input(file.relativePath, at: place)
            var info = stat()
            if let known, let stamp = known.stamp,
                stat(file.absolutePath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                InputStamp(info) == stamp
            {
                return known
            }
            let (data, read, _) = FileBytes.readWithInfo(file.absolutePath)
            guard let data else { return nil }
            var input = BuildCache.RecordedInput(
                path: file.relativePath, stamp: InputStamp(read).trusted(at: time),
                hash: ContentHash(data).value)
            input.takeParts(from: known)
            return input
        }
        guard !inputs.contains(where: { $0 == nil }) else { return nil }
        let found = inputs.map { $0! }
        return (key(found.map { ($0.path, ContentHash(value: $0.hash)) }, options: options), found)
    }
}
