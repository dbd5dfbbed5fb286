/// Every template of a library compiled into one flat list of operations, so rendering walks
/// plain values: no node is copied, no template object is retained per tag, and a transform is
/// a byte, not a string. The tables never change once compiled; renders on any thread read them.
final class TemplateProgram: Sendable {
    /// One step. Every payload is a plain number, so reading one costs no reference counting.
    enum Op: Sendable {
        /// Bytes `start..<start + count` of `text`.
        case text(start: Int32, count: Int32)
        case variable(name: Int32, escaped: Bool)
        /// The section's body is the operations after this one, up to `end`.
        case section(name: Int32, end: Int32)
        case invertedSection(name: Int32, end: Int32)
        /// `template` is -1 when no template has the partial's name (it renders nothing); the
        /// indentation is bytes of `text`, empty when the partial is not alone on its line.
        case partial(template: Int32, indentStart: Int32, indentCount: Int32)
    }

    /// A tag's name: its path is `keys[pathStart..<pathStart + pathCount]`, its transforms
    /// (in the order they apply) `transforms[transformStart..<transformStart + transformCount]`.
    struct Name: Sendable {
        var root: TemplateName.Root
        var pathStart: Int32
        var pathCount: Int32
        var transformStart: Int32
        var transformCount: Int32
    }

    let ops: [Op]
    let names: [Name]
    let keys: [String]
    /// `TemplateFields.hash` of each key, so a lookup never hashes a name.
    let keyHashes: [UInt64]
    let transforms: [TemplateTransform]
    let text: [UInt8]
    /// Each template's operations, by template number.
    let templates: [Range<Int32>]
    let numbers: [String: Int]

    /// Compiles `templates`; partials are linked by name now, so a render never looks one up.
    init(_ templates: [String: [TemplateNode]]) {
        var builder = Builder()
        let names = templates.keys.sorted()
        builder.numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var ranges: [Range<Int32>] = []
        for name in names {
            let start = Int32(builder.ops.count)
            builder.compile(templates[name]!)
            ranges.append(start..<Int32(builder.ops.count))
        }
        self.ops = builder.ops
        self.names = builder.names
        self.keys = builder.keys
        self.keyHashes = builder.keys.map(TemplateFields.hash)
        self.transforms = builder.transforms
        self.text = builder.text
        self.templates = ranges
        self.numbers = builder.numbers
    }

    private struct Builder {
        var ops: [Op] = []
        var names: [Name] = []
        var keys: [String] = []
        var transforms: [TemplateTransform] = []
        var text: [UInt8] = []
        var numbers: [String: Int] = [:]

        mutating func compile(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    ops.append(.text(start: Int32(text.count), count: Int32(bytes.count)))
                    text.append(contentsOf: bytes)
                case .variable(let name, let escaped):
                    ops.append(.variable(name: add(name), escaped: escaped))
                case .section(let name, let children), .invertedSection(let name, let children):
                    let at = ops.count
                    let number = add(name)
                    ops.append(.section(name: number, end: 0))
                    compile(children)
                    let end = Int32(ops.count)
                    if case .section = node {
                        ops[at] = .section(name: number, end: end)
                    } else {
                        ops[at] = .invertedSection(name: number, end: end)
                    }
                case .partial(let name, let indentation, _):
                    let indent = indentation ?? []
                    ops.append(
                        .partial(
                            template: Int32(numbers[name] ?? -1), indentStart: Int32(text.count),
                            indentCount: Int32(indent.count)))
                    text.append(contentsOf: indent)
                }
            }
        }

        private mutating func add(_ name: TemplateName) -> Int32 {
            names.append(
                Name(
                    root: name.root, pathStart: Int32(keys.count), pathCount: Int32(name.path.count),
                    transformStart: Int32(transforms.count), transformCount: Int32(name.transforms.count)))
            keys.append(contentsOf: name.path)
            transforms.append(contentsOf: name.transforms.map(TemplateTransform.init(name:)))
            return Int32(names.count - 1)
        }
    }
}

/// The transforms a tag can apply, `empty(actors)`, named once at compile time.
enum TemplateTransform: UInt8, Sendable {
    case empty, capitalized, lowercased, uppercased, reversed, first, last, count, sorted, enumerated
    case equalzero, plusone, minusone, even, odd, index
    /// A name no value has a transform for: the tag yields nothing.
    case unknown

    init(name: String) { self = Self(named: name) ?? .unknown }

    private init?(named name: String) {
        switch name {
        case "empty": self = .empty
        case "capitalized": self = .capitalized
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "reversed": self = .reversed
        case "first": self = .first
        case "last": self = .last
        case "count": self = .count
        case "sorted": self = .sorted
        case "enumerated": self = .enumerated
        case "equalzero": self = .equalzero
        case "plusone": self = .plusone
        case "minusone": self = .minusone
        case "even": self = .even
        case "odd": self = .odd
        case "index": self = .index
        default: return nil
        }
    }
}
