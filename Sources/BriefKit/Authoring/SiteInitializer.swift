import Foundation

/// `brief init`: a new site with `site.yml`, one sample briefing, actor and topic, and (with
/// `--theme`) a copy of the default templates to customise. Refuses a folder that has anything in it.
public struct SiteInitializer: Sendable {
    public var root: String
    public var copyTheme: Bool
    public var today: String

    public init(root: String, copyTheme: Bool, today: String) {
        self.root = root
        self.copyTheme = copyTheme
        self.today = today
    }

    /// The files of a new site, by path relative to its root.
    public var files: [(path: String, text: String)] {
        var files: [(String, String)] = [
            (
                "site.yml",
                """
                title: "My Briefings"
                base_url: "https://briefings.example.org/"
                description: "Short, sourced notes on the news."
                language: en
                author: "Analysis desk"
                timezone: UTC
                page_size: 20
                feed_limit: 50
                unsafe_html: false
                params: {}
                publish: { keep: [CNAME] }

                """
            ),
            (
                "Content/actors/example-country.md",
                """
                ---
                name: "Example Country"
                kind: country
                aliases: ["Exampleland"]
                ---
                A one-paragraph profile. Every actor file gives a person, country, organisation or
                group its own page, timeline and feed.

                """
            ),
            (
                "Content/topics/example-topic.md",
                """
                ---
                name: "Example topic"
                summary: "What this topic follows, in one line."
                ---
                A description of the topic.

                """
            ),
            (
                "Content/sources/a-publication.md",
                """
                ---
                name: "A publication"
                kind: news
                reliability: C
                url: "https://news.example.com/"
                ---
                Why this grade: the Admiralty letter, A (completely reliable) to F (cannot be
                judged), says how far this source has proved reliable. Claims drawn from it show
                the letter with their own credibility, 1 to 6: C3.

                """
            ),
            (
                "Content/briefings/\(today)-first-briefing.md",
                """
                ---
                title: "A first briefing"
                date: \(today)
                summary: "What happened, in one or two sentences."
                actors: ["Example Country"]
                topics: ["Example topic"]
                source:
                  title: "The article this briefing is derived from"
                  publisher: "A publication"
                  url: "https://news.example.com/article"
                claims:
                  - claim: "Something the article reports"
                    id: something-reported
                    by: ["Example Country"]
                    status: alleged
                    credibility: 3
                ---
                Exampleland said something today. Write the briefing in your own words; link other
                pages with [[Example Country]] or [[topic:Example topic]].

                > A direct quote from the article.
                >
                > — Example Country

                """
            ),
            ("Content/static/.gitkeep", ""),
            ("Content/media/.gitkeep", ""),
        ]
        if copyTheme {
            files += EmbeddedTheme.files.keys.sorted().map { ("Templates/" + $0, EmbeddedTheme.files[$0]!) }
        }
        return files
    }

    /// Why a site could not be created.
    public enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        case unwritable(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let path):
                "\(path): error: the folder is not empty; brief init only creates a site in an empty or new folder"
            case .unwritable(let path, let reason): "\(path): error: cannot create the site: \(reason)"
            }
        }
    }

    public func create() -> Result<[String], Failure> {
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: root), !contents.isEmpty {
            return .failure(.notEmpty(root))
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: root, isDirectory: &isFolder), !isFolder.boolValue {
            return .failure(.notEmpty(root))
        }
        do {
            for file in files {
                let path = root + "/" + file.path
                try manager.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            return .failure(.unwritable(root, error.localizedDescription))
        }
        return .success(files.map(\.path))
    }
}
