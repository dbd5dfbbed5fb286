import ArgumentParser
import BriefKit
import Foundation

/// `brief new`: a draft briefing with today's date; prints its path; never overwrites.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a draft briefing in Content/briefings/ and print its path.")

    @Argument(help: "The title of the briefing.")
    var title: String

    @Option(name: .long, help: "Actors, separated by commas.")
    var actors: String?

    @Option(name: .long, help: "Topics, separated by commas.")
    var topics: String?

    @Option(name: .long, help: "The site root (default: the current folder).")
    var site: String = "."

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    func run() throws {
        let date = Today.iso(in: SiteClock.timeZone(siteRoot: site))
        let path = EntryWriter.path(date: date, title: title)
        let text = EntryWriter.draft(
            title: title, date: date, actors: Self.list(actors), topics: Self.list(topics))
        switch EntryWriter.create(text, at: path, siteRoot: site) {
        case .failure(let failure): throw SiteFailure(report: failure.description)
        case .success(let written): print(site == "." ? written : site + "/" + written)
        }
    }
}
