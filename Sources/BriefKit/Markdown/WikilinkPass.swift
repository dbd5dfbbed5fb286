/// Turns `[[Name]]`, `[[topic:Name]]`, `[[briefing:slug]]` (optionally `[[target|label]]`) in text
/// nodes into links. An unresolved one is an error at its line and column, and is rendered as its
/// label so that no raw `[[…]]` reaches the page.
struct WikilinkPass {
    let resolver: LinkResolver
    let source: MarkdownSource

    /// Rewrites `texts`: the text nodes outside links that contain `[[` (`PassTargets.wikilinkTexts`).
    func run(_ texts: [MarkdownNode], diagnostics: inout [Diagnostic]) {
        for node in texts { rewrite(node, diagnostics: &diagnostics) }
    }

    private func rewrite(_ node: MarkdownNode, diagnostics: inout [Diagnostic]) {
        let literal = node.literal
        var pieces: [MarkdownNode] = []
        var rest = literal[...]
        var consumedBytes = 0
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let before = rest[..<open.lowerBound]
            let inner = String(rest[open.upperBound..<close.lowerBound])
            let offset = consumedBytes + before.utf8.count
            if !before.isEmpty { pieces.append(.text(String(before))) }
            pieces.append(link(for: inner, at: offset, in: node, diagnostics: &diagnostics))
            consumedBytes = offset + rest[open.lowerBound..<close.upperBound].utf8.count
            rest = rest[close.upperBound...]
        }
        guard !pieces.isEmpty else { return }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        for piece in pieces { node.insertBefore(piece) }
        node.remove()
    }

    private func link(
        for inner: String, at offset: Int, in node: MarkdownNode, diagnostics: inout [Diagnostic]
    ) -> MarkdownNode {
        var target = inner
        var label: String?
        if let bar = inner.firstIndex(of: "|") {
            target = String(inner[..<bar])
            label = inner[inner.index(after: bar)...].trimmingSpaces
        }
        var kind = "actor"
        for prefix in ["actor:", "topic:", "briefing:"] where target.hasPrefix(prefix) {
            kind = String(prefix.dropLast())
            target = String(target.dropFirst(prefix.count))
        }
        target = target.trimmingSpaces
        // Only an error needs the place; finding it scans the file.
        var location: SourceLocation { source.location(of: node, plusBytes: offset) }
        switch resolver.wikilink(kind, target) {
        case .found(let url, let title):
            let link = MarkdownNode.make(.link)
            link.url = resolver.basePath + url
            link.append(.text(label ?? title ?? target))
            return link
        case .ambiguous(let candidates):
            diagnostics.append(
                .error(
                    location,
                    "[[\(inner)]] is ambiguous: it could be \(candidates.map { "'\($0)'" }.joined(separator: " or ")); write the full name"
                ))
        case .unknown(let suggestion):
            var message = "[[\(inner)]] does not match any \(kind)"
            if let suggestion { message += "; did you mean '\(suggestion)'?" }
            diagnostics.append(.error(location, message))
        }
        return .text(label ?? target)
    }
}
