/// Gives every heading an `id` made from its text (unique within the page), so sections can be
/// linked as `#anchor`. cmark cannot put attributes on a heading, so the heading's inline content
/// is rendered on its own and the heading becomes a custom block holding the same HTML with the id.
struct AnchorPass {
    let document: CmarkDocument

    /// Gives each of `headings` (`PassTargets.headings`) its anchor; returns the anchors.
    func run(_ headings: [MarkdownNode]) -> [String] {
        var used: [String: Int] = [:]
        var anchors: [String] = []
        for heading in headings {
            var anchor = NameKey.slug(heading.plainText)
            if anchor.isEmpty { anchor = "section" }
            if let count = used[anchor] {
                used[anchor] = count + 1
                anchor += "-\(count)"
            } else {
                used[anchor] = 1
            }
            anchors.append(anchor)
            let level = heading.headingLevel
            let inner = document.renderInlineContent(of: heading)
            let block = MarkdownNode.make(.customBlock)
            block.setCustom(onEnter: "<h\(level) id=\"\(anchor)\">\(inner)</h\(level)>", onExit: "")
            heading.insertBefore(block)
            heading.remove()
        }
        return anchors
    }
}
