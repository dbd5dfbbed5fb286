import ArgumentParser
import BriefKit
import Foundation

/// `brief check`: everything `build` validates, plus every internal link and anchor; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site in DIR and every internal link and #anchor of its pages; write nothing.")

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String = "."

    @Flag(name: .long, help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat every warning as an error.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    func run() throws {
        let options = BuildOptions(
            siteRoot: dir, drafts: drafts, strict: strict, baseURL: baseURL, writes: false, checkLinks: true)
        let result = SiteBuilder(options: options).build()
        try SiteFailure.report(result.printedDiagnostics, succeeded: result.summary != nil)
        guard let summary = result.summary else { return }
        print(
            "Checked \(summary.pages) pages (\(summary.files) files): \(summary.counts); every internal link resolves"
        )
    }
}
