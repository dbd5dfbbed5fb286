import ArgumentParser
import BriefKit
import Foundation

/// `brief init`: a new site that builds at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Create a new site in DIR (empty or new): site.yml, a sample briefing, actor, topic and graded source; then build it."
    )

    @Argument(help: "The folder for the new site.", completion: .directory)
    var dir: String = "."

    @Flag(name: .long, help: "Also copy the default templates into Templates/ to customise them.")
    var theme = false

    func run() throws {
        let initializer = SiteInitializer(
            root: dir, copyTheme: theme, today: Today.iso(in: TimeZone(identifier: "UTC")!))
        switch initializer.create() {
        case .failure(let failure): throw SiteFailure(report: failure.description)
        case .success(let files): print("Created a site in \(dir) (\(files.count) files).")
        }
        let result = SiteBuilder(options: BuildOptions(siteRoot: dir)).build()
        try SiteFailure.report(result.printedDiagnostics, succeeded: result.summary != nil)
        guard let summary = result.summary else { return }
        print(summary.line)
        print(
            "Next: `brief new \"Title\" \(dir)` or `brief import ARTICLE.txt \(dir)`, then `brief build \(dir)`."
        )
    }
}
