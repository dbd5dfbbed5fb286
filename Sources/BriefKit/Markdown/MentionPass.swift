/// Links the first mention of each actor an entry lists to the actor's page, and notes
/// registered actors the body mentions but the front matter does not list.
///
/// Mentions are found in runs of sibling text nodes joined by soft line breaks (so a name
/// broken across lines is found), never inside links, images, code or headings.
struct MentionPass {
    let directory: ActorDirectory
    let listed: Set<Int>
    let basePath: String
    let source: MarkdownSource

    /// One stretch of text: the nodes, and where each starts in the joined bytes.
    private struct Run {
        var nodes: [MarkdownNode] = []
        var starts: [Int] = []
        var bytes: [UInt8] = []
    }

    func run(_ root: MarkdownNode, diagnostics: inout [Diagnostic]) {
        guard !directory.matcher.isEmpty else { return }
        var linked = Set<Int>()
        var noted = Set<Int>()
        for run in runs(in: root) {
            var toLink: [MentionMatcher.Match] = []
            for match in directory.matcher.matches(in: run.bytes) {
                if listed.contains(match.actor) {
                    if linked.insert(match.actor).inserted { toLink.append(match) }
                } else if directory.registered[match.actor], noted.insert(match.actor).inserted {
                    let (index, offset) = position(of: match.start, in: run)
                    let node = run.nodes[index]
                    let name = directory.names[match.actor]
                    diagnostics.append(
                        .note(
                            source.location(of: node, plusBytes: offset),
                            "mentions \(name) but does not list it in 'actors'"))
                }
            }
            if !toLink.isEmpty { rewrite(run, linking: toLink) }
        }
    }

    private func runs(in root: MarkdownNode) -> [Run] {
        var parents: [MarkdownNode] = []
        var seen = Set<OpaquePointer>()
        root.walk { node, entering in
            guard entering, node.kind == .text, let parent = node.parent, !seen.contains(parent.pointer)
            else { return }
            seen.insert(parent.pointer)
            if !Self.isExcluded(parent) { parents.append(parent) }
        }
        var runs: [Run] = []
        for parent in parents {
            var current = Run()
            for child in parent.children {
                switch child.kind {
                case .text:
                    current.nodes.append(child)
                    current.starts.append(current.bytes.count)
                    child.appendLiteral(to: &current.bytes)
                case .softBreak:
                    current.nodes.append(child)
                    current.starts.append(current.bytes.count)
                    current.bytes.append(UInt8(ascii: " "))
                default:
                    if !current.bytes.isEmpty { runs.append(current) }
                    current = Run()
                }
            }
            if !current.bytes.isEmpty { runs.append(current) }
        }
        return runs
    }

    static func isExcluded(_ node: MarkdownNode) -> Bool {
        var current: MarkdownNode? = node
        while let ancestor = current {
            switch ancestor.kind {
            case .link, .image, .heading, .customBlock: return true
            default: current = ancestor.parent
            }
        }
        return false
    }

    private func position(of offset: Int, in run: Run) -> (Int, Int) {
        var index = 0
        while index + 1 < run.starts.count && run.starts[index + 1] <= offset { index += 1 }
        return (index, offset - run.starts[index])
    }

    /// Rebuilds a run with the matched spans inside links (soft breaks kept inside a link when
    /// a name crosses a line), then removes the run's old nodes.
    private func rewrite(_ run: Run, linking matches: [MentionMatcher.Match]) {
        var pieces: [MarkdownNode] = []
        var link: MarkdownNode?
        var next = 0
        func piece(_ node: MarkdownNode, _ range: Range<Int>) -> MarkdownNode {
            node.kind == .softBreak
                ? .make(.softBreak) : .text(String(decoding: run.bytes[range], as: UTF8.self))
        }
        for (index, node) in run.nodes.enumerated() {
            let end = index + 1 < run.starts.count ? run.starts[index + 1] : run.bytes.count
            var position = run.starts[index]
            while position < end {
                if next < matches.count && position >= matches[next].start {
                    let match = matches[next]
                    if link == nil {
                        link = MarkdownNode.make(.link)
                        link!.url = basePath + directory.urls[match.actor]
                    }
                    let stop = min(end, match.end)
                    link!.append(piece(node, position..<stop))
                    position = stop
                    if position >= match.end {
                        pieces.append(link!)
                        link = nil
                        next += 1
                    }
                } else {
                    let stop = min(end, next < matches.count ? matches[next].start : end)
                    pieces.append(piece(node, position..<stop))
                    position = stop
                }
            }
        }
        for piece in pieces { run.nodes[0].insertBefore(piece) }
        for node in run.nodes { node.remove() }
    }
}
