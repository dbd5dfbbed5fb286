extension SiteBuilder {
    /// The build every publish starts from: clean and strict, uncached, into `output` (a
    /// folder of the publish's own, so the output guard does not apply), without the build's
    /// marker, which says "brief wrote this folder" and is not part of the site.
    static func buildForPublishing(siteRoot: String, output: String, baseURL: String?) -> Result {
        var options = BuildOptions(
            siteRoot: siteRoot, output: output, strict: true, baseURL: baseURL, cache: false)
        options.guardsOutput = false
        let result = SiteBuilder(options: options).build()
        if result.summary != nil { _ = StateFolder.remove(output + "/" + SiteWriter.marker) }
        return result
    }
}
