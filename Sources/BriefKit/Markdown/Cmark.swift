import CBriefArena
import CCmark
import Foundation

/// The one Swift type over libcmark: parses Markdown into a tree that passes edit through
/// `MarkdownNode` and renders it to HTML. Everything cmark allocates for the document (nodes,
/// buffers, the HTML) comes from an arena (see brief_arena.h) released when the document is:
/// a document lives on one thread, from parsing to rendering, and no other begins meanwhile.
final class CmarkDocument {
    let root: MarkdownNode

    /// Parses `markdown`; `unsafeHTML` lets raw HTML through (CMARK_OPT_UNSAFE).
    init(markdown: String, unsafeHTML: Bool) {
        self.unsafeHTML = unsafeHTML
        var options = CMARK_OPT_SOURCEPOS
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        arena = brief_arena_begin()
        let parser = cmark_parser_new_with_mem(options, MarkdownNode.allocator)
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        root = MarkdownNode(cmark_parser_finish(parser)!)
        cmark_parser_free(parser)
    }

    private let unsafeHTML: Bool
    private let options: Int32
    private let arena: OpaquePointer

    /// The whole tree goes with the arena: no node is freed one by one.
    deinit { brief_arena_end(arena) }

    /// The document as HTML; the source positions used for diagnostics are not written out.
    func html() -> String {
        let renderOptions = options & ~CMARK_OPT_SOURCEPOS
        guard let cString = cmark_render_html(root.pointer, renderOptions) else { return "" }
        return String(cString: cString)
    }

    /// The HTML of a block's inline children, as cmark writes them inside that block's tags.
    func renderInlineContent(of block: MarkdownNode) -> String {
        let paragraph = MarkdownNode.make(.paragraph)
        defer { cmark_node_free(paragraph.pointer) }
        for child in block.children {
            child.unlink()
            paragraph.append(child)
        }
        guard let cString = cmark_render_html(paragraph.pointer, options & ~CMARK_OPT_SOURCEPOS) else {
            return ""
        }
        var html = String(cString: cString)
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    /// Merges runs of adjacent text nodes (cmark splits text at `[`, `]`, `!` and entities).
    func consolidateText() { cmark_consolidate_text_nodes(root.pointer) }
}

/// A node of a cmark tree; valid while its `CmarkDocument` lives.
struct MarkdownNode: Equatable {
    /// The node kinds the passes look at.
    enum Kind {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
        case thematicBreak, text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong
        case link, image, other
    }

    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .other
        }
    }

    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var lastChild: MarkdownNode? { cmark_node_last_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    /// Whether the literal contains `needle`, checked in C without making a String.
    func literalContains(_ needle: StaticString) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        // A string literal's bytes are NUL-terminated, as strstr needs.
        return strstr(literal, UnsafeRawPointer(needle.utf8Start).assumingMemoryBound(to: CChar.self)) != nil
    }

    /// Appends the literal's UTF-8 bytes without making a String of them.
    func appendLiteral(to bytes: inout [UInt8]) {
        guard let literal = cmark_node_get_literal(pointer) else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 0) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(literal)))
        }
    }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    var title: String {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_title(pointer, newValue) }
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based byte column in its source line.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// cmark's allocator for nodes: the current document's arena.
    static var allocator: UnsafeMutablePointer<cmark_mem> {
        UnsafeMutablePointer(OpaquePointer(brief_arena_allocator()))
    }

    /// A new node, in the arena of the document being worked on.
    static func make(_ kind: Kind) -> MarkdownNode {
        let type: cmark_node_type =
            switch kind {
            case .paragraph: CMARK_NODE_PARAGRAPH
            case .text: CMARK_NODE_TEXT
            case .link: CMARK_NODE_LINK
            case .customBlock: CMARK_NODE_CUSTOM_BLOCK
            case .customInline: CMARK_NODE_CUSTOM_INLINE
            case .htmlInline: CMARK_NODE_HTML_INLINE
            case .softBreak: CMARK_NODE_SOFTBREAK
            default: CMARK_NODE_TEXT
            }
        return MarkdownNode(cmark_node_new_with_mem(type, allocator))
    }

    static func text(_ literal: String) -> MarkdownNode {
        let node = make(.text)
        node.literal = literal
        return node
    }

    /// Raw HTML that the renderer writes as it is, even in safe mode (a custom inline node).
    static func rawInline(_ html: String) -> MarkdownNode {
        let node = make(.customInline)
        _ = cmark_node_set_on_enter(node.pointer, html)
        _ = cmark_node_set_on_exit(node.pointer, "")
        return node
    }

    func setCustom(onEnter: String, onExit: String) {
        _ = cmark_node_set_on_enter(pointer, onEnter)
        _ = cmark_node_set_on_exit(pointer, onExit)
    }

    func insertBefore(_ sibling: MarkdownNode) { _ = cmark_node_insert_before(pointer, sibling.pointer) }
    func insertAfter(_ sibling: MarkdownNode) { _ = cmark_node_insert_after(pointer, sibling.pointer) }
    func append(_ child: MarkdownNode) { _ = cmark_node_append_child(pointer, child.pointer) }

    /// Removes the node from the tree and frees it with its children.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    func unlink() { cmark_node_unlink(pointer) }

    /// The nodes under this one (itself first) in document order, each as it is entered and
    /// left, one at a time: for a pass that keeps state across nodes in locals of its own
    /// rather than in what a closure captures.
    func steps() -> MarkdownSteps { MarkdownSteps(self) }

    /// Depth-first walk; `visit` gets each node on entering and may not unlink nodes.
    func walk(_ visit: (MarkdownNode, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(MarkdownNode(node), event == CMARK_EVENT_ENTER)
        }
    }

    /// Collects nodes first, so callers can then edit the tree around them safely.
    func collect(where predicate: (MarkdownNode) -> Bool) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        walk { node, entering in
            if entering && predicate(node) { found.append(node) }
        }
        return found
    }

    /// The text of the node and its descendants, as a reader sees it (soft breaks as spaces).
    var plainText: String {
        var text = ""
        walk { node, entering in
            guard entering else { return }
            switch node.kind {
            case .text, .code: text += node.literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }
}

/// A walk over a tree in document order (`MarkdownNode.steps()`), through cmark's iterator,
/// which it frees when it goes. Nodes must not be removed or moved while it walks.
struct MarkdownSteps: ~Copyable {
    private let iterator: OpaquePointer

    fileprivate init(_ root: MarkdownNode) {
        iterator = cmark_iter_new(root.pointer)
    }

    deinit { cmark_iter_free(iterator) }

    /// The next node, and whether it is being entered (false: left, after its children).
    mutating func next() -> (node: MarkdownNode, entering: Bool)? {
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            return (MarkdownNode(node), event == CMARK_EVENT_ENTER)
        }
    }
}
