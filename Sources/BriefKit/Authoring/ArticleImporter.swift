import Foundation

/// `brief import`: turns an article into a draft briefing — headline as title, byline as
/// `source.author`, lede as summary, the registry's actors found in the text, the people,
/// countries and organisations it lacks (suggested, or added with `--add-actors`), direct
/// quotes kept with their speakers, and the article's headings and paragraphs as notes.
public struct ArticleImporter: Sendable {
    public var directory: ActorDirectory
    /// True for actors of kind person; a quote's speaker is guessed among people first.
    public var isPerson: [Bool]

    public init(model: SiteModel) {
        directory = ActorDirectory(model: model)
        isPerson = model.actors.map { $0.kind == .person }
    }

    /// Flags of `brief import`.
    public struct Options: Sendable {
        public var url: String?
        public var publisher: String?
        public var date: String
        /// `--add-actors`: the names the registry lacks get actor files and go into `actors:`.
        public var addActors: Bool

        public init(url: String? = nil, publisher: String? = nil, date: String, addActors: Bool = false) {
            self.url = url
            self.publisher = publisher
            self.date = date
            self.addActors = addActors
        }
    }

    /// A direct quote and the actor who said it, when the sentence tells.
    public struct FoundQuote: Sendable, Equatable {
        public var text: String
        public var speaker: String?
    }

    /// A claim suggested from the article: its text and who made or denied it.
    public struct SuggestedClaim: Sendable, Equatable {
        public var text: String
        public var by: [String]
        public var deniedBy: [String]
    }

    /// An actor the registry lacks, as the article names it.
    public struct Discovered: Sendable, Equatable {
        public var name: String
        public var kind: Actor.Kind
        public var role: String?
        public var aliases: [String]
        public var count: Int

        /// A stub actor file for it, `Content/actors/<slug>.md`, and the file's text.
        public func actorFile(article: String) -> (path: String, text: String) {
            var lines = ["---", "name: \(YAMLWriter.quoted(name))", "kind: \(kind.rawValue)"]
            if let role { lines.append("role: \(YAMLWriter.quoted(role))") }
            if !aliases.isEmpty { lines.append("aliases: \(YAMLWriter.list(aliases))") }
            lines += ["---", "Added by `brief import` from \(article): write a short profile.", ""]
            return ("Content/actors/\(NameKey.slug(name)).md", lines.joined(separator: "\n"))
        }
    }

    /// What an import found, for the front matter and the command's report.
    public struct Result: Sendable {
        public var article: Article
        public var summary: String
        /// Known actors with their number of mentions, most mentioned first.
        public var actors: [(name: String, count: Int)]
        /// People, countries and organisations the article names that the registry lacks.
        public var discovered: [Discovered]
        public var quotes: [FoundQuote]
        /// Claims suggested from attributed statements and denials, all `alleged`.
        public var claims: [SuggestedClaim] = []
        public var text: String
    }

