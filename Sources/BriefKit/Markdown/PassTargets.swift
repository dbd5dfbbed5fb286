/// The nodes brief's passes start from, found in one walk of the tree instead of one walk per
/// pass. Taken after text is consolidated and before any pass edits the tree; no pass frees a
/// node another pass's list holds (quotes move their children, they do not free them).
struct PassTargets {
    /// Links and images as the author wrote them.
    var links: [MarkdownNode] = []
    /// Text nodes outside links and images that contain `[[`.
    var wikilinkTexts: [MarkdownNode] = []
    var blockQuotes: [MarkdownNode] = []
    var headings: [MarkdownNode] = []

    init(_ root: MarkdownNode) {
        var links: [MarkdownNode] = []
        var wikilinkTexts: [MarkdownNode] = []
        var blockQuotes: [MarkdownNode] = []
        var headings: [MarkdownNode] = []
        var insideLink = 0
        root.walk { node, entering in
            switch node.kind {
            case .link, .image:
                if entering {
                    links.append(node)
                    insideLink += 1
                } else {
                    insideLink -= 1
                }
            case .text:
                if insideLink == 0 && node.literalContains("[[") { wikilinkTexts.append(node) }
            case .blockQuote:
                if entering { blockQuotes.append(node) }
            case .heading:
                if entering { headings.append(node) }
            default: break
            }
        }
        self.links = links
        self.wikilinkTexts = wikilinkTexts
        self.blockQuotes = blockQuotes
        self.headings = headings
    }
}
