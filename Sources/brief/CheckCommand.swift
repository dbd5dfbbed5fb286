import ArgumentParser
import BriefKit
import Foundation

/// `brief check`: everything `build` validates, plus every internal link and anchor; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site in DIR and every internal link and #anchor of its pages; write nothing.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let options = BuildOptions(
            siteRoot: site.dir, drafts: site.drafts, strict: site.strict, baseURL: site.baseURL,
            writes: false,
            checkLinks: true)
        let result = SiteBuilder(options: options).build()
        try SiteFailure.report(result.printedDiagnostics, succeeded: result.summary != nil)
        guard let summary = result.summary else { return }
        print(
            "Checked \(summary.pages) pages (\(summary.files) files): \(summary.counts); every internal link resolves"
        )
    }
}
