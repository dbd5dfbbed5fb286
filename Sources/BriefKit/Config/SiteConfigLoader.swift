import Foundation

/// Reads and validates `site.yml`.
public enum SiteConfigLoader {
    static let keys = [
        "title", "base_url", "description", "language", "author", "timezone", "page_size", "feed_limit",
        "unsafe_html", "params", "publish", "image", "archive_size",
    ]

    /// Parses `site.yml` text; `baseURLOverride` is `--base-url`.
    public static func load(
        text: String, path: String = "site.yml", baseURLOverride: String? = nil
    ) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var document = YAMLDocument.compose(text, path: path, firstLine: 1, diagnostics: &diagnostics)
        else {
            return (nil, diagnostics)
        }
        document.warnUnknownKeys(known: keys, kind: "site.yml")
        let title = document.string("title", required: true)
        let baseURL = document.string("base_url", required: true)
        var config = SiteConfig(title: title?.value ?? "", baseURL: baseURLOverride ?? baseURL?.value ?? "/")
        if let url = baseURL?.value, let problem = LinkURL.baseProblem(url) {
            document.diagnostics.append(.error(baseURL!.location, "'base_url' \(problem), found '\(url)'"))
        }
        if let url = baseURLOverride, let problem = LinkURL.baseProblem(url) {
            document.diagnostics.append(
                .error(SourceLocation(path: "--base-url"), "--base-url \(problem), found '\(url)'"))
        }
        config.feedIDBase = baseURL?.value ?? config.baseURL
        config.description = document.string("description")?.value
        config.language = document.string("language")?.value ?? "en"
        config.author = document.string("author")?.value
        if let zone = document.string("timezone") {
            if let timeZone = TimeZone(identifier: zone.value) {
                config.timeZone = timeZone
            } else {
                document.diagnostics.append(
                    .error(
                        zone.location, "unknown time zone '\(zone.value)'; use an IANA name like Asia/Seoul"))
            }
        }
        config.pageSize = document.int("page_size", range: 1...10_000) ?? 20
        config.feedLimit = document.int("feed_limit", range: 1...100_000) ?? 50
        config.archiveSize = document.int("archive_size", range: 1...10_000) ?? 200
        config.unsafeHTML = document.bool("unsafe_html") ?? false
        if let image = document.string("image") {
            if let path = EntryParser.mediaPath(image.value) {
                config.image = Located(path, at: image.location)
            } else {
                document.diagnostics.append(
                    .error(
                        image.location,
                        "'image' must be a file under Content/media/, like card.png or media/card.png; found '\(image.value)'"
                    ))
            }
        }
        config.params = document.params()
        if let publish = document.node("publish") {
            if case .mapping(let mapping, _) = publish {
                for (key, value) in mapping {
                    if key.scalar?.string == "keep" {
                        config.publishKeep = document.stringList(value, key: "keep").map(\.value)
                    } else if key.scalar?.string == "cache_control" {
                        guard case .mapping(let rules, _) = value else {
                            document.error(
                                value,
                                "'publish.cache_control' must map paths to values, like { \"assets/**\": \"public, max-age=31536000\" }"
                            )
                            continue
                        }
                        for (pattern, header) in rules {
                            guard let glob = pattern.scalar?.string,
                                let text = document.string(
                                    header, key: "publish.cache_control", required: true)
                            else { continue }
                            config.cacheControl.append((glob, text.value))
                        }
                    } else {
                        let name = key.scalar?.string ?? ""
                        var message = "unknown key '\(name)' in publish"
                        if let guess = EditDistance.suggestion(for: name, among: ["keep", "cache_control"]) {
                            message += "; did you mean '\(guess)'?"
                        }
                        document.diagnostics.append(.warning(document.location(of: key), message))
                    }
                }
            } else {
                document.error(publish, "'publish' must be a mapping like publish: { keep: [CNAME] }")
            }
        }
        diagnostics += document.diagnostics
        return (diagnostics.contains { $0.severity == .error } ? nil : config, diagnostics)
    }

    /// The site's configuration when `site.yml` reads cleanly, else nil — for the commands
    /// that only need a setting or two (`serve`'s base path, `new`'s time zone, `publish`'s
    /// keep list) and leave reporting problems to the build.
    public static func loadLeniently(siteRoot: String) -> SiteConfig? {
        guard let data = FileManager.default.contents(atPath: siteRoot + "/site.yml"),
            case .success(let source) = SourceText.decode(data, path: "site.yml")
        else { return nil }
        return load(text: source.text).0
    }

}
