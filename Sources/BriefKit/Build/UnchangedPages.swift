/// The pages of a build whose fingerprint (`PageFingerprints`) is the one a build kept, over an
/// output file that holds the bytes kept beside it: they would be rendered to those bytes, so
/// they are not rendered again. After the build, the fingerprints to keep for the next.
struct UnchangedPages {
    /// What the cache kept, by `PageFingerprints.key(ofPath:)`.
    let before: [UInt64: PageFingerprints.Page]
    /// This build's fingerprint of each page it was given, by `PageFingerprints.key(ofPath:)`.
    let made: [UInt64: UInt64]
    /// The positions of the given jobs that need not be rendered, with their output paths and
    /// the hash of the bytes their files hold.
    let unchanged: [Int: (path: String, output: UInt64)]

    /// Fingerprints the template pages among `jobs` (`renderer` as `SiteRenderer.forFingerprints`
    /// makes it), and finds those unchanged in the output folder as `known` describes it.
    init(jobs: [PageJob], renderer: SiteRenderer, theme: Theme, kept: PageFingerprints, known: OutputState?) {
        let seed = PageFingerprints.seed(theme: theme)
        before = kept.load()
        // Paths, their keys and the comparison with what was kept are taken on every core;
        // only the unchanged pages come back to be collected.
        let before = before
        let pages = jobs.parallelMap(stride: 8) {
            job -> (key: UInt64, fingerprint: UInt64, unchanged: (path: String, output: UInt64)?)? in
            guard let fingerprint = renderer.fingerprint(job, seed: seed) else { return nil }
            let path = renderer.outputPath(job)
            let key = PageFingerprints.key(ofPath: path)
            guard let known, let was = before[key], was.fingerprint == fingerprint,
                known.holds(path, hash: was.output)
            else { return (key, fingerprint, nil) }
            return (key, fingerprint, (path, was.output))
        }
        var unchanged: [Int: (path: String, output: UInt64)] = [:]
        var made: [UInt64: UInt64] = [:]
        made.reserveCapacity(pages.count)
        for (i, page) in pages.enumerated() {
            guard let page else { continue }
            made[page.key] = page.fingerprint
            if let kept = page.unchanged { unchanged[i] = kept }
        }
        self.unchanged = unchanged
        self.made = made
    }

    /// What to keep after a build whose files have these output `hashes` (every file it made,
    /// by path): a page fingerprinted by this build, else (kept by the body-edit path without
    /// being fingerprinted) as it was kept while its file holds the same bytes. Files that are
    /// not pages have neither.
    func next(hashes: [String: UInt64]) -> [UInt64: PageFingerprints.Page] {
        var pages: [UInt64: PageFingerprints.Page] = [:]
        for (path, output) in hashes {
            let key = PageFingerprints.key(ofPath: path)
            if let fingerprint = made[key] {
                pages[key] = PageFingerprints.Page(fingerprint: fingerprint, output: output)
            } else if let was = before[key], was.output == output {
                pages[key] = was
            }
        }
        return pages
    }
}
