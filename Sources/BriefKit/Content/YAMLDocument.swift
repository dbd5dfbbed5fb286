import Yams

/// Front matter (or site.yml) composed into nodes (by FastYAMLReader, or by Yams when the text is
/// outside its subset), read field by field into typed values.
///
/// Every problem becomes a located diagnostic; reading goes on so one run reports them all.
struct YAMLDocument {
    let path: String
    /// The file line on which the YAML text starts (2 for front matter, 1 for site.yml).
    let firstLine: Int
    let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    var diagnostics: [Diagnostic] = []

    /// Composes `yaml`; a syntax error or a root that is not a mapping is reported and gives nil.
    static func compose(
        _ yaml: String, path: String, firstLine: Int, diagnostics: inout [Diagnostic]
    ) -> YAMLDocument? {
        let root: YAMLNode?
        do {
            // FastYAMLReader first; Yams composes whatever it declines. No tag rules while
            // composing: Yams would run its regular expressions on every scalar (and again to
            // hash mapping keys); `typeName` resolves a scalar's type only when a field asks.
            // UTF-8 explicitly: the default reads the environment each time.
            if let fast = try FastYAMLReader.read(yaml) {
                root = fast
            } else {
                root = try Yams.compose(yaml: yaml, .basic, .default, .utf8).map {
                    try YAMLAliasGuard.convert($0, yaml: yaml)
                }
            }
        } catch let alias as YAMLAliasGuard.AliasFound {
            diagnostics.append(
                .error(
                    SourceLocation(path: path, line: alias.line + firstLine - 1, column: alias.column),
                    "YAML aliases (*name) are not allowed here; write the value out in full"))
            return nil
        } catch {
            diagnostics.append(
                YAMLSyntaxError.diagnostic(for: error, yaml: yaml, path: path, firstLine: firstLine))
            return nil
        }
        guard let root else { return YAMLDocument(path: path, firstLine: firstLine, pairs: []) }
        guard case .mapping(let mapping, _) = root else {
            let mark = root.mark
            diagnostics.append(
                .error(
                    SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column),
                    "expected `key: value` lines, found \(describe(root))"))
            return nil
        }
        return YAMLDocument(
            path: path, firstLine: firstLine,
            pairs: mapping.map { ($0.key.scalar?.string ?? "", $0.key, $0.value) })
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.mark.line + firstLine - 1, column: node.mark.column)
    }

    func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    func keyLocation(_ key: String) -> SourceLocation? {
        pairs.first { $0.key == key }.map { location(of: $0.keyNode) }
    }

    mutating func error(_ node: YAMLNode, _ message: String) {
        diagnostics.append(.error(location(of: node), message))
    }

    /// Warns about keys outside `known`, with the closest known key as a hint.
    mutating func warnUnknownKeys(known: [String], kind: String) {
        for pair in pairs where !known.contains(pair.key) {
            var message = "unknown key '\(pair.key)' in \(kind)"
            if let guess = EditDistance.suggestion(for: pair.key, among: known) {
                message += "; did you mean '\(guess)'?"
            } else {
                message += "; custom values belong under 'params:'"
            }
            diagnostics.append(.warning(location(of: pair.keyNode), message))
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): "the \(typeName(scalar)) \(quoted(scalar.string))"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    static func typeName(_ scalar: YAMLNode.Scalar) -> String {
        if !scalar.isPlain { return "text" }
        if isPlainText(scalar.string) { return "text" }
        if scalar.tag == nil && isCalendarDate(scalar.string) { return "date" }
        let tag =
            scalar.tag ?? Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(scalar.string))).rawValue
        switch tag {
        case Tag.Name.bool.rawValue: return "boolean"
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return "number"
        case Tag.Name.null.rawValue: return "empty value"
        case Tag.Name.timestamp.rawValue: return "date"
        default: return "text"
        }
    }

    static func quoted(_ s: String) -> String { "'\(s)'" }

    /// True for `YYYY-MM-DD`, which YAML 1.1 reads as a timestamp and nothing else; every
    /// briefing has one, and deciding it here skips the resolver's regular expressions.
    static func isCalendarDate(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return false }
        for (index, byte) in utf8.enumerated() {
            guard index == 4 || index == 7 ? byte == UInt8(ascii: "-") : ASCII.isDigit(byte) else {
                return false
            }
        }
        return true
    }

    /// True when YAML 1.1 cannot read `text` as anything but text: it starts with a letter and
    /// is not one of the words for true, false or null (`yes`, `Off`, `null`…). Most values
    /// (titles, names, slugs) are decided here without Yams' regular expressions.
    static func isPlainText(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        guard ASCII.isLetter(first) else { return false }
        if text.utf8.count > 5 { return true }
        switch first | 0x20 {
        case UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "o"):
            return false
        default: return true
        }
    }
}
