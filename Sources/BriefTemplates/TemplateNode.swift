/// One piece of a parsed template: text copied as bytes, or a tag.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{> name}}`; a partial alone on its line indents every line it writes by `indentation`.
    /// `offset` is where the tag starts in the template's text, for diagnostics.
    case partial(String, indentation: [UInt8]?, offset: Int)
}

/// A tag's name, split once at parse time: `site.title`, `.`, `.name`, `empty(actors)`. A class,
/// so a node holds one reference to it and visiting a tag retains one object, not three.
final class TemplateName: Sendable, Equatable {
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

    let root: Root
    let path: [String]
    /// In the order they apply: `a(b(x))` is `[b, a]`.
    let transforms: [String]
    /// As written, to match a section's closing tag.
    let source: String

    init(source: String, name: String, transforms: [String]) {
        self.source = source
        self.transforms = transforms.reversed()
        self.path = name.split(separator: ".").map(String.init)
        if name == "." {
            self.root = .current
        } else if name.isEmpty && !transforms.isEmpty {
            self.root = .sequence
        } else if name.hasPrefix(".") {
            self.root = .innermost
        } else {
            self.root = .stack
        }
    }

    static func == (a: TemplateName, b: TemplateName) -> Bool {
        a.source == b.source && a.transforms == b.transforms
    }
}
