import ArgumentParser
import BriefKit
import Foundation

/// `brief import`: an article (plain text or Markdown, `-` for standard input) → a draft briefing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Turn a news article into a draft briefing: title, date, byline, lede, the actors it names, suggested claims and quotes."
    )

    @Argument(help: "The article file, or - to read standard input.", completion: .file())
    var article: String

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String?

    @Option(name: .long, help: "The article's URL (source.url).")
    var url: String?

    @Option(name: .long, help: "The publisher (source.publisher).")
    var publisher: String?

    @Option(
        name: .long,
        help:
            "The briefing's date, YYYY-MM-DD (default: the date the article gives, else today with a warning)."
    )
    var date: String?

    @Flag(
        name: .long,
        help:
            "Write an actor file for each person, country or organisation the registry lacks (and a source file for an unregistered --publisher), and list them in the draft."
    )
    var addActors = false

    /// The older spelling of DIR, kept working.
    @Option(name: .long, help: .hidden)
    var site: String?

    func validate() throws {
        if dir != nil && site != nil { throw ValidationError("give the site folder once: DIR or --site") }
        if let url {
            if let problem = LinkURL.problem(url) {
                throw ValidationError("--url \(problem), found '\(url)'")
            }
            guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
                throw ValidationError(
                    "--url must be the article's address, like https://example.org/story, found '\(url)'")
            }
        }
        if let date, case .failure = EntryDate.parse(date) {
            throw ValidationError("--date must be a real day as YYYY-MM-DD, found '\(date)'")
        }
    }

    func run() throws {
        let data: Data
        if article == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let (read, failure) = FileBytes.readReportingError(article)
            guard let read else {
                throw SiteFailure(
                    report: "\(article): error: cannot read the article: \(FileBytes.reason(failure))")
            }
            data = read
        }
        let site = dir ?? self.site ?? "."
        guard case .success(let source) = SourceText.decode(data, path: article) else {
            throw SiteFailure(report: "\(article): error: the article is not UTF-8 text")
        }
        let (model, diagnostics) = SiteRegistry.load(siteRoot: site)
        guard let model else {
            let errors = diagnostics.filter { $0.severity == .error }
            throw SiteFailure(report: (errors.map(\.description) + [errors.summary]).joined(separator: "\n"))
        }
        let found = Article.parse(source.text)
        let day = date ?? found.date ?? Today.iso(in: model.config.timeZone)
        if date == nil, found.dateLine == nil {
            FileOutput.standardError.write(
                "\(article): warning: the article gives no date and no --date was given; the briefing is dated today, \(day); pass --date YYYY-MM-DD for the article's own day\n"
            )
        }
        let result = ArticleImporter(model: model).importArticle(
            source.text, options: .init(url: url, publisher: publisher, date: day, addActors: addActors))
        guard !result.article.headline.isEmpty else {
            throw SiteFailure(report: "\(article): error: the article is empty")
        }
        var added: [String] = []
        if addActors {
            for found in result.discovered {
                let file = found.actorFile(article: article == "-" ? "standard input" : article)
                if case .success(let written) = EntryWriter.create(file.text, at: file.path, siteRoot: site) {
                    added.append(written)
                }
            }
        }
        // A publisher the source registry lacks (when the site keeps one) fails strict checks.
        var sourceNote: String?
        if let publisher, !model.sources.isEmpty {
            var names = NameRegistry()
            for (id, source) in model.sources.enumerated() {
                names.add(id: id, name: source.name, aliases: source.aliases)
            }
            if case .unknown = names.match(publisher) {
                let file = "Content/sources/\(NameKey.slug(publisher)).md"
                if addActors {
                    let stub = [
                        "---", "name: \(YAMLWriter.quoted(publisher))", "kind: news", "reliability: F", "---",
                        "Added by `brief import`: grade this source (A completely reliable … E unreliable, F cannot be judged) and say why.",
                        "",
                    ].joined(separator: "\n")
                    if case .success(let written) = EntryWriter.create(stub, at: file, siteRoot: site) {
                        added.append(written)
                    }
                } else {
                    sourceNote =
                        "  publisher '\(publisher)' is not in the source registry: add \(file) and grade it (--add-actors writes it)"
                }
            }
        }
        let path = EntryWriter.path(date: day, title: result.article.headline)
        switch EntryWriter.create(result.text, at: path, siteRoot: site) {
        case .failure(let failure): throw SiteFailure(report: failure.description)
        case .success(let written): print(site == "." ? written : site + "/" + written)
        }
        if date == nil, let line = found.dateLine {
            print("  dated \(day), from the article's line \"\(line)\"")
        }
        let actors = result.actors.map { "\($0.name) (\($0.count))" }.joined(separator: ", ")
        print(
            "  \(result.actors.count) known actor\(result.actors.count == 1 ? "" : "s")\(actors.isEmpty ? "" : ": " + actors)"
        )
        if let sourceNote { print(sourceNote) }
        if !added.isEmpty {
            print(
                "  \(added.count) registry file\(added.count == 1 ? "" : "s") added: "
                    + added.joined(separator: ", "))
        } else if !result.discovered.isEmpty {
            print(
                "  \(result.discovered.count) name\(result.discovered.count == 1 ? "" : "s") not in the registry (add them with --add-actors): "
                    + result.discovered.map(\.name).joined(separator: ", "))
        }
        if !result.claims.isEmpty {
            print(
                "  \(result.claims.count) claim\(result.claims.count == 1 ? "" : "s") suggested from attributed statements and denials (alleged; check each)"
            )
        }
        let attributed = result.quotes.filter { $0.speaker != nil }.count
        print(
            "  \(result.quotes.count) quote\(result.quotes.count == 1 ? "" : "s"), \(attributed) with a speaker"
        )
    }
}
