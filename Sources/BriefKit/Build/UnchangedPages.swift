/// The pages of a build whose fingerprint (`PageFingerprints`) is the one a build kept, over an
/// output file that holds the bytes kept beside it: they would be rendered to those bytes, so
/// they are not rendered again. After the build, the fingerprints to keep for the next.
struct UnchangedPages {
    /// What the cache kept, by `PageFingerprints.key(ofPath:)`.
    let before: [UInt64: PageFingerprints.Page]
    /// This build's fingerprint of each page it was given, by output path.
    let made: [String: UInt64]
    /// The positions of the given jobs that need not be rendered, with the hash of the bytes
    /// their file holds.
    let unchanged: [Int: UInt64]

    /// Fingerprints the template pages among `jobs` (`renderer` as `SiteRenderer.forFingerprints`
    /// makes it), and finds those unchanged in the output folder as `known` describes it.
    init(jobs: [PageJob], renderer: SiteRenderer, theme: Theme, kept: PageFingerprints, known: OutputState?) {
        let seed = PageFingerprints.seed(theme: theme)
        before = kept.load()
        let pages = jobs.parallelMap { job -> (path: String, fingerprint: UInt64)? in
            renderer.fingerprint(job, seed: seed).map { (renderer.outputPath(job), $0) }
        }
        var unchanged: [Int: UInt64] = [:]
        if let known {
            for (i, page) in pages.enumerated() {
                guard let page, let was = before[PageFingerprints.key(ofPath: page.path)],
                    was.fingerprint == page.fingerprint, known.holds(page.path, hash: was.output)
                else { continue }
                unchanged[i] = was.output
            }
        }
        self.unchanged = unchanged
        made = Dictionary(pages.compactMap { $0 }, uniquingKeysWith: { a, _ in a })
    }

    /// What to keep after a build whose files have these output `hashes` (every file it made,
    /// by path): a page fingerprinted by this build, else (kept by the body-edit path without
    /// being fingerprinted) as it was kept while its file holds the same bytes. Files that are
    /// not pages have neither.
    func next(hashes: [String: UInt64]) -> [UInt64: PageFingerprints.Page] {
        var pages: [UInt64: PageFingerprints.Page] = [:]
        for (path, output) in hashes {
            let key = PageFingerprints.key(ofPath: path)
            if let fingerprint = made[path] {
                pages[key] = PageFingerprints.Page(fingerprint: fingerprint, output: output)
            } else if let was = before[key], was.output == output {
                pages[key] = was
            }
        }
        return pages
    }
}
