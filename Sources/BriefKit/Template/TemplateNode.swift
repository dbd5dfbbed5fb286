/// One piece of a parsed template: text copied as bytes, or a tag.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{> name}}`; a partial alone on its line indents every line it writes by `indentation`.
    case partial(String, indentation: [UInt8]?)
}

/// A tag's name, split once at parse time: `site.title`, `.`, `.name`, `empty(actors)`.
struct TemplateName: Sendable, Equatable {
    enum Root: Sendable, Equatable {
        /// `.`: the innermost context.
        case current
        /// `.name`: looked up in the innermost context only.
        case innermost
        /// `name`: the first context, from the innermost out, that has the first component.
        case stack
        /// `first()`, `index()`…: the position in the list a section iterates.
        case sequence
    }

    var root: Root
    var path: [String]
    /// In the order they apply: `a(b(x))` is `[b, a]`.
    var transforms: [String]
    /// As written, to match a section's closing tag.
    var source: String

    init(source: String, name: String, transforms: [String]) {
        self.source = source
        self.transforms = transforms.reversed()
        self.path = name.split(separator: ".").map(String.init)
        if name == "." {
            root = .current
        } else if name.isEmpty && !transforms.isEmpty {
            root = .sequence
        } else if name.hasPrefix(".") {
            root = .innermost
        } else {
            root = .stack
        }
    }
}
