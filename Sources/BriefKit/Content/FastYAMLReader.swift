/// Reads the YAML front matter is nearly always written in straight into YAMLNodes, without
/// libyaml's token and event objects.
///
/// It knows a strict subset: `key: value` lines at the left edge; values that are one-line
/// plain, double- or single-quoted scalars or `[a, "b"]` lists; one level of indented
/// `key: value` or `- item` lines under an empty `key:`, where an item may be such a mapping
/// (`- claim: …` with its other keys below the first, as claims and judgements are written);
/// blank lines and comments. On anything
/// else (block scalars, anchors, tags, multi-line values, tabs, unusual escapes, duplicate
/// keys…) it returns nil and Yams composes the text, so the result is always what Yams
/// gives: FastYAMLReaderTests compare the two on every file of the test sites and on thousands
/// of mutated variants.
struct FastYAMLReader {
    let bytes: [UInt8]
    var position = 0
    private var line = 1
    private var lineStart = 0
    /// The byte position and column of the last mark made.
    private var lastMark = (position: 0, column: 1)

    static let stringTag = YAMLNode.Scalar.stringTag

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The root mapping of `yaml`, or nil when the text is outside the subset.
    static func read(_ yaml: String) -> YAMLNode? {
        let bytes = Array(yaml.utf8)
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var reader = FastYAMLReader(bytes)
        return reader.document()
    }

    // MARK: Structure

    private mutating func document() -> YAMLNode? {
        guard let mapping = mapping(indentation: 0), case .mapping(let pairs, _) = mapping, !pairs.isEmpty
        else { return nil }
        skipBlankAndCommentLines()
        return position == bytes.count ? mapping : nil
    }

    /// `key: value` lines at exactly `indentation`; stops at a line indented less. With
    /// `onThisLine`, the first key is where reading stands (after a sequence item's `- `).
    private mutating func mapping(indentation: Int, onThisLine: Bool = false) -> YAMLNode? {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys: Set<String> = []
        var start: YAMLNode.Mark?
        var first = onThisLine
        while true {
            if !first {
                guard let more = nextEntry(at: indentation) else { return nil }
                guard more else { break }
            }
            first = false
            let keyMark = mark()
            guard let key = key(), keys.insert(key).inserted else { return nil }
            start = start ?? keyMark
            let keyNode = YAMLNode.scalar(.init(string: key, isPlain: true, mark: keyMark))
            // After the colon: a value on this line, or a block on the next lines, or nothing.
            let afterColon = mark()
            skipSpaces()
            if atLineEnd()
                || (bytes[position] == UInt8(ascii: "#") && bytes[position - 1] == UInt8(ascii: " "))
            {
                guard finishLine() else { return nil }
                guard let value = block(under: indentation, emptyMark: afterColon) else { return nil }
                pairs.append((keyNode, value))
            } else {
                guard let value = inlineValue(), finishLine() else { return nil }
                pairs.append((keyNode, value))
            }
        }
        return .mapping(pairs, mark: start ?? mark())
    }

    /// Moves to the next line of a block at exactly `indentation`, past its indentation: true
    /// there; false where the block ends (a line indented less, or the end of the text); nil
    /// for a line indented more, which is outside the subset.
    private mutating func nextEntry(at indentation: Int) -> Bool? {
        skipBlankAndCommentLines()
        guard position < bytes.count else { return false }
        let indent = indentationOfLine()
        if indent < indentation { return false }
        guard indent == indentation else { return nil }
        position += indent
        return true
    }

    /// What follows an empty `key:`: a list or mapping indented deeper (only one level below
    /// the top), or an empty scalar.
    private mutating func block(under indentation: Int, emptyMark: YAMLNode.Mark) -> YAMLNode? {
        skipBlankAndCommentLines()
        let empty = YAMLNode.scalar(.init(string: "", isPlain: true, mark: emptyMark))
        guard position < bytes.count else { return empty }
        let indent = indentationOfLine()
        if indent <= indentation {
            // `key:` followed by `- item` at the same indentation is a list in YAML.
            let first = position + indent
            return bytes[first] == UInt8(ascii: "-") ? nil : empty
        }
        guard indentation == 0 else { return nil }
        return bytes[position + indent] == UInt8(ascii: "-")
            ? sequence(indentation: indent) : mapping(indentation: indent)
    }

