/// A template syntax error at a byte offset of the template's text.
public struct TemplateSyntaxError: Error, Equatable {
    public var offset: Int
    public var message: String
}

/// Parses Mustache into `TemplateNode`s once, when the theme loads. Whitespace follows
/// swift-mustache (the engine brief used first), so themes render the same bytes: a section,
/// comment, partial or delimiter tag alone on its line takes the line with it.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Where the tag being parsed starts, for errors.
    private var tagOffset = 0

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var sectionOffset = 0
        var newLine = true
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var closeText: String { String(decoding: close, as: UTF8.self) }
    }

    private enum Stop { case newline, tag, end }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.parseBlock(State())
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func parseBlock(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespace: [UInt8] = []
        while position < bytes.count {
            if state.newLine { whitespace = read(while: { $0 == .space || $0 == .tab }) }
            let (text, stop) = readText(state)
            if stop == .newline {
                nodes.append(.text(whitespace + text + [.newline]))
                position += 1
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespace + text))
                whitespace = []
                state.newLine = false
            }
            if stop == .end { break }
            tagOffset = position - state.open.count
            func flushWhitespace() {
                if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
                whitespace = []
            }
            var standalone = false
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try parseName(state)
                if isStandalone(state) { standalone = true } else { flushWhitespace() }
                var inner = state
                inner.sectionName = name.name
                inner.sectionTransforms = name.transforms
                inner.sectionOffset = tagOffset
                inner.newLine = standalone
                let children = try parseBlock(inner)
                let tag = TemplateName(source: name.source, name: name.name, transforms: name.transforms)
                nodes.append(inverted ? .invertedSection(tag, children) : .section(tag, children))
            case UInt8(ascii: "/"):
                position += 1
                let name = try parseName(state)
                guard let open = state.sectionName else {
                    throw TemplateSyntaxError(
                        offset: tagOffset,
                        message: "{{/\(name.source)}} closes a section that was never opened")
                }
                guard name.name == open, name.transforms == state.sectionTransforms else {
                    let opened = TemplateName.source(open, state.sectionTransforms)
                    throw TemplateSyntaxError(
                        offset: tagOffset,
                        message:
                            "a section is closed with the wrong name: {{/\(name.source)}} closes {{#\(opened)}} (line \(line(of: state.sectionOffset)))"
                    )
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close) else {
                    throw TemplateSyntaxError(
                        offset: tagOffset, message: "a comment is not closed with \(state.closeText)")
                }
                position = end + state.close.count
                standalone = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = current == UInt8(ascii: "{")
                flushWhitespace()
                position += 1
                let name = try parseName(state)
                if triple {
                    guard current == UInt8(ascii: "}") else {
                        throw TemplateSyntaxError(
                            offset: tagOffset, message: "{{{\(name.source)}} is not closed with }}}")
                    }
                    position += 1
                }
                nodes.append(.variable(name.tag, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "*") {
                    throw TemplateSyntaxError(
                        offset: tagOffset, message: "dynamic partials ({{>*name}}) are not supported")
                }
                var name = String(decoding: read(while: Self.isPartialNameByte), as: UTF8.self)
                skipWhitespace()
                guard matches(state.close) else {
                    throw TemplateSyntaxError(
                        offset: tagOffset, message: "a partial tag is not closed with \(state.closeText)")
                }
                position += state.close.count
                if name.hasPrefix("partials/") { name.removeFirst("partials/".count) }
                if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name, indentation: whitespace, offset: tagOffset))
                } else {
                    nodes.append(.partial(name, indentation: nil, offset: tagOffset))
                }
                whitespace = []
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw TemplateSyntaxError(
                    offset: tagOffset,
                    message: "template inheritance ({{<parent}}, {{$block}}) is not supported")
            case UInt8(ascii: "%"):
                throw TemplateSyntaxError(offset: tagOffset, message: "pragmas ({{%…}}) are not supported")
            case UInt8(ascii: "="):
                position += 1
                state = try parseDelimiters(state, tagOffset: tagOffset)
                standalone = isStandalone(state)
            case nil:
                throw TemplateSyntaxError(
                    offset: tagOffset, message: "a tag is not closed with \(state.closeText)")
            default:
                flushWhitespace()
                nodes.append(.variable(try parseName(state).tag, escaped: true))
            }
            state.newLine = standalone
        }
        if let open = state.sectionName {
            throw TemplateSyntaxError(
                offset: state.sectionOffset,
                message:
                    "a section is opened but never closed: {{#\(TemplateName.source(open, state.sectionTransforms))}}"
            )
        }
        return nodes
    }

    /// Text up to a newline (not consumed), an opening delimiter (consumed) or the end.
    private mutating func readText(_ state: State) -> ([UInt8], Stop) {
        let start = position
        let first = state.open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .newline { return (Array(bytes[start..<position]), .newline) }
            if byte == first && matches(state.open) {
                let text = Array(bytes[start..<position])
                position += state.open.count
                return (text, .tag)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), .end)
    }

    private struct ParsedName {
        var source: String
        var name: String
        var transforms: [String]
        var tag: TemplateName { TemplateName(source: source, name: name, transforms: transforms) }
    }

    /// `name`, `a.b`, `.`, or transforms around a name: `empty(actors)`, `first()`.
    private mutating func parseName(_ state: State) throws(TemplateSyntaxError) -> ParsedName {
        let tagStart = tagOffset
        skipWhitespace()
        let source = String(decoding: read(while: Self.isNameByte), as: UTF8.self)
        skipWhitespace()
        guard matches(state.close) else {
            throw TemplateSyntaxError(
                offset: tagStart,
                message:
                    "a tag is not closed with \(state.closeText), or its name has a character names cannot have"
            )
        }
        position += state.close.count
        guard source.contains("(") || source.contains(")") else {
            return ParsedName(source: source, name: source, transforms: [])
        }
        // `a(b(name))`: every `(` opens one more transform, and as many `)` must close them.
        var parts = source.split(separator: "(", omittingEmptySubsequences: false).map(String.init)
        let last = parts.removeLast()
        let name = last.prefix { $0 != ")" }
        let closing = last.dropFirst(name.count)
        guard !parts.isEmpty, closing.allSatisfy({ $0 == ")" }), closing.count == parts.count,
            parts.allSatisfy({ !$0.contains(")") })
        else {
            throw TemplateSyntaxError(
                offset: tagStart, message: "'\(source)' is not a name or a transform of one")
        }
        return ParsedName(source: source, name: String(name), transforms: parts)
    }

    private mutating func parseDelimiters(_ state: State, tagOffset: Int) throws(TemplateSyntaxError) -> State
    {
        let invalid = TemplateSyntaxError(
            offset: tagOffset, message: "invalid set-delimiter tag: write {{=<% %>=}} with two delimiters")
        skipWhitespace()
        let open = read(while: { !Self.isWhitespace($0) })
        skipWhitespace()
        let close = read(while: { !Self.isWhitespace($0) && $0 != UInt8(ascii: "=") })
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, current == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(state.close) else { throw invalid }
        position += state.close.count
        var next = state
        next.open = open
        next.close = close
        return next
    }

    /// A tag alone on its line (only spaces or tabs around it): the rest of the line, newline
    /// included, is consumed so the tag leaves no blank line behind.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == bytes.count { return true }
        var end = position
        while end < bytes.count, bytes[end] == .space || bytes[end] == .tab { end += 1 }
        guard end < bytes.count, bytes[end] == .newline else { return false }
        position = end + 1
        return true
    }

    private func matches(_ delimiter: [UInt8]) -> Bool {
        guard position + delimiter.count <= bytes.count else { return false }
        for (i, byte) in delimiter.enumerated() where bytes[position + i] != byte { return false }
        return true
    }

    private func find(_ delimiter: [UInt8]) -> Int? {
        var probe = self
        while probe.position < bytes.count {
            if probe.matches(delimiter) { return probe.position }
            probe.position += 1
        }
        return nil
    }

    private mutating func read(while accept: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while position < bytes.count, accept(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private func line(of offset: Int) -> Int {
        bytes[..<offset].reduce(1) { $1 == .newline ? $0 + 1 : $0 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .newline || byte == 13 || byte == 11 || byte == 12
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"):
            true
        default: false
        }
    }

    private static func isPartialNameByte(_ byte: UInt8) -> Bool {
        isNameByte(byte) || byte == UInt8(ascii: "/")
    }
}

extension TemplateName {
    /// How a name with transforms is written: `empty(actors)`.
    static func source(_ name: String, _ transforms: [String]) -> String {
        transforms.reversed().reduce(name) { "\($1)(\($0))" }
    }
}

extension UInt8 {
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
}
