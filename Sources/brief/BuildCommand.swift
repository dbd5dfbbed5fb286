import ArgumentParser
import BriefKit
import Foundation

/// `brief build`: renders a site into its output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Render the site in DIR into its output folder (Site/ by default).")

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String = "."

    @Option(name: .long, help: "Output folder, relative to the current folder (default: DIR/Site).")
    var output: String?

    @Flag(name: .long, help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat every warning as an error.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    @Flag(name: .long, help: "Replace an output folder that brief did not write.")
    var force = false

    func run() throws {
        let options = BuildOptions(
            siteRoot: dir, output: output, drafts: drafts, strict: strict, baseURL: baseURL, force: force)
        let result = SiteBuilder(options: options).build()
        try SiteFailure.report(result.printedDiagnostics, succeeded: result.summary != nil)
        guard let summary = result.summary else { return }
        print(summary.line)
    }
}
