/// Turns `[[Name]]`, `[[topic:Name]]`, `[[briefing:slug]]` (optionally `[[target|label]]`) in text
/// nodes into links. An unresolved one is an error at its line and column, and is rendered as its
/// label so that no raw `[[…]]` reaches the page.
struct WikilinkPass {
    let resolver: LinkResolver
    let source: MarkdownSource

    /// Rewrites `texts`: the text nodes outside links that contain `[[` (`PassTargets.wikilinkTexts`).
    /// Returns every look-up made, with its answer.
    func run(_ texts: [MarkdownNode], diagnostics: inout [Diagnostic]) -> [WikilinkLookup] {
        var lookups: [WikilinkLookup] = []
        for node in texts { rewrite(node, lookups: &lookups, diagnostics: &diagnostics) }
        return lookups
    }

    /// Splits the literal at each `[[…]]` in one pass over its bytes (searching a Substring
    /// again from each link made many links on one line quadratic).
    private func rewrite(
        _ node: MarkdownNode, lookups: inout [WikilinkLookup], diagnostics: inout [Diagnostic]
    ) {
        let bytes = Array(node.literal.utf8)
        var pieces: [MarkdownNode] = []
        var textStart = 0
        var index = 0
        var located = LocatedOffsets(node: node, source: source, bytes: bytes)
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            var close = index + 2
            while close + 1 < bytes.count
                && !(bytes[close] == UInt8(ascii: "]") && bytes[close + 1] == UInt8(ascii: "]"))
            {
                close += 1
            }
            guard close + 1 < bytes.count else { break }
            if textStart < index {
                pieces.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self)))
            }
            let inner = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            pieces.append(
                link(for: inner, at: index, located: &located, lookups: &lookups, diagnostics: &diagnostics))
            index = close + 2
            textStart = index
        }
        guard !pieces.isEmpty else { return }
        if textStart < bytes.count {
            pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
        }
        for piece in pieces { node.insertBefore(piece) }
        node.remove()
    }

    private func link(
        for inner: String, at offset: Int, located: inout LocatedOffsets, lookups: inout [WikilinkLookup],
        diagnostics: inout [Diagnostic]
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
        // Only an error needs the place.
        var location: SourceLocation { located.location(at: offset) }
        let answer = resolver.wikilink(kind, target)
        lookups.append(WikilinkLookup(kind: kind, target: target, answer: answer))
        switch answer {
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

/// One wikilink look-up of a body and what the site answered.
public struct WikilinkLookup: Sendable, Equatable {
    public var kind: String
    public var target: String
    public var answer: LinkResolver.Lookup

    /// Whether `resolver` answers this look-up as it did.
    func holds(in resolver: LinkResolver) -> Bool { resolver.wikilink(kind, target) == answer }
}

extension MarkdownRenderer.Output {
    /// Whether `resolver` answers every wikilink of this output as it was answered when the
    /// output was made: if not (a linked briefing was retitled), the body must be rendered again.
    func wikilinksAnswered(as resolver: LinkResolver) -> Bool {
        lookups.allSatisfy { $0.holds(in: resolver) }
    }

    /// As `wikilinksAnswered(as:)`, for a `resolver` of the link environment the output was made
    /// in (`SiteSession.linkEnvironment`: names, aliases, slugs and files): only a wikilink to
    /// a briefing can be answered otherwise there, as the environment leaves out titles.
    func wikilinksAnsweredInItsEnvironment(as resolver: LinkResolver) -> Bool {
        lookups.allSatisfy { $0.kind != "briefing" || $0.holds(in: resolver) }
    }
}

/// Locations of byte offsets into one text node, found in increasing order: the node's own
/// place is looked up once, and columns are counted on from the last offset asked for.
struct LocatedOffsets {
    let node: MarkdownNode
    let source: MarkdownSource
    let bytes: [UInt8]
    private var base: SourceLocation?
    private var countedBytes = 0
    private var countedScalars = 0

    init(node: MarkdownNode, source: MarkdownSource, bytes: [UInt8]) {
        self.node = node
        self.source = source
        self.bytes = bytes
    }

    mutating func location(at offset: Int) -> SourceLocation {
        let start = base ?? source.location(of: node)
        base = start
        if offset < countedBytes {
            countedBytes = 0
            countedScalars = 0
        }
        // UTF-8 continuation bytes (10xxxxxx) do not start a scalar.
        for byte in bytes[countedBytes..<min(offset, bytes.count)] where byte & 0xC0 != 0x80 {
            countedScalars += 1
        }
        countedBytes = min(offset, bytes.count)
        // A node cmark left without a position takes its ancestor's place, without an offset.
        guard node.startLine > 0 && node.startColumn > 0, let column = start.column else { return start }
        var location = start
        location.column = column + countedScalars
        return location
    }
}
