extension SiteBuilder {
    /// The build every publish starts from: clean and strict into `output` (a folder of the
    /// publish's own, so the output guard does not apply). Uncached, the build's marker (which
    /// says "brief wrote this folder" and is not part of the site) is removed; `cached` keeps
    /// the folder for the next publish, which updates it in place with the build cache, and
    /// the marker with it (the publish leaves it out of the version it makes).
    static func buildForPublishing(siteRoot: String, output: String, baseURL: String?, cached: Bool = false)
        -> Result
    {
        var options = BuildOptions(
            siteRoot: siteRoot, output: output, strict: true, baseURL: baseURL, cache: cached)
        options.guardsOutput = false
        let result = SiteBuilder(options: options).build()
        if result.summary != nil && !cached { _ = StateFolder.remove(output + "/" + SiteWriter.marker) }
        return result
    }

    /// The files the last cached `buildForPublishing` into `output` left there, as its record
    /// stamps them (sorted by path); nil without a record.
    static func recordedFiles(siteRoot: String, output: String) -> [BuildCache.Stamp]? {
        let options = BuildOptions(siteRoot: siteRoot, output: output, strict: true, cache: true)
        return BuildCache(siteRoot: options.absoluteRoot, outputPath: options.absoluteOutput).load()?.files
    }
}
