import Yams

/// A composed YAML node as brief reads it: scalars, lists and mappings, each with where it starts.
/// FastYAMLReader makes these straight from the text; whatever it declines, Yams composes and
/// `init(_:)` converts, so every field reader sees one shape either way.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence([YAMLNode], mark: Mark)
    case mapping([(key: YAMLNode, value: YAMLNode)], mark: Mark)

    /// Where a node starts: 1-based line and column (columns count Unicode scalars, as libyaml's do).
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    /// A scalar's text and how it was written.
    struct Scalar: Sendable, Equatable {
        var string: String
        /// Plain (unquoted) scalars are the ones YAML 1.1 may read as numbers, booleans or null.
        var isPlain: Bool
        var mark: Mark
        /// An explicit tag (`!!str 2024`), which decides the type instead of the text.
        var tag: String? = nil

        /// Yams tags quoted scalars `!!str`, as YAML does.
        static let stringTag = "tag:yaml.org,2002:str"
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark): mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// Converts what Yams composed. Aliases never reach here: Yams' composer replaces each with
    /// the node its anchor names. Keys lose their tags: brief reads keys only as text, and
    /// Yams resolves a key's tag in place when it hashes the key to look for duplicates.
    init(_ node: Node, isKey: Bool = false) {
        func mark(_ mark: Yams.Mark?) -> YAMLNode.Mark {
            YAMLNode.Mark(line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        switch node {
        case .scalar(let scalar):
            let tag = scalar.tag.description.isEmpty || isKey ? nil : scalar.tag.description
            self = .scalar(
                Scalar(
                    string: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any,
                    mark: mark(scalar.mark), tag: tag))
        case .sequence(let sequence):
            self = .sequence(sequence.map { YAMLNode($0) }, mark: mark(sequence.mark))
        case .mapping(let mapping):
            self = .mapping(
                mapping.map { (YAMLNode($0.key, isKey: true), YAMLNode($0.value)) }, mark: mark(mapping.mark))
        case .alias(let alias):
            self = .scalar(Scalar(string: "", isPlain: true, mark: mark(alias.mark)))
        }
    }
}

extension YAMLNode: Equatable {
    static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): x == y
        case (.sequence(let x, let m), .sequence(let y, let n)): m == n && x == y
        case (.mapping(let x, let m), .mapping(let y, let n)):
            m == n && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}