    /// `- item` lines at exactly `indentation`, each item a one-line scalar or flow list, or a
    /// mapping whose first key follows the `- ` and whose other keys line up with it.
    private mutating func sequence(indentation: Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        var start: YAMLNode.Mark?
        while true {
            guard let more = nextEntry(at: indentation) else { return nil }
            guard more else { break }
            start = start ?? mark()
            guard bytes[position] == UInt8(ascii: "-"), position + 1 < bytes.count,
                bytes[position + 1] == UInt8(ascii: " ")
            else { return nil }
            position += 1
            skipSpaces()
            guard !atLineEnd(), bytes[position] != UInt8(ascii: "#") else { return nil }
            let itemStart = position
            if key() != nil {
                position = itemStart
                guard let item = mapping(indentation: itemStart - lineStart, onThisLine: true) else {
                    return nil
                }
                items.append(item)
                continue
            }
            position = itemStart
            guard let item = inlineValue(), finishLine() else { return nil }
            items.append(item)
        }
        guard let start else { return nil }
        return .sequence(items, mark: start)
    }

    /// A value written on the key's line: a flow list or a scalar.
    private mutating func inlineValue() -> YAMLNode? {
        bytes[position] == UInt8(ascii: "[") ? flowSequence() : scalar(inFlow: false)
    }

    /// `[a, "b", 'c']` on one line; nested collections and trailing commas are left to Yams.
    private mutating func flowSequence() -> YAMLNode? {
        let start = mark()
        position += 1
        var items: [YAMLNode] = []
        skipSpaces()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .sequence(items, mark: start)
        }
        while true {
            skipSpaces()
            guard !atLineEnd(), let item = scalar(inFlow: true) else { return nil }
            items.append(item)
            skipSpaces()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .sequence(items, mark: start)
            default: return nil
            }
        }
    }

    // MARK: Lines

    /// After a value: spaces, then an optional ` # comment`, then the line's end.
    private mutating func finishLine() -> Bool {
        let before = position
        skipSpaces()
        if position < bytes.count && bytes[position] == UInt8(ascii: "#") {
            guard position > before || (position > 0 && bytes[position - 1] == UInt8(ascii: " ")) else {
                return false
            }
            while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        }
        guard atLineEnd() else { return false }
        if position < bytes.count { nextLine() }
        return true
    }

    /// Skips empty lines, lines of spaces and comment lines that start at the left edge (an
    /// indented comment could continue a scalar; those go to Yams).
    private mutating func skipBlankAndCommentLines() {
        while position < bytes.count {
            var end = position
            while end < bytes.count && bytes[end] == UInt8(ascii: " ") { end += 1 }
            if end < bytes.count && bytes[end] == UInt8(ascii: "#") && end == position {
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            }
            guard end == bytes.count || bytes[end] == UInt8(ascii: "\n") else { return }
            position = end
            if position < bytes.count { nextLine() }
        }
    }

    private mutating func nextLine() {
        position += 1
        line += 1
        lineStart = position
    }

    private func indentationOfLine() -> Int {
        var end = position
        while end < bytes.count && bytes[end] == UInt8(ascii: " ") { end += 1 }
        return end - position
    }

    mutating func skipSpaces() {
        while position < bytes.count && bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    func atLineEnd() -> Bool { position == bytes.count || bytes[position] == UInt8(ascii: "\n") }

    /// The current position as libyaml marks it: columns count scalars, not bytes. Counted on
    /// from the last mark on the same line, so a long `[a, b, …]` line costs linear time.
    mutating func mark() -> YAMLNode.Mark {
        var column = 1
        var index = lineStart
        if lastMark.position >= lineStart && lastMark.position <= position {
            (index, column) = lastMark
        }
        while index < position {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        lastMark = (position, column)
        return YAMLNode.Mark(line: line, column: column)
    }

    // MARK: Characters

    /// Characters that start something other than a plain scalar (`-` and `?` too, to stay
    /// clear of `-1`-versus-list questions).
    static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
            true
        default: false
        }
    }

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
            UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "?"):
            true
        default: false
        }
    }

    /// False when the text has a tab, a carriage return, a control character, or one of the
    /// characters libyaml treats specially (NEL, line and paragraph separators, byte-order
    /// marks, non-characters): those read differently in YAML and are left to Yams.
    private static func hasOnlyPlainCharacters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Printable ASCII, nearly every byte of front matter, is settled by one test.
            if byte &- 0x20 < 0x5F {
                index += 1
                continue
            }
            if byte < 0x20 && byte != UInt8(ascii: "\n") { return false }
            if byte == 0x7F { return false }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                return false
            }
            if byte == 0xEF, index + 2 < bytes.count,
                (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                    || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
            {
                return false
            }
            index += 1
        }
        return true
    }
}
