import ArgumentParser
import BriefKit
import Foundation

/// `brief build`: renders a site into its output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Render the site in DIR into its output folder (Site/ by default).")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder, relative to the current folder (default: DIR/Site).")
    var output: String?

    @Flag(name: .long, help: "Replace an output folder that brief did not write.")
    var force = false

    @Flag(name: .long, help: "Build everything, without the build cache (it is neither read nor written).")
    var noCache = false

    func validate() throws {
        if output?.isEmpty == true {
            throw ValidationError("--output is empty; name a folder, like --output Site")
        }
    }

    func run() throws {
        var options = BuildOptions(
            siteRoot: site.dir, output: output, drafts: site.drafts, strict: site.strict,
            baseURL: site.baseURL,
            force: force, cache: !noCache)
        options.processExitsAfterBuild = true
        let result = SiteBuilder(options: options).build()
        try SiteFailure.report(result.printedDiagnostics, succeeded: result.summary != nil)
        guard let summary = result.summary else { return }
        print(summary.line)
    }
}
