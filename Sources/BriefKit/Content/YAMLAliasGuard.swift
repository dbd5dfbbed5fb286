import Yams

/// Converts what Yams composed into `YAMLNode`s, refusing aliases (`*name`). Front matter has
/// no use for them, and a few nested aliases ("billion laughs") expand to gigabytes. Yams
/// replaces each alias with the node its anchor names, so a node that starts before the node
/// converted just before it can only be an alias: marks only grow in document order. The check
/// stops at the first one, before anything is expanded.
struct YAMLAliasGuard {
    /// The alias found, with where to report it.
    struct AliasFound: Error {
        var line: Int
        var column: Int
    }

    private var last = YAMLNode.Mark(line: 0, column: 0)
    private let lines: [Substring]

    init(yaml: String) {
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func convert(_ node: Node, yaml: String) throws(AliasFound) -> YAMLNode {
        var guardian = YAMLAliasGuard(yaml: yaml)
        return try guardian.convert(node, isKey: false)
    }

    private mutating func convert(_ node: Node, isKey: Bool) throws(AliasFound) -> YAMLNode {
        let mark = YAMLNode.Mark(line: node.mark?.line ?? last.line, column: node.mark?.column ?? last.column)
        if mark.line < last.line || (mark.line == last.line && mark.column < last.column) {
            throw aliasAfter(last)
        }
        if case .alias = node { throw aliasAfter(last) }
        last = mark
        switch node {
        case .scalar, .alias:
            return YAMLNode(node, isKey: isKey)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, isKey: false)) }
            return .sequence(items, mark: mark)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for pair in mapping {
                let key = try convert(pair.key, isKey: true)
                pairs.append((key, try convert(pair.value, isKey: false)))
            }
            return .mapping(pairs, mark: mark)
        }
    }

    /// The first `*` that starts an alias at or after `mark`; `mark` itself when none is found.
    private func aliasAfter(_ mark: YAMLNode.Mark) -> AliasFound {
        var line = max(1, mark.line)
        var skip = max(0, mark.column - 1)
        while line <= lines.count {
            let scalars = Array(lines[line - 1].unicodeScalars)
            var index = skip
            while index < scalars.count {
                if scalars[index] == "*", index + 1 < scalars.count,
                    !" ,]}".unicodeScalars.contains(scalars[index + 1]),
                    index == 0 || " ,[{:-".unicodeScalars.contains(scalars[index - 1])
                {
                    return AliasFound(line: line, column: index + 1)
                }
                index += 1
            }
            line += 1
            skip = 0
        }
        return AliasFound(line: max(1, mark.line), column: max(1, mark.column))
    }
}
