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

        /// Empties the run, keeping its buffers' capacity.
        mutating func removeAll() {
            nodes.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    func run(_ root: MarkdownNode, diagnostics: inout [Diagnostic]) {
        guard !directory.matcher.isEmpty else { return }
        // Runs are matched as the walk ends each one, in one buffer used again and again; only
        // a run with a name to link is kept, and rewritten once the walk is over. The walk's
        // state is in locals (no closure per node or per run: one copied the run's buffers,
        // retaining each, every time it was called).
        var scan = Scan()
        var run = Run()
        var excluded = 0
        var steps = root.steps()
        while let (node, entering) = steps.next() {
            switch node.kind {
            case .link, .image, .heading, .customBlock:
                excluded += entering ? 1 : -1
            case .text, .softBreak:
                // A text or soft break continues the run of its previous sibling; anything
                // inside a link, image, heading or custom block (a quote) is skipped.
                guard excluded == 0 else { continue }
                if let last = run.nodes.last, node.previous != last { match(&run, into: &scan) }
                run.add(node)
            default: break
            }
        }
        match(&run, into: &scan)
        diagnostics += scan.notes
        for (run, matches) in scan.rewrites { rewrite(run, linking: matches) }
    }

    /// What the walk has found so far: actors linked and noted, the runs to rewrite.
    private struct Scan {
        var linked = Set<Int>()
        var noted = Set<Int>()
        var notes: [Diagnostic] = []
        var rewrites: [(Run, [MentionMatcher.Match])] = []
    }

    /// Matches one run (passed over without text), then empties it for the next.
    private func match(_ run: inout Run, into scan: inout Scan) {
        defer { run.removeAll() }
        guard !run.bytes.isEmpty else { return }
        var toLink: [MentionMatcher.Match] = []
        for match in directory.matcher.matches(in: run.bytes) {
            if listed.contains(match.actor) {
                if scan.linked.insert(match.actor).inserted { toLink.append(match) }
            } else if directory.registered[match.actor], scan.noted.insert(match.actor).inserted {
                let (index, offset) = Self.position(of: match.start, in: run)
                scan.notes.append(
                    .note(
                        source.location(of: run.nodes[index], plusBytes: offset),
                        "mentions \(directory.names[match.actor]) but does not list it in 'actors'"))
            }
        }
        if !toLink.isEmpty { scan.rewrites.append((run, toLink)) }
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
