/// Stage 3: Markdown → HTML through cmark, with brief's passes over the node tree.
///
/// With `passes` off the output is exactly libcmark's (the CommonMark spec test proves it).
public struct MarkdownRenderer: Sendable {
    public var unsafeHTML: Bool
    /// Resolves links and wikilinks; nil turns every brief pass off.
    public var links: LinkResolver?
    /// Keep every link target with its place, for `brief check` (off otherwise: it costs time).
    public var recordLinks = false

    public init(unsafeHTML: Bool, links: LinkResolver?) {
        self.unsafeHTML = unsafeHTML
        self.links = links
    }

    /// What rendering one Markdown body produced.
    public struct Output: Sendable {
        /// The rendered HTML (unpacked on each read when `pack()` packed it, read from its file
        /// on each read when the body cache kept it: `KeptHTML`).
        public var html: String {
            get {
                switch storedHTML {
                case .plain(let text): text
                case .packed(let packed): packed.text
                case .kept(let kept): kept.text
                }
            }
            set { storedHTML = .plain(newValue) }
        }
        /// The HTML as it is held (the body cache writes it so).
        private(set) var storedHTML: StoredHTML
        public var diagnostics: [Diagnostic]
        /// The text of the first paragraph: the default summary.
        public var firstParagraph: String?
        /// Headings with their anchors, for a table of contents and the link checker.
        public var anchors: [String]
        /// Attributed quotes, for the speakers' pages.
        public var quotes: [Quote] = []
        /// Every link and image target after rewriting, where it was written: `brief check`
        /// reports a dead one at that line and column.
        public var links: [Located<String>] = []
        /// Every wikilink look-up the body made, with its answer: the body cache renders a kept
        /// body again when one is answered otherwise (a linked briefing was retitled).
        public var lookups: [WikilinkLookup] = []

        public init(
            html: String, diagnostics: [Diagnostic], firstParagraph: String?, anchors: [String],
            quotes: [Quote] = [], links: [Located<String>] = [], lookups: [WikilinkLookup] = []
        ) {
            storedHTML = .plain(html)
            self.diagnostics = diagnostics
            self.firstParagraph = firstParagraph
            self.anchors = anchors
            self.quotes = quotes
            self.links = links
            self.lookups = lookups
        }

        /// How the HTML is held: as text, compressed, or left in a body-cache file.
        enum StoredHTML: Sendable {
            case plain(String)
            case packed(PackedText)
            case kept(KeptHTML)
        }

        /// Holds the HTML compressed from now on (a large site's bodies wait so for their pages).
        mutating func pack() {
            let text: String
            switch storedHTML {
            case .plain(let plain): text = plain
            case .kept(let kept) where !kept.packed: text = kept.text
            default: return
            }
            guard !text.isEmpty, let packed = PackedText(text) else { return }
            storedHTML = .packed(packed)
        }

        /// The HTML's length in UTF-8 bytes, without unpacking it.
        var htmlByteCount: Int {
            switch storedHTML {
            case .plain(let text): text.utf8.count
            case .packed(let packed): packed.byteCount
            case .kept(let kept): kept.length
            }
        }

        /// Calls `body` with the HTML's UTF-8 bytes: where the string holds them, or unpacked
        /// into `scratch` (no string is made of them).
        func withHTMLBytes<R>(scratch: inout [UInt8], _ body: (borrowing Span<UInt8>) -> R) -> R {
            switch storedHTML {
            case .plain(let text):
                let utf8 = text.utf8
                return body(utf8.span)
            case .packed(let packed):
                let count = packed.unpack(into: &scratch)
                return body(scratch.span.extracting(0..<count))
            case .kept(let kept):
                let count = kept.utf8(into: &scratch)
                return body(scratch.span.extracting(0..<count))
            }
        }

        /// True when the HTML is held compressed (in memory or in a body-cache file).
        var isPacked: Bool {
            switch storedHTML {
            case .plain: false
            case .packed: true
            case .kept(let kept): kept.packed
            }
        }

        /// A hash of the HTML as held, without unpacking it: equal keys, equal HTML (packed bytes
        /// unpack to one text). The same HTML held plain and packed has two keys.
        var htmlKey: UInt64 {
            switch storedHTML {
            case .plain(let text): ContentHash(text).value
            case .packed(let packed): ContentHash(packed.packedBytes, seed: 1).value
            case .kept(let kept): kept.key
            }
        }

