import ArgumentParser
import BriefKit
import Foundation

/// `brief new`: a draft briefing (today's date unless `--date`); prints its path; never overwrites.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a draft briefing in Content/briefings/ and print its path.")

    @Argument(help: "The title of the briefing.")
    var title: String

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String?

    @Option(name: .long, help: "Actors, separated by commas.")
    var actors: String?

    @Option(name: .long, help: "Topics, separated by commas.")
    var topics: String?

    @Option(name: .long, help: "The briefing's date, YYYY-MM-DD (default: today in the site's time zone).")
    var date: String?

    /// The older spelling of DIR, kept working.
    @Option(name: .long, help: .hidden)
    var site: String?

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
        if dir != nil && site != nil { throw ValidationError("give the site folder once: DIR or --site") }
        if let date, case .failure = EntryDate.parse(date) {
            throw ValidationError("--date must be a real day as YYYY-MM-DD, found '\(date)'")
        }
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    func run() throws {
        let site = dir ?? self.site ?? "."
        let date = self.date ?? Today.iso(in: SiteClock.timeZone(siteRoot: site))
        let path = EntryWriter.path(date: date, title: title)
        let text = EntryWriter.draft(
            title: title, date: date, actors: Self.list(actors), topics: Self.list(topics))
        switch EntryWriter.create(text, at: path, siteRoot: site) {
        case .failure(let failure): throw SiteFailure(report: failure.description)
        case .success(let written): print(site == "." ? written : site + "/" + written)
        }
    }
}
