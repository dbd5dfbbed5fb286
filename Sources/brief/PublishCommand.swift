import ArgumentParser
import BriefKit
import Foundation

/// `brief publish`: a clean strict build, switched into a folder atomically or committed to a git branch.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a clean strict build to a folder (atomic switch, one rollback) or to a git branch."
    )

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String = "."

    @Option(name: .long, help: "The folder to publish into.")
    var to: String?

    @Flag(name: .long, help: "Print what would be added, changed and removed; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Switch back to the previous published version.")
    var rollback = false

    @Flag(
        name: .long, help: "Publish over a folder brief did not publish (its files go to the rollback slot).")
    var force = false

    @Option(name: .long, help: "A git repository (path or URL) to commit the site to.")
    var git: String?

    @Option(name: .long, help: "The branch for --git.")
    var branch: String = "gh-pages"

    @Option(name: .long, help: "The commit message for --git.")
    var message: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    func validate() throws {
        guard (to == nil) != (git == nil) else {
            throw ValidationError("give exactly one of --to DEST or --git REPO")
        }
        if git != nil && (dryRun || rollback || force) {
            throw ValidationError("--dry-run, --rollback and --force apply to --to only")
        }
        if dryRun && rollback { throw ValidationError("--dry-run and --rollback cannot be combined") }
        if to?.isEmpty == true { throw ValidationError("--to is empty; name a folder to publish into") }
        if let git, let refused = GitPublisher.refusal(repository: git, branch: branch) {
            throw ValidationError(refused)
        }
    }

    func run() throws {
        let report: DirectoryPublisher.Report
        if let git {
            report = GitPublisher(
                siteRoot: dir, repository: git, branch: branch, message: message, baseURL: baseURL
            )
            .publish()
        } else {
            let publisher = DirectoryPublisher(
                siteRoot: dir, destination: to!, force: force, baseURL: baseURL)
            report = rollback ? publisher.rollback() : dryRun ? publisher.dryRun() : publisher.publish()
        }
        try SiteFailure.report(report.diagnostics, succeeded: report.succeeded)
        guard let summary = report.summary else { return }
        if let changes = report.changes {
            print(changes.report)
            return
        }
        if report.messages.isEmpty {
            print("Published \(summary.counts) to \(to ?? "") (\(summary.pages) pages).")
        }
        for message in report.messages { print(message) }
    }
}
