/// One rendering of a compiled template: the output so far and the stack of contexts sections
/// have entered. It reads the program's tables through their pointers; the program is kept
/// alive by `render`.
struct TemplateRun {
    private let ops: UnsafeBufferPointer<TemplateProgram.Op>
    private let names: UnsafeBufferPointer<TemplateProgram.Name>
    private let keys: UnsafeBufferPointer<String>
    private let keyHashes: UnsafeBufferPointer<UInt64>
    private let transforms: UnsafeBufferPointer<TemplateTransform>
    private let text: UnsafeBufferPointer<UInt8>
    private let templates: UnsafeBufferPointer<Range<Int32>>
    private var output: [UInt8] = []
    /// The contexts sections entered, innermost last: pointers into the context tree (which
    /// outlives the run), so entering a context or reading a value retains nothing; reading a
    /// value out of its object retained it for every tag.
    private var stack: [UnsafePointer<TemplateValue>]
    /// Values a transform made (`count(actors)`), alive until the run ends.
    private var temporaries: [UnsafeMutablePointer<TemplateValue>] = []

    /// The bytes of template number `template` of `program` rendered with `context`.
    static func render(_ program: TemplateProgram, template: Int, context: TemplateValue) -> [UInt8] {
        withExtendedLifetime(program) {
            withUnsafePointer(to: context) { root in
                var run = TemplateRun(program, root: root)
                run.output.reserveCapacity(16_384)
                let range = program.templates[template]
                run.render(Int(range.lowerBound)..<Int(range.upperBound), nil, nil)
                for temporary in run.temporaries {
                    temporary.deinitialize(count: 1)
                    temporary.deallocate()
                }
                return run.output
            }
        }
    }

    private init(_ program: TemplateProgram, root: UnsafePointer<TemplateValue>) {
        ops = program.ops
        names = program.names
        keys = program.keys
        keyHashes = program.keyHashes
        transforms = program.transforms
        text = program.text
        templates = program.templates
        stack = [root]
    }

    /// Renders the operations in `range`, stepping over section bodies. With an indentation
    /// (a partial alone on its line), a piece that starts a new line gets it, as swift-mustache does.
    private mutating func render(_ range: Range<Int>, _ sequence: SequencePosition?, _ indentation: [UInt8]?)
    {
        let indent = indentation.flatMap { $0.isEmpty ? nil : $0 }
        let start = output.count
        var i = range.lowerBound
        while i < range.upperBound {
            let before = output.count
            i = step(i, sequence, indent)
            if let indent, output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n") {
                output.insert(contentsOf: indent, at: before)
            }
        }
    }

    /// Runs operation `i` (with its body, for a section) and returns the next one's index.
    private mutating func step(_ i: Int, _ sequence: SequencePosition?, _ indentation: [UInt8]?) -> Int {
        switch ops[i] {
        case .text(let start, let count):
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(start)..<Int(start + count)]))
            return i + 1
        case .variable(let name, let escaped):
            guard let value = lookup(Int(name), sequence) else { return i + 1 }
            if case .string(let string) = value.pointee {
                escaped ? appendEscaped(string) : appendRaw(string)
            } else {
                let text = value.pointee.text
                escaped ? appendEscaped(text) : appendRaw(text)
            }
            return i + 1
        case .section(let name, let end):
            let body = (i + 1)..<Int(end)
            guard let value = lookup(Int(name), sequence) else { return Int(end) }
            switch value.pointee {
            case .null: break
            case .bool(let isTrue):
                if isTrue { render(body, sequence, indentation) }
            case .list(let items):
                items.withUnsafeBufferPointer { items in
                    for index in items.indices {
                        stack.append(items.baseAddress! + index)
                        render(
                            body, SequencePosition(index: index, isLast: index == items.count - 1),
                            indentation)
                        stack.removeLast()
                    }
                }
            default:
                stack.append(value)
                render(body, nil, indentation)
                stack.removeLast()
            }
            return Int(end)
        case .invertedSection(let name, let end):
            let body = (i + 1)..<Int(end)
            guard let value = lookup(Int(name), sequence) else {
                render(body, sequence, indentation)
                return Int(end)
            }
            switch value.pointee {
            case .null, .bool(false):
                render(body, sequence, indentation)
            case .list(let items) where items.isEmpty:
                stack.append(value)
                render(body, nil, indentation)
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
            render(Int(range.lowerBound)..<Int(range.upperBound), nil, combined)
            return i + 1
        }
    }

    /// Where the value of name `number` is: in the context tree, or (made by a transform) among
    /// the run's temporaries.
    private mutating func lookup(_ number: Int, _ sequence: SequencePosition?) -> UnsafePointer<
        TemplateValue
    >? {
        let name = names[number]
        let path = Int(name.pathStart)..<Int(name.pathStart + name.pathCount)
        var found: UnsafePointer<TemplateValue>?
        var made: TemplateValue?
        var firstTransform = 0
        switch name.root {
        case .current:
            found = stack.last
        case .sequence:
            guard let sequence, name.transformCount > 0 else { return nil }
            guard let value = sequence.transformed(transforms[Int(name.transformStart)]) else { return nil }
            made = value
            firstTransform = 1
        case .innermost:
            if let last = stack.last { found = descend(last, path) }
        case .stack:
            guard !path.isEmpty else {
                found = stack.last
                break
            }
            // Innermost context first; most tags name a key of the page's root context.
            let first = keys[path.lowerBound]
            let hash = keyHashes[path.lowerBound]
            var index = stack.count - 1
            while index >= 0 {
                if let child = TemplateFields.pointer(in: stack[index], key: first, hash: hash) {
                    found = path.count == 1 ? child : descend(child, path.dropFirst())
                    break
                }
                index -= 1
            }
        }
        let end = Int(name.transformStart + name.transformCount)
        var t = Int(name.transformStart) + firstTransform
        if t == end {
            // No transform: the value itself, wherever it lives.
            if let found { return found }
            guard let made else { return nil }
            return keep(made)
        }
        guard var result = made ?? found?.pointee else { return nil }
        while t < end {
            guard let next = result.transformed(transforms[t]) else { return nil }
            result = next
            t += 1
        }
        return keep(result)
    }

    private mutating func keep(_ value: TemplateValue) -> UnsafePointer<TemplateValue> {
        let pointer = UnsafeMutablePointer<TemplateValue>.allocate(capacity: 1)
        pointer.initialize(to: value)
        temporaries.append(pointer)
        return UnsafePointer(pointer)
    }

    private func descend(_ value: UnsafePointer<TemplateValue>, _ path: Range<Int>) -> UnsafePointer<
        TemplateValue
    >? {
        var value = value
        for index in path {
            guard let child = TemplateFields.pointer(in: value, key: keys[index], hash: keyHashes[index])
            else {
                return nil
            }
            value = child
        }
        return value
    }

    /// Appends `text` with `< > & " '` escaped, copying unescaped runs whole. The bytes are read
    /// where the string keeps them: a copy of the string (for `withUTF8`) would retain it.
    private mutating func appendEscaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped(bytes: $0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped(bytes: $0) }
        }
    }

    private mutating func appendEscaped(bytes: UnsafeBufferPointer<UInt8>) {
        var run = 0
        for i in 0..<bytes.count {
            guard let replacement = HTMLText.replacement(bytes[i]) else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            run = i + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// Appends `text` as it is, read in place like `appendEscaped`.
    private mutating func appendRaw(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: text.utf8)
        }
    }
}
