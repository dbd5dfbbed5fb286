import Foundation

/// Creates a new file under a site's `Content/briefings/` without ever replacing one.
public enum EntryWriter {
    /// Why a new entry could not be written.
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case unwritable(String, String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path): error: the file already exists; brief never overwrites an entry"
            case .unwritable(let path, let reason): "\(path): error: cannot write the entry: \(reason)"
            }
        }
    }

    /// `Content/briefings/<date>-<slug of title>.md`, relative to the site root. The slug comes
    /// from the title through the site's normaliser, with thousands separators dropped first
    /// ("3,000 troops" → `3000-troops`, not `3-000-troops`).
    public static func path(date: String, title: String) -> String {
        var slug = NameKey.slug(withoutThousandsSeparators(title))
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            if let dash = slug.lastIndex(of: "-") { slug = String(slug[..<dash]) }
        }
        if slug.isEmpty { slug = "briefing" }
        return "Content/briefings/\(date)-\(slug).md"
    }

    /// `title` with each comma between a digit and three digits removed.
    static func withoutThousandsSeparators(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        var kept = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let isSeparator =
                scalar == "," && i > 0 && scalars[i - 1].properties.numericType != nil
                && (1...3).allSatisfy {
                    i + $0 < scalars.count && scalars[i + $0].properties.numericType != nil
                }
            if !isSeparator { kept.append(scalar) }
        }
        return String(kept)
    }

    /// Writes `text` at `relativePath` under `siteRoot`; refuses an existing file (O_EXCL).
    public static func create(_ text: String, at relativePath: String, siteRoot: String) -> Result<
        String, Failure
    > {
        let absolute = siteRoot + "/" + relativePath
        let folder = (absolute as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(.unwritable(relativePath, error.localizedDescription))
        }
        let fd = open(absolute, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return .failure(.exists(relativePath)) }
            return .failure(.unwritable(relativePath, String(cString: strerror(errno))))
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            return .failure(.unwritable(relativePath, String(cString: strerror(errno))))
        }
        return .success(relativePath)
    }

    /// The front matter and body of a new draft briefing.
    public static func draft(title: String, date: String, actors: [String], topics: [String]) -> String {
        """
        ---
        title: \(YAMLWriter.quoted(title))
        date: \(date)
        draft: true
        actors: \(YAMLWriter.list(actors))
        topics: \(YAMLWriter.list(topics))
        # summary: "One or two sentences; without it, the first paragraph is the summary."
        # source:
        #   title: "The article's headline"
        #   publisher: "The publication"
        #   url: "https://…"
        # claims:
        #   - claim: "What is claimed"
        #     id: a-short-id        # to track it across briefings
        #     by: ["Who claims it"]
        #     status: alleged       # alleged | confirmed | denied | disputed | retracted
        #     credibility: 3        # 1 (confirmed) … 6 (cannot be judged)
        ---
        Write the briefing here. Link actors with `[[Name]]`, topics with `[[topic:Name]]` and
        other briefings with `[[briefing:slug]]`.

        """
    }
}
