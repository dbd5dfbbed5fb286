/// Parsed templates by name (partials by their name without `partials/`), rendered into bytes.
public struct TemplateLibrary: Sendable {
    var templates: [String: [TemplateNode]] = [:] {
        didSet { program = TemplateProgram(templates) }
    }
    /// `templates` compiled for rendering; recompiled whenever a template is added, which is
    /// cheap (a theme has a few dozen small templates) and keeps partials linked by number.
    private(set) var program = TemplateProgram([:])

    public init() {}

    /// Parses and adds a template; a syntax error leaves the library as it was.
    package mutating func add(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The partial tags of template `name`, in the order they are written, whatever
    /// delimiters it uses: each with the byte offset where it starts.
    package func partialTags(of name: String) -> [(name: String, offset: Int)] {
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
        guard let number = program.numbers[name] else { return [] }
        return TemplateRun.render(program, template: number, context: context)
    }
}
