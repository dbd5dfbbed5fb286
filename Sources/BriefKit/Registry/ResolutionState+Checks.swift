/// The checks of a resolution that look across files: slugs, images, pages and static files.
extension ResolutionState {
    mutating func checkSlugs(of briefings: [Briefing], kept: [Int]) {
        var slugs: [String: String] = [:]
        slugs.reserveCapacity(kept.count)
        for i in kept {
            if let problem = Self.claim(
                slug: briefings[i].slug, path: briefings[i].path, in: &slugs, what: "briefing")
            {
                diagnostics.append(problem)
            }
        }
    }

    /// Each briefing's `image` and the site's default must be files under `Content/media/`.
    mutating func checkImages(
        _ entries: [SiteModel.Entry], config: SiteConfig, media: [SiteSources.CopiedFile]
    ) {
        var images: [Located<String>] = []
        if let image = config.image { images.append(image) }
        for entry in entries { if let image = entry.briefing.image { images.append(image.path) } }
        guard !images.isEmpty else { return }
        let files = Set(media.map(\.outputPath))
        for image in images where !files.contains("media/" + image.value) {
            diagnostics.append(.error(image.location, "image 'Content/media/\(image.value)' does not exist"))
        }
    }

    mutating func checkPages(_ sources: SiteSources) {
        var slugs: [String: String] = [:]
        for page in sources.pages {
            if SiteResolver.reservedSegments.contains(page.slug.value) {
                diagnostics.append(
                    .error(
                        page.slug.location,
                        "page URL /\(page.slug.value)/ collides with a page brief generates; choose another 'slug:'"
                    ))
                continue
            }
            if let problem = Self.claim(slug: page.slug, path: page.path, in: &slugs, what: "page") {
                diagnostics.append(problem)
            }
        }
        for file in sources.statics {
            let first = String(file.outputPath.split(separator: "/").first ?? "")
            if SiteResolver.reservedSegments.contains(first) || slugs[first] != nil
                || file.outputPath == "index.html"
            {
                diagnostics.append(
                    .error(
                        SourceLocation(path: file.displayPath),
                        "static file /\(file.outputPath) collides with a page brief generates"))
            }
        }
    }
}