    public func importArticle(_ text: String, options: Options) -> Result {
        let article = Article.parse(text)
        let paragraphs = article.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        let summary = Self.summary(
            lede: paragraphs.first ?? article.dek ?? "", kickers: [article.headline, article.dek ?? ""])
        let allText = ([article.headline, article.dek ?? ""] + paragraphs).joined(separator: "\n")
        let bytes = Array(allText.utf8)
        let matches = directory.matcher.matches(in: bytes)
        var counts: [Int: Int] = [:]
        for match in matches where directory.registered[match.actor] { counts[match.actor, default: 0] += 1 }
        let actors = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : directory.names[a.key] < directory.names[b.key]
        }.map { (name: directory.names[$0.key], count: $0.value) }
        let discovered = ActorDiscovery(gazetteer: .shared).find(in: [article.dek ?? ""] + paragraphs)
            .filter { found in
                // Known by name or alias (the acronym too): counted among the known actors.
                ([found.name] + found.aliases).allSatisfy { name in
                    if case .unknown = directory.registry.match(name) { return true }
                    return false
                } && !NameKey.slug(found.name).isEmpty
            }
            .map {
                Discovered(name: $0.name, kind: $0.kind, role: $0.role, aliases: $0.aliases, count: $0.count)
            }
        var finder = QuoteFinder(directory: directory, isPerson: isPerson)
        finder.people = discovered.filter { $0.kind == .person }.map(\.name)
        let quotes = finder.quotes(
            in: [article.dek ?? ""] + paragraphs, fullText: bytes, mentions: matches)
        var result = Result(
            article: article, summary: summary, actors: actors, discovered: discovered, quotes: quotes,
            text: "")
        // The actors a subject names: registered names first, then the discovered ones.
        let namer = ClaimSuggestions(name: { subject in
            let known = directory.matcher.matches(in: Array(subject.utf8)).filter {
                directory.registered[$0.actor]
            }
            .map { directory.names[$0.actor] }
            let found = ActorDiscovery(gazetteer: .shared).find(in: [subject]).map(\.name)
                .filter { name in discovered.contains { $0.name == name } }
            var names: [String] = []
            for name in known + found where !names.contains(name) { names.append(name) }
            // In the order the subject names them ("Both Russia and North Korea").
            func position(_ name: String) -> Int {
                subject.range(of: name).map { subject.distance(from: subject.startIndex, to: $0.lowerBound) }
                    ?? subject.count
            }
            return names.enumerated().sorted { (position($0.1), $0.0) < (position($1.1), $1.0) }.map(\.1)
        })
        result.claims = namer.suggestions(in: [article.dek ?? ""] + paragraphs).map {
            SuggestedClaim(text: $0.text, by: $0.by, deniedBy: $0.deniedBy)
        }
        var withText = result
        withText.text = render(result, options: options)
        return withText
    }

    /// The first two sentences of the lede, without a kicker that repeats the headline or
    /// standfirst ("South Korea considers weapons for Ukraine: …").
    static func summary(lede: String, kickers: [String]) -> String {
        var text = lede
        if let colon = text.range(of: ": ") {
            let kicker = text[..<colon.lowerBound]
            if kicker.split(separator: " ").count <= 10,
                kickers.contains(where: { !$0.isEmpty && $0.lowercased().contains(kicker.lowercased()) })
            {
                text = String(text[colon.upperBound...])
            }
        }
        let sentences = Sentences.split(text)
        return sentences.prefix(2).joined(separator: " ")
    }

    /// A kicker ("South Korea considers weapons for Ukraine: …") that the standfirst and the
    /// first paragraph both open with: page furniture, not text, so the notes drop it.
    static func sharedKicker(_ article: Article) -> String? {
        guard let dek = article.dek, let colon = dek.range(of: ": ") else { return nil }
        let kicker = String(dek[..<colon.upperBound])
        guard kicker.split(separator: " ").count <= 10,
            case .paragraph(let first)? = article.blocks.first, first.hasPrefix(kicker)
        else { return nil }
        return kicker
    }

    func render(_ result: Result, options: Options) -> String {
        var article = result.article
        if let kicker = Self.sharedKicker(article) {
            article.dek = article.dek.map { String($0.dropFirst(kicker.count)) }
            if case .paragraph(let first) = article.blocks[0] {
                article.blocks[0] = .paragraph(String(first.dropFirst(kicker.count)))
            }
        }
        var lines = [
            "---", "title: \(YAMLWriter.quoted(article.headline))", "date: \(options.date)", "draft: true",
        ]
        if !result.summary.isEmpty { lines.append("summary: \(YAMLWriter.quoted(result.summary))") }
        if result.actors.isEmpty {
            lines.append("# No actor of the registry (Content/actors/) is named in the article.")
        } else {
            lines.append(
                "# \(result.actors.count) known actor\(result.actors.count == 1 ? "" : "s") found (mentions): "
                    + result.actors.map { "\($0.name) (\($0.count))" }.joined(separator: ", "))
        }
        if options.addActors, !result.discovered.isEmpty {
            lines.append(
                "# Added to Content/actors/ by --add-actors (mentions): "
                    + result.discovered.map { "\($0.name) (\($0.count))" }.joined(separator: ", "))
        }
        let listed = result.actors.map(\.name) + (options.addActors ? result.discovered.map(\.name) : [])
        lines.append("actors: \(YAMLWriter.list(listed))")
        if !options.addActors, !result.discovered.isEmpty {
            lines.append(
                "# Named in the article but not in the registry; add them with --add-actors, or an actor file each:"
            )
            for found in result.discovered {
                let role = found.role.map { ", \($0)" } ?? ""
                lines.append(
                    "#   \(YAMLWriter.quoted(found.name)) (\(found.kind.rawValue)\(role); \(found.count))")
            }
        }
        lines.append("topics: []")
        if !result.claims.isEmpty {
            lines.append(
                "claims:  # suggested from attributed statements and denials: check, reword and grade each")
            for claim in result.claims {
                lines.append("  - claim: \(YAMLWriter.quoted(claim.text))")
                if !claim.by.isEmpty { lines.append("    by: \(YAMLWriter.list(claim.by))") }
                lines.append("    status: alleged")
                if !claim.deniedBy.isEmpty {
                    lines.append("    denied_by: \(YAMLWriter.list(claim.deniedBy))")
                }
            }
        }
        lines.append("source:")
        lines.append("  title: \(YAMLWriter.quoted(article.headline))")
        if let publisher = options.publisher { lines.append("  publisher: \(YAMLWriter.quoted(publisher))") }
        if let author = article.byline { lines.append("  author: \(YAMLWriter.quoted(author))") }
        if let editor = article.editor { lines.append("  editor: \(YAMLWriter.quoted(editor))") }
        if let url = options.url { lines.append("  url: \(YAMLWriter.quoted(url))") }
        lines.append("---")
        lines.append(EntryParser.importMarker)
        lines.append("")
        if let dek = article.dek {
            lines.append(MarkdownEscaping.paragraph(dek))
            lines.append("")
        }
        for block in article.blocks {
            switch block {
            case .heading(let text): lines.append("## " + MarkdownEscaping.inline(text))
            case .paragraph(let text): lines.append(MarkdownEscaping.paragraph(text))
            }
            lines.append("")
        }
        if !result.quotes.isEmpty {
            lines.append("## Quotes")
            lines.append("")
            for quote in result.quotes {
                lines.append("> " + MarkdownEscaping.inline(quote.text))
                if let speaker = quote.speaker {
                    lines.append(">")
                    lines.append("> — " + speaker)
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Escapes article text so Markdown reads it as plain text.
enum MarkdownEscaping {
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func paragraph(_ text: String) -> String {
        let escaped = inline(text)
        guard let first = escaped.first else { return escaped }
        if "#>-+=|".contains(first) { return "\\" + escaped }
        if let dot = escaped.firstIndex(where: { !$0.isNumber }), dot != escaped.startIndex,
            escaped[dot] == "." || escaped[dot] == ")"
        {
            return escaped[..<dot] + "\\" + escaped[dot...]
        }
        return escaped
    }
}

/// Splits text into sentences at `.`, `!` or `?` (with closing quotes) followed by a space and
/// a capital letter or opening quote; "U.S. and" stays one sentence.
enum Sentences {
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            current.append(characters[i])
            if ".!?".contains(characters[i]) {
                var j = i + 1
                while j < characters.count, "\"”’)".contains(characters[j]) {
                    current.append(characters[j])
                    j += 1
                }
                if j + 1 < characters.count, characters[j] == " ",
                    characters[j + 1].isUppercase || "\"“".contains(characters[j + 1]),
                    !isAbbreviation(current)
                {
                    sentences.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
                i = j
                continue
            }
            i += 1
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// "U.S." or "Mr." at the end of `text`.
    static func isAbbreviation(_ text: String) -> Bool {
        let word = text.split(separator: " ").last.map(String.init) ?? ""
        return ["Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "St.", "No."].contains(word)
            || (word.count <= 5 && word.filter { $0 == "." }.count >= 2)
    }
}