        /// Holds the HTML as plain text from now on.
        mutating func unpack() {
            switch storedHTML {
            case .packed(let packed): storedHTML = .plain(packed.text)
            case .kept(let kept) where kept.packed: storedHTML = .plain(kept.text)
            default: break
            }
        }

        /// Leaves the HTML in a body-cache file until it is read (`KeptHTML`).
        mutating func hold(kept: KeptHTML) { storedHTML = .kept(kept) }
    }

    /// Renders `markdown`, the body of `source` starting at `firstLine` of that file.
    /// `listedActors` (an entry's front-matter actors) turns on mention links and notes.
    public func render(_ markdown: String, source: MarkdownSource? = nil, listedActors: [Int]? = nil)
        -> Output
    {
        let document = CmarkDocument(markdown: markdown, unsafeHTML: unsafeHTML)
        var diagnostics: [Diagnostic] = []
        var anchors: [String] = []
        var quotes: [Quote] = []
        var written: [Located<String>] = []
        var lookups: [WikilinkLookup] = []
        if let links {
            let source = source ?? MarkdownSource(path: "", firstLine: 1, text: markdown)
            document.consolidateText()
            let targets = PassTargets(document.root)
            // Links written by the author first: the wikilink pass adds links that are already final.
            LinkPass(resolver: links, source: source, unsafeHTML: unsafeHTML).run(
                targets.links, diagnostics: &diagnostics)
            lookups = WikilinkPass(resolver: links, source: source).run(
                targets.wikilinkTexts, diagnostics: &diagnostics)
            if let actors = links.actors {
                // Quotes before mentions, so an attribution line is never taken for a mention.
                quotes = QuotePass(directory: actors, basePath: links.basePath, source: source).run(
                    targets.blockQuotes, diagnostics: &diagnostics)
                if let listedActors {
                    MentionPass(
                        directory: actors, listed: Set(listedActors), basePath: links.basePath, source: source
                    )
                    .run(document.root, diagnostics: &diagnostics)
                }
            }
            // Last, so headings carry every link the other passes made.
            anchors = AnchorPass(document: document).run(targets.headings)
            if recordLinks {
                written = document.root.collect(where: { $0.kind == .link || $0.kind == .image }).map {
                    Located($0.url, at: source.location(of: $0))
                }
            }

        }
        let firstParagraph = document.root.children.first { $0.kind == .paragraph }?.plainText
        return Output(
            html: document.html(), diagnostics: diagnostics, firstParagraph: firstParagraph, anchors: anchors,
            quotes: quotes, links: written, lookups: lookups)

    }
}

/// Where a Markdown body sits in its file, so pass diagnostics point at the original line and column.
public struct MarkdownSource: Sendable, Equatable {
    public var path: String
    public var firstLine: Int
    public var text: String

    public init(path: String, firstLine: Int, text: String) {
        self.path = path
        self.firstLine = firstLine
        self.text = text
    }

    /// The location of `node` (plus a byte offset into its literal). cmark leaves some inline
    /// nodes without a position; those take their nearest positioned ancestor's, without offset.
    func location(of node: MarkdownNode, plusBytes: Int = 0) -> SourceLocation {
        var current: MarkdownNode? = node
        var offset = plusBytes
        while let candidate = current {
            if candidate.startLine > 0 && candidate.startColumn > 0 {
                return location(
                    line: candidate.startLine, byteColumn: candidate.startColumn, plusBytes: offset)
            }
            offset = 0
            current = candidate.parent
        }
        return SourceLocation(path: path, line: firstLine, column: 1)
    }

    /// Converts cmark's 1-based line and byte column (plus a byte offset into the node's literal)
    /// into a location in the file, with the column counted in Unicode scalars.
    func location(line: Int, byteColumn: Int, plusBytes: Int = 0) -> SourceLocation {
        var column = byteColumn + plusBytes
        let utf8 = text.utf8
        // Find the start of the line by counting newlines; only diagnostics and `brief check`
        // ask, so nothing is precomputed for the common case.
        var start = utf8.startIndex
        var current = 1
        while current < line, let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            start = utf8.index(after: newline)
            current += 1
        }
        if current == line {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let prefix = utf8[start..<end].prefix(max(0, column - 1))
            column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        }
        return SourceLocation(path: path, line: max(1, line + firstLine - 1), column: max(1, column))
    }
}
