import BriefTemplates
import Dispatch

extension PageJob {
    /// One file that lists every entry or actor of the site: costly alone, and few.
    var coversWholeSite: Bool {
        switch self {
        case .actorIndex, .topicIndex, .timeline, .siteFeed, .sitemap, .sitemapPart: true
        default: false
        }
    }
}

/// Renders the jobs that each cover the whole site on a thread of their own while the batches
/// render, so no batch waits for one of them with a core idle. Their files go straight to the
/// writer, or are held for `finish` when the build inspects or link-checks every file.
final class WholeSiteJobs: @unchecked Sendable {
    let jobs: [PageJob]
    private var held: [OutputFile] = []
    private var writtenPages = 0
    private let done = DispatchGroup()

    init(_ jobs: [PageJob], renderer: SiteRenderer, writes: BatchWriter?) {
        self.jobs = jobs
        DispatchQueue.global().async(group: done) { [self] in
            for job in jobs {
                let file = renderer.render(job)
                if let writes {
                    if file.path.hasSuffix(".html") { writtenPages += 1 }
                    writes.enqueue([file])
                } else {
                    held.append(file)
                }
            }
        }
    }

    /// Waits for the jobs: the files held back (in job order) and how many HTML pages went
    /// straight to the writer.
    func finish() -> (held: [OutputFile], writtenPages: Int) {
        done.wait()
        return (held, writtenPages)
    }
}
