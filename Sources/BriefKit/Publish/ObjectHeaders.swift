/// The headers an object gets when published to object storage: its Content-Type (with a
/// charset for text) and a Cache-Control value from `publish.cache_control`, else the defaults
/// (short for pages, feeds and the search index, long for `assets/` and `media/`).
enum ObjectHeaders {
    static let defaultRules: [(pattern: String, value: String)] = [
        ("assets/**", "public, max-age=31536000"), ("media/**", "public, max-age=31536000"),
        ("**.html", "public, max-age=300"), ("**.xml", "public, max-age=300"),
        ("**.json", "public, max-age=300"),
        // The search index's parts change together: one short lifetime for all of them.
        ("search/**", "public, max-age=300"),
        ("**", "public, max-age=3600"),
    ]

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff2": "font/woff2", "woff": "font/woff", "mp4": "video/mp4", "webm": "video/webm",
        "mp3": "audio/mpeg", "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8",
    ]

    /// The Content-Type of `path`: Atom for feeds, by extension otherwise.
    static func contentType(_ path: String) -> String {
        if path == "feed.xml" || path.hasSuffix("/feed.xml") { return "application/atom+xml; charset=utf-8" }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// The Cache-Control of `path`: the first of `rules`, then of the defaults, that matches.
    static func cacheControl(_ path: String, rules: [(pattern: String, value: String)]) -> String {
        (rules + defaultRules).first { matches($0.pattern, path) }!.value
    }

    /// A glob: `*` is any run within a path segment, `**` any run across segments.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        func match(_ p: Substring, _ s: Substring) -> Bool {
            guard let first = p.first else { return s.isEmpty }
            if p.hasPrefix("**") {
                let rest = p.dropFirst(2)
                var i = s.startIndex
                while true {
                    if match(rest, s[i...]) { return true }
                    guard i < s.endIndex else { return false }
                    i = s.index(after: i)
                }
            }
            if first == "*" {
                let rest = p.dropFirst()
                var i = s.startIndex
                while true {
                    if match(rest, s[i...]) { return true }
                    guard i < s.endIndex, s[i] != "/" else { return false }
                    i = s.index(after: i)
                }
            }
            guard let c = s.first, c == first else { return false }
            return match(p.dropFirst(), s.dropFirst())
        }
        return match(Substring(pattern), Substring(path))
    }
}
