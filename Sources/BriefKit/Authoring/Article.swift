import Foundation

/// A news article read from plain text or Markdown: headline, standfirst, byline and the body
/// as headings and paragraphs, with page chrome (share prompts, photo captions) dropped.
public struct Article: Sendable, Equatable {
    /// A piece of the article body.
    public enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph(String)
    }

    public var headline: String
    /// The standfirst printed between headline and byline, if any.
    public var dek: String?
    public var byline: String?
    /// Who edited the article ("Edited By: …"): its editor, not its author.
    public var editor: String? = nil
    /// The day the article was published, YYYY-MM-DD, when one of its lines gives it, and that line.
    public var date: String? = nil
    public var dateLine: String? = nil
    public var blocks: [Block]

    /// Parses article text. Lines are blocks; blank lines only separate them.
    public static func parse(_ text: String) -> Article {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        guard !lines.isEmpty else { return Article(headline: "", dek: nil, byline: nil, blocks: []) }
        let headline = stripMarkdownHeading(lines.removeFirst())
        var article = Article(headline: headline, dek: nil, byline: nil, blocks: [])
        var beforeByline: [String] = []
        var sawChrome = false
        var updatedDate: (day: String, line: String)?
        for line in lines {
            // Publication lines and datelines give the date and are not part of the text.
            if let day = ArticleDate.day(in: line), line.count <= 120 {
                if ArticleDate.isUpdateLine(line) {
                    if updatedDate == nil { updatedDate = (day, line) }
                    sawChrome = true
                    continue
                }
                if ArticleDate.isPublicationLine(line) || ArticleDate.isDateOnly(line) {
                    if article.date == nil
                        || ArticleDate.isPublicationLine(line)
                            && !ArticleDate.isPublicationLine(article.dateLine ?? "")
                    {
                        article.date = day
                        article.dateLine = line
                    }
                    sawChrome = true
                    continue
                }
            }
            if let editor = editorLine(in: line) {
                if article.editor == nil { article.editor = editor }
                sawChrome = true
                continue
            }
            if let author = byline(in: line) {
                if article.byline == nil { article.byline = author }
                sawChrome = true
                continue
            }
            if isChrome(line) || isCaption(line) {
                sawChrome = true
                continue
            }
            if isTimestamp(line) {
                // A live blog's entry times: headings of their entries.
                article.blocks.append(.heading(line))
            } else if line.hasPrefix("#") {
                article.blocks.append(.heading(stripMarkdownHeading(line)))
            } else if isHeading(line) {
                article.blocks.append(.heading(line))
            } else if !sawChrome && article.blocks.isEmpty {
                beforeByline.append(line)
            } else {
                article.blocks.append(.paragraph(line))
            }
        }
        if article.date == nil, let updatedDate {
            article.date = updatedDate.day
            article.dateLine = updatedDate.line
        }
        // Text between the headline and the byline is a standfirst when a byline or chrome
        // follows it; otherwise it is simply the first paragraph.
        if sawChrome, !beforeByline.isEmpty {
            article.dek = beforeByline.joined(separator: " ")
        } else {
            article.blocks.insert(contentsOf: beforeByline.map(Block.paragraph), at: 0)
        }
        return article
    }

    static func stripMarkdownHeading(_ line: String) -> String {
        String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
    }

    /// "By Jane Doe", "Written by X", "Author: X"; a bare "Author" is chrome.
    static func byline(in line: String) -> String? {
        name(in: line, after: ["written by", "reported by", "author:", "by "])
    }

    /// "Edited By: Mayank Kasyap", "Edited by X".
    static func editorLine(in line: String) -> String? {
        name(in: line, after: ["edited by"])
    }

    /// The name after the first of `prefixes` that `line` starts with (any case), when it reads
    /// as a name: capitalised, short, not a sentence.
    private static func name(in line: String, after prefixes: [String]) -> String? {
        let lower = line.lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            let name = line.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: " :\t"))
            guard !name.isEmpty, name.count <= 80, name.first?.isUppercase == true, !name.contains(". ")
            else {
                return nil
            }
            return name
        }
        return nil
    }

    static let chromePrefixes = [
        "follow us", "share", "advertisement", "read more", "also read", "subscribe", "sign up", "related:",
        "click here", "listen to", "watch:", "updated:", "published:", "first published",
    ]

    static func isChrome(_ line: String) -> Bool {
        let lower = line.lowercased()
        if ["author", "advertisement", "share", "comments"].contains(lower) { return true }
        return line.count < 80 && chromePrefixes.contains { lower.hasPrefix($0) }
    }

    /// Photo captions and credits: "Photo: …", "… (Flickr)", "(Reuters)".
    static func isCaption(_ line: String) -> Bool {
        let lower = line.lowercased()
        if ["photo:", "image:", "credit:", "file photo", "picture:", "photograph:"].contains(
            where: lower.hasPrefix)
        {
            return true
        }
        guard line.count < 200, line.hasSuffix(")"), let open = line.lastIndex(of: "(") else { return false }
        let credit = line[line.index(after: open)..<line.index(before: line.endIndex)]
        let creditWords = credit.split(separator: " ").count
        let sentences = line[..<open].filter { $0 == "." }.count
        return creditWords <= 4 && sentences == 0
    }

    /// "10:42", "10:42 KST", "9:05 am GMT": the time of a live blog's entry.
    static func isTimestamp(_ line: String) -> Bool {
        line.range(
            of: "^\\d{1,2}[:.]\\d{2}(\\s?([aApP]\\.?[mM]\\.?))?(\\s+[A-Z]{2,5})?$",
            options: .regularExpression) != nil
    }

    /// A short line with no closing punctuation, between paragraphs: a section heading.
    static func isHeading(_ line: String) -> Bool {
        guard let last = line.last, !".!?\"”’:;,".contains(last) else { return false }
        let words = line.split(separator: " ").count
        return words <= 14 && line.count <= 100 && line.first?.isUppercase == true
    }
}
