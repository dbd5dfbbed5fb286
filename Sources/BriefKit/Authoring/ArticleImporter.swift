import Foundation

/// `brief import`: turns an article into a draft briefing — headline as title, byline as
/// `source.author`, lede as summary, the registry's actors found in the text, unknown
/// capitalised names suggested in a comment, direct quotes kept with their speakers, and the
/// article's headings and paragraphs as notes to rewrite.
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

        public init(url: String? = nil, publisher: String? = nil, date: String) {
            self.url = url
            self.publisher = publisher
            self.date = date
        }
    }

    /// A direct quote and the actor who said it, when the sentence tells.
    public struct FoundQuote: Sendable, Equatable {
        public var text: String
        public var speaker: String?
    }

    /// What an import found, for the front matter and the command's report.
    public struct Result: Sendable {
        public var article: Article
        public var summary: String
        /// Known actors with their number of mentions, most mentioned first.
        public var actors: [(name: String, count: Int)]
        public var candidates: [(name: String, count: Int)]
        public var quotes: [FoundQuote]
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
        let candidates = CandidateNames.find(in: [article.dek ?? ""] + paragraphs, knownBy: directory)
        let quotes = QuoteFinder(directory: directory, isPerson: isPerson).quotes(
            in: [article.dek ?? ""] + paragraphs, fullText: bytes, mentions: matches)
        let result = Result(
            article: article, summary: summary, actors: actors, candidates: candidates, quotes: quotes,
            text: "")
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

    func render(_ result: Result, options: Options) -> String {
        let article = result.article
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
        lines.append("actors: \(YAMLWriter.list(result.actors.map(\.name)))")
        if !result.candidates.isEmpty {
            lines.append("# Names the registry does not know; add an actor file for those that matter:")
            for candidate in result.candidates {
                lines.append("#   \(YAMLWriter.quoted(candidate.name)) (\(candidate.count))")
            }
        }
        lines.append("topics: []")
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
