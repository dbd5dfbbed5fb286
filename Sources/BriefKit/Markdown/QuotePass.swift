/// A quote from a briefing, attributed to an actor by the blockquote's last line (`— Name`).
public struct Quote: Sendable, Equatable {
    public var actor: Int
    /// The quote as plain text.
    public var text: String
    /// The `id` of the quote's `<figure>` on the briefing page.
    public var anchor: String
}

/// Turns a blockquote whose last line is `— Name` or `-- Name` into a `<figure>` with the
/// quote and a `<figcaption>` naming the speaker, linked to the speaker's page when the name
/// resolves. Resolved quotes are collected for the actor pages.
struct QuotePass {
    let directory: ActorDirectory
    let basePath: String
    let source: MarkdownSource

    /// Turns the attributed ones of `blockQuotes` (`PassTargets.blockQuotes`) into figures.
    func run(_ blockQuotes: [MarkdownNode], diagnostics: inout [Diagnostic]) -> [Quote] {
        var quotes: [Quote] = []
        for quote in blockQuotes {
            guard let paragraph = quote.lastChild, paragraph.kind == .paragraph else { continue }
            let inlines = paragraph.children
            let breakIndex = inlines.lastIndex { $0.kind == .softBreak || $0.kind == .lineBreak }
            let line = Array(inlines[(breakIndex.map { $0 + 1 } ?? 0)...])
            guard let first = line.first else { continue }
            let text = line.map(\.plainText).joined().trimmingSpaces
            var name: Substring
            if text.hasPrefix("—") || text.hasPrefix("―") {
                name = text.dropFirst()
            } else if text.hasPrefix("--") {
                name = text.dropFirst(2)
            } else {
                continue
            }
            let speaker = name.trimmingSpaces
            guard !speaker.isEmpty else { continue }
            // Only a warning needs the place; finding it scans the file.
            var location: SourceLocation { source.location(of: first) }
            let anchor = "quote-\(quotes.count + 1)"
            var caption = HTMLText.escape(speaker)
            let match = directory.registry.match(speaker)
            switch match {
            case .found(let id):
                caption = "<a href=\"\(HTMLText.escape(basePath + directory.urls[id]))\">\(caption)</a>"
                quotes.append(Quote(actor: id, text: "", anchor: anchor))
            case .ambiguous(let ids):
                let names = ids.map { "'\(directory.names[$0])'" }.joined(separator: " or ")
                diagnostics.append(
                    .warning(location, "quote attributed to '\(speaker)', which could be \(names)"))
            case .unknown:
                var message = "quote attributed to '\(speaker)', who is not in the actor registry"
                if let guess = directory.registry.suggestion(for: speaker) {
                    message += "; did you mean '\(guess)'?"
                }
                diagnostics.append(.warning(location, message))
            }
            for node in line { node.remove() }
            if let index = breakIndex { inlines[index].remove() }
            if paragraph.firstChild == nil { paragraph.remove() }
            let figure = MarkdownNode.make(.customBlock)
            figure.setCustom(
                onEnter: "<figure class=\"quote\" id=\"\(anchor)\">\n<blockquote>",
                onExit: "</blockquote>\n<figcaption>— \(caption)</figcaption>\n</figure>")
            for child in quote.children {
                child.unlink()
                figure.append(child)
            }
            quote.insertBefore(figure)
            quote.remove()
            if case .found = match {
                quotes[quotes.count - 1].text = figure.plainText.trimmingSpacesAndNewlines
            }
        }
        return quotes
    }
}
