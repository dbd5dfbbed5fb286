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

        mutating func add(_ node: MarkdownNode) {
            nodes.append(node)
            starts.append(bytes.count)
            if node.kind == .softBreak {
                bytes.append(UInt8(ascii: " "))
            } else {
                node.appendLiteral(to: &bytes)
            }
        }
    }

    func run(_ root: MarkdownNode, diagnostics: inout [Diagnostic]) {
        guard !directory.matcher.isEmpty else { return }
        // What the per-run work reads, as locals: a closure reading them through `self` copied
        // the whole pass (its directory and the body's text) for every run. The matcher is read
        // through the directory (a class): a struct captured by the closure is copied, every
        // one of its tables retained, for each run.
        let (directory, listed, registered, names, source) = (
            directory, listed, directory.registered, directory.names, source
        )
        var linked = Set<Int>()
        var noted = Set<Int>()
        var rewrites: [(Run, [MentionMatcher.Match])] = []
        // Runs are matched as the walk ends each one, in one buffer used again and again; only
        // a run with a name to link is kept, and rewritten once the walk is over.
        Self.forEachRun(in: root) { run in
            var toLink: [MentionMatcher.Match] = []
            for match in directory.matcher.matches(in: run.bytes) {
                if listed.contains(match.actor) {
                    if linked.insert(match.actor).inserted { toLink.append(match) }
                } else if registered[match.actor], noted.insert(match.actor).inserted {
                    let (index, offset) = Self.position(of: match.start, in: run)
                    diagnostics.append(
                        .note(
                            source.location(of: run.nodes[index], plusBytes: offset),
                            "mentions \(names[match.actor]) but does not list it in 'actors'"))
                }
            }
            if !toLink.isEmpty { rewrites.append((run, toLink)) }
        }
        for (run, matches) in rewrites { rewrite(run, linking: matches) }
    }

    /// Calls `body` with each run of `root` in document order, in one walk: a text or soft
    /// break continues the run of its previous sibling; anything inside a link, image, heading
    /// or custom block (a quote) is skipped. Runs without text are passed over.
    private static func forEachRun(in root: MarkdownNode, _ body: (Run) -> Void) {
        var run = Run()
        func finish() {
            if !run.bytes.isEmpty { body(run) }
            run.nodes.removeAll(keepingCapacity: true)
            run.starts.removeAll(keepingCapacity: true)
            run.bytes.removeAll(keepingCapacity: true)
        }
        var excluded = 0
        root.walk { node, entering in
            switch node.kind {
            case .link, .image, .heading, .customBlock:
                excluded += entering ? 1 : -1
            case .text, .softBreak:
                guard excluded == 0 else { return }
                if let last = run.nodes.last, node.previous != last { finish() }
                run.add(node)
            default: break
            }
        }
        finish()
    }

    private static func position(of offset: Int, in run: Run) -> (Int, Int) {
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
