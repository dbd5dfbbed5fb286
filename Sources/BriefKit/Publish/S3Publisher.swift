import BriefS3
import Foundation

/// `brief publish --s3 s3://BUCKET/PREFIX`: builds strictly into a scratch folder and uploads
/// what changed to an S3-compatible bucket. A manifest object under the prefix
/// (`.brief-manifest.json`) records the SHA-256 and headers of every object brief published,
/// so unchanged objects are not sent again and only objects brief published are ever deleted.
/// New and changed assets go up before the pages that link to them, pages before the lists and
/// feeds that link to pages; removed objects are deleted last, so a reader never meets a link
/// to something not yet there.
public struct S3Publisher: Sendable {
    /// `s3://BUCKET/PREFIX`, parsed.
    public struct Location: Sendable, Equatable {
        public var bucket: String
        /// Empty, or ends with `/`.
        public var prefix: String

        public static func parse(_ text: String) -> Result<Location, S3Error> {
            guard text.hasPrefix("s3://") else {
                return .failure(.failed("--s3 must look like s3://BUCKET/PREFIX, found '\(text)'"))
            }
            let rest = text.dropFirst("s3://".count)
            let bucket = String(rest.prefix { $0 != "/" })
            var prefix = String(rest.dropFirst(bucket.count)).trimmingCharacters(
                in: CharacterSet(charactersIn: "/"))
            guard bucket.count >= 3, bucket.count <= 63,
                bucket.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") })
            else {
                return .failure(
                    .failed(
                        "'\(bucket)' is not a bucket name: 3 to 63 lower-case letters, digits, '-' and '.'"))
            }
            guard !prefix.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
                return .failure(.failed("the prefix '\(prefix)' may not contain '.' or '..' segments"))
            }
            if !prefix.isEmpty { prefix += "/" }
            return .success(Location(bucket: bucket, prefix: prefix))
        }
    }

    /// One object as published: its hash and headers.
    struct Entry: Codable, Equatable {
        var sha256: String
        var type: String
        var cache: String
    }

    struct Manifest: Codable {
        var version = 1
        var files: [String: Entry]
    }

    public static let manifestName = ".brief-manifest.json"

    public var siteRoot: String
    public var location: Location
    public var client: S3Client
    public var dryRun: Bool
    public var baseURL: String?
    /// How many uploads run at once.
    public var parallel = 4
    /// Attempts per request before a publish gives up, and the first wait between them.
    public var attempts = 4
    public var backoff = 0.25
    /// Progress lines, as they happen.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(siteRoot: String, location: Location, client: S3Client, dryRun: Bool, baseURL: String? = nil)
    {
        self.siteRoot = siteRoot
        self.location = location
        self.client = client
        self.dryRun = dryRun
        self.baseURL = baseURL
    }

    /// What a publish did: every upload and deletion in the order sent.
    public struct Outcome: Sendable {
        public var report: DirectoryPublisher.Report
        public var uploaded: [String] = []
        public var deleted: [String] = []
        public var unchanged = 0
    }

    public func publish() -> Outcome {
        let destination = "s3://\(location.bucket)/\(location.prefix)"
        func failure(_ diagnostics: [Diagnostic], _ message: String) -> Outcome {
            Outcome(
                report: .init(
                    diagnostics: diagnostics + [.error(SourceLocation(path: destination), message)],
                    summary: nil))
        }
        if case .failure(let error) = client.checkBucket() { return failure([], error.description) }
        let scratch = NSTemporaryDirectory() + "brief-publish-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let result = SiteBuilder.buildForPublishing(siteRoot: siteRoot, output: scratch, baseURL: baseURL)
        guard let summary = result.summary else {
            return Outcome(report: .init(diagnostics: result.printedDiagnostics, summary: nil))
        }
        let diagnostics = result.printedDiagnostics
        // The site's files, their hashes and headers.
        var site: [String: (data: Data, entry: Entry)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: scratch)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: scratch + "/" + path, isDirectory: &isFolder),
                !isFolder.boolValue, let data = FileManager.default.contents(atPath: scratch + "/" + path)
            else { continue }
            site[path] = (
                data,
                Entry(
                    sha256: SigV4.hash(data), type: ObjectHeaders.contentType(path),
                    cache: ObjectHeaders.cacheControl(path, rules: result.config?.cacheControl ?? []))
            )
        }
        // What the bucket holds from the last publish.
        let manifestKey = location.prefix + Self.manifestName
        var published: [String: Entry] = [:]
        switch client.get(manifestKey) {
        case .failure(let error): return failure(diagnostics, error.description)
        case .success(let data?):
            guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
                return failure(
                    diagnostics,
                    "\(manifestKey) in the bucket is not a manifest brief wrote; move it away first")
            }
            published = manifest.files
        case .success(nil): break
        }
        let added = site.keys.filter { published[$0] == nil }.sorted()
        let changed = site.keys.filter { published[$0] != nil && published[$0] != site[$0]!.entry }.sorted()
        let removed = published.keys.filter { site[$0] == nil }.sorted()
        let unchanged = site.count - added.count - changed.count
        var report = DirectoryPublisher.Report(diagnostics: diagnostics, summary: summary)
        if dryRun {
            report.changes = TreeChanges(added: added, changed: changed, removed: removed)
            return Outcome(report: report, unchanged: unchanged)
        }
        // Uploads, rank by rank: each rank's objects are all up before the next rank starts.
        let uploads = (added + changed).sorted { (Self.rank($0), $0) < (Self.rank($1), $1) }
        // The paths uploaded, in the order their uploads finished.
        let log = Locked<[String]>([])
        let files = site
        var done = 0
        for rank in Set(uploads.map(Self.rank)).sorted() {
            let batch = uploads.filter { Self.rank($0) == rank }
            let failed = runBounded(batch) { path in
                let (data, entry) = files[path]!
                return retrying {
                    client.put(
                        location.prefix + path, body: data,
                        headers: ["content-type": entry.type, "cache-control": entry.cache])
                }.map { log.withValue { $0.append(path) } }
            }
            done += batch.count - failed.count
            if let (path, error) = failed.first {
                return Outcome(
                    report: .init(
                        diagnostics: diagnostics + [
                            .error(
                                SourceLocation(path: destination),
                                "uploading \(path) failed: \(error); \(done) of \(uploads.count) changed objects are now live beside the rest of the previous version, and nothing was deleted: run the same command again to finish"
                            )
                        ], summary: nil), uploaded: log.withValue { $0 })
            }
            progress("  uploaded \(done) of \(uploads.count)")
        }
        // Deletions last; one that fails stays in the manifest, to be deleted next time.
        var deleted: [String] = []
        var kept: [String: Entry] = [:]
        for path in removed {
            switch retrying({ client.delete(location.prefix + path) }) {
            case .success: deleted.append(path)
            case .failure(let error):
                kept[path] = published[path]
                report.diagnostics.append(
                    .warning(
                        SourceLocation(path: destination),
                        "could not delete \(path): \(error); the next publish tries again"))
            }
        }
        var manifest = Manifest(files: site.mapValues(\.entry))
        manifest.files.merge(kept) { new, _ in new }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(manifest)) ?? Data()
        if case .failure(let error) = retrying({
            client.put(
                manifestKey, body: data,
                headers: ["content-type": "application/json", "cache-control": "no-store"])
        }) {
            return failure(
                diagnostics,
                "the site is published, but its manifest could not be written (\(error)); the next publish will upload every object again"
            )
        }
        report.messages = [
            "Published \(summary.counts) to \(destination): \(uploads.count) uploaded, \(unchanged) unchanged, \(deleted.count) deleted."
        ]
        return Outcome(report: report, uploaded: log.withValue { $0 }, deleted: deleted, unchanged: unchanged)
    }

    /// When an object goes up: assets and other files (0), briefing pages (1), other pages
    /// (2), the pages that list briefings (3), then feeds, the sitemap and the search index (4).
    static func rank(_ path: String) -> Int {
        if path.hasSuffix(".xml") || path.hasSuffix(".json") || path == "robots.txt" { return 4 }
        guard path.hasSuffix(".html") else { return 0 }
        let parts = path.split(separator: "/")
        if parts.count == 3, parts[0] == "briefings" { return 1 }
        if path == "index.html" || parts.first == "page" || path.hasPrefix("briefings/") || path == "404.html"
        {
            return 3
        }
        return 2
    }

    /// A request tried `attempts` times, waiting longer each time; credentials and missing
    /// buckets are not tried again.
    func retrying(_ request: () -> Result<Void, S3Error>) -> Result<Void, S3Error> {
        var wait = backoff
        var last: Result<Void, S3Error> = .success(())
        for attempt in 1...max(1, attempts) {
            last = request()
            switch last {
            case .success: return last
            case .failure(.credentials), .failure(.noSuchBucket), .failure(.denied): return last
            case .failure:
                if attempt < attempts {
                    Thread.sleep(forTimeInterval: wait)
                    wait *= 2
                }
            }
        }
        return last
    }

    /// Runs `work` for each item, `parallel` at once; the failures, in item order.
    func runBounded(_ items: [String], _ work: @escaping @Sendable (String) -> Result<Void, S3Error>) -> [(
        String, S3Error
    )] {
        let failures = Locked<[(index: Int, path: String, error: S3Error)]>([])
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(parallel, items.count))) { _ in
            while true {
                let i = next.withValue { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard i < items.count else { return }
                if case .failure(let error) = work(items[i]) {
                    failures.withValue { $0.append((i, items[i], error)) }
                }
            }
        }
        return failures.withValue { $0 }.sorted { $0.index < $1.index }.map { ($0.path, $0.error) }
    }
}
