/// Parsed templates by name (partials by their name without `partials/`), rendered into bytes.
public struct TemplateLibrary: Sendable {
    var templates: [String: [TemplateNode]] = [:]

    public init() {}

    /// Parses and adds a template; a syntax error leaves the library as it was.
    mutating func add(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The partial tags of template `name`, in the order they are written, whatever
    /// delimiters it uses: each with the byte offset where it starts.
    func partialTags(of name: String) -> [(name: String, offset: Int)] {
        var found: [(name: String, offset: Int)] = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let partial, _, let offset): found.append((partial, offset))
                case .section(_, let children), .invertedSection(_, let children): visit(children)
                case .text, .variable: break
                }
            }
        }
        visit(templates[name] ?? [])
        return found
    }

    /// The UTF-8 bytes of template `name` rendered with `context`; a missing template renders nothing.
    public func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var run = TemplateRun(templates: templates, root: context)
        run.render(nodes, sequence: nil, indentation: nil)
        return run.output
    }
}

/// One rendering: the output so far and the stack of contexts sections have entered.
struct TemplateRun {
    let templates: [String: [TemplateNode]]
    var output: [UInt8] = []
    var stack: [TemplateValue]

    init(templates: [String: [TemplateNode]], root: TemplateValue) {
        self.templates = templates
        self.stack = [root]
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [TemplateNode], sequence: SequencePosition?, indentation: [UInt8]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, sequence: sequence, indentation: nil) }
            return
        }
        // As swift-mustache does: a piece that starts a new line gets the partial's indentation.
        let start = output.count
        for node in nodes {
            let before = output.count
            render(node, sequence: sequence, indentation: indentation)
            if output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n") {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, sequence: SequencePosition?, indentation: [UInt8]?) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name, sequence) else { return }
            if case .string(let text) = value {
                escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
            } else {
                escaped ? appendEscaped(value.text) : output.append(contentsOf: value.text.utf8)
            }
        case .section(let name, let children):
            switch lookup(name, sequence) {
            case nil, .null?: return
            case .bool(let isTrue)?:
                if isTrue { render(children, sequence: sequence, indentation: indentation) }
            case .list(let items)?:
                for (index, item) in items.enumerated() {
                    stack.append(item)
                    render(
                        children, sequence: SequencePosition(index: index, isLast: index == items.count - 1),
                        indentation: indentation)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(children, sequence: nil, indentation: indentation)
                stack.removeLast()
            }
        case .invertedSection(let name, let children):
            switch lookup(name, sequence) {
            case nil, .null?, .bool(false)?:
                render(children, sequence: sequence, indentation: indentation)
            case .list(let items)? where items.isEmpty:
                stack.append(.list(items))
                render(children, sequence: nil, indentation: indentation)
                stack.removeLast()
            default: return
            }
        case .partial(let name, let own, _):
            guard let nodes = templates[name] else { return }
            let combined = own.map { (indentation ?? []) + $0 } ?? indentation
            render(nodes, sequence: nil, indentation: combined)
        }
    }

    private func lookup(_ name: borrowing TemplateName, _ sequence: SequencePosition?) -> TemplateValue? {
        var value: TemplateValue?
        var firstTransform = 0
        switch name.root {
        case .current:
            value = stack.last
        case .sequence:
            guard let sequence, !name.transforms.isEmpty else { return nil }
            value = sequence.transformed(name.transforms[0])
            firstTransform = 1
        case .innermost:
            if let last = stack.last { value = descend(last, name.path, from: 0) }
        case .stack:
            guard !name.path.isEmpty else {
                value = stack.last
                break
            }
            // Innermost context first; most tags name a key of the page's root context.
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let fields) = stack[index], let child = fields[name.path[0]] {
                    value = name.path.count == 1 ? child : descend(child, name.path, from: 1)
                    break
                }
                index -= 1
            }
        }
        guard var result = value else { return nil }
        var t = firstTransform
        while t < name.transforms.count {
            guard let next = result.transformed(name.transforms[t]) else { return nil }
            result = next
            t += 1
        }
        return result
    }

    private func descend(_ value: TemplateValue, _ path: [String], from start: Int) -> TemplateValue? {
        var value = value
        var index = start
        while index < path.count {
            guard case .object(let fields) = value, let child = fields[path[index]] else { return nil }
            value = child
            index += 1
        }
        return value
    }

    /// Appends `text` with `< > & " '` escaped, copying unescaped runs whole.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                guard let replacement = HTMLText.replacement(bytes[i]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                run = i + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}
