/// One rendering of a compiled template: the program's tables, read-only, and what the run
/// changes, passed `inout` apart from them: the output so far, and the stack of contexts
/// sections have entered (innermost last). So a table is read in place (a span of `text`)
/// while the output grows. Contexts are values (an object or a list is one reference), so the
/// run holds nothing whose lifetime it would have to reason about.
struct TemplateRun {
    // The program's tables, held by the run itself: read through the program object, every
    // access would retain and release the table.
    private let ops: [TemplateProgram.Op]
    private let names: [TemplateProgram.Name]
    private let keys: [String]
    private let keyHashes: [UInt64]
    private let transforms: [TemplateTransform]
    private let text: [UInt8]
    private let templates: [Range<Int32>]

    /// The bytes of template number `template` of `program` rendered with `context`.
    static func render(_ program: TemplateProgram, template: Int, context: TemplateValue) -> [UInt8] {
        let run = TemplateRun(program: program)
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var stack = [context]
        let range = program.templates[template]
        run.render(Int(range.lowerBound)..<Int(range.upperBound), nil, nil, &output, &stack)
        return output
    }

    private init(program: TemplateProgram) {
        ops = program.ops
        names = program.names
        keys = program.keys
        keyHashes = program.keyHashes
        transforms = program.transforms
        text = program.text
        templates = program.templates
    }

    /// Renders the operations in `range`, stepping over section bodies. With an indentation
    /// (a partial alone on its line), a piece that starts a new line gets it, as swift-mustache does.
    private func render(
        _ range: Range<Int>, _ sequence: SequencePosition?, _ indentation: [UInt8]?, _ output: inout [UInt8],
        _ stack: inout [TemplateValue]
    ) {
        let indent = indentation.flatMap { $0.isEmpty ? nil : $0 }
        let start = output.count
        var i = range.lowerBound
        while i < range.upperBound {
            let before = output.count
            i = step(i, sequence, indent, &output, &stack)
            if let indent, output.count > before, before > start,
                output[before - 1] == UInt8(ascii: "\n")
            {
                output.insert(contentsOf: indent, at: before)
            }
        }
    }

    /// Runs operation `i` (with its body, for a section) and returns the next one's index.
    private func step(
        _ i: Int, _ sequence: SequencePosition?, _ indentation: [UInt8]?, _ output: inout [UInt8],
        _ stack: inout [TemplateValue]
    )
        -> Int
    {
        switch ops[i] {
        case .text(let start, let count):
            // Copied from a span of the table: a slice of it would retain the table's buffer,
            // shared by every render on every thread, once per piece of text.
            output.append(span: text.span.extracting(Int(start)..<Int(start + count)))
            return i + 1
        case .variable(let name, let escaped):
            guard let value = lookup(Int(name), sequence, stack) else { return i + 1 }
            let string: String
            if case .string(let value) = value { string = value } else { string = value.text }
            if escaped {
                HTMLEscaping.append(string, to: &output)
            } else {
                output.append(span: string.utf8.span)
            }
            return i + 1
        case .section(let name, let end):
            let body = (i + 1)..<Int(end)
            guard let value = lookup(Int(name), sequence, stack) else { return Int(end) }
            switch value {
            case .null: break
            case .bool(let isTrue):
                if isTrue { render(body, sequence, indentation, &output, &stack) }
            case .list(let items):
                for (index, item) in items.enumerated() {
                    stack.append(item)
                    render(
                        body, SequencePosition(index: index, isLast: index == items.count - 1), indentation,
                        &output, &stack)
                    stack.removeLast()
                }
            default:
                stack.append(value)
                render(body, nil, indentation, &output, &stack)
                stack.removeLast()
            }
            return Int(end)
        case .invertedSection(let name, let end):
            let body = (i + 1)..<Int(end)
            guard let value = lookup(Int(name), sequence, stack) else {
                render(body, sequence, indentation, &output, &stack)
                return Int(end)
            }
            switch value {
            case .null, .bool(false):
                render(body, sequence, indentation, &output, &stack)
            case .list(let items) where items.isEmpty:
                stack.append(value)
                render(body, nil, indentation, &output, &stack)
                stack.removeLast()
            default: break
            }
            return Int(end)
        case .partial(let template, let indentStart, let indentCount):
            guard template >= 0 else { return i + 1 }
            let range = templates[Int(template)]
            var combined = indentation
            if indentCount > 0 {
                combined = (indentation ?? []) + text[Int(indentStart)..<Int(indentStart + indentCount)]
            }
            render(Int(range.lowerBound)..<Int(range.upperBound), nil, combined, &output, &stack)
            return i + 1
        }
    }

    /// The value of name `number`: from the context stack, then through its transforms.
    private func lookup(_ number: Int, _ sequence: SequencePosition?, _ stack: borrowing [TemplateValue])
        -> TemplateValue?
    {
        let name = names[number]
        let path = Int(name.pathStart)..<Int(name.pathStart + name.pathCount)
        var result: TemplateValue?
        var firstTransform = 0
        switch name.root {
        case .current:
            result = stack.last
        case .sequence:
            guard let sequence, name.transformCount > 0 else { return nil }
            result = sequence.transformed(transforms[Int(name.transformStart)])
            firstTransform = 1
        case .innermost:
            if let last = stack.last { result = descend(last, path) }
        case .stack:
            guard !path.isEmpty else {
                result = stack.last
                break
            }
            // Innermost context first; most tags name a key of the page's root context.
            let first = keys[path.lowerBound]
            let hash = keyHashes[path.lowerBound]
            var index = stack.count - 1
            while index >= 0 {
                if let child = stack[index].child(first, hash: hash) {
                    result = path.count == 1 ? child : descend(child, path.dropFirst())
                    break
                }
                index -= 1
            }
        }
        let end = Int(name.transformStart + name.transformCount)
        var t = Int(name.transformStart) + firstTransform
        while t < end, let value = result {
            result = value.transformed(transforms[t])
            t += 1
        }
        return result
    }

    private func descend(_ value: TemplateValue, _ path: Range<Int>) -> TemplateValue? {
        var value = value
        for index in path {
            guard let child = value.child(keys[index], hash: keyHashes[index]) else { return nil }
            value = child
        }
        return value
    }
}
