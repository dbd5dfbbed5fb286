import BriefTemplates

/// A free value from `params:` (site or entry), kept in its YAML order for templates.
public indirect enum ParamValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ParamValue])
    case map([(key: String, value: ParamValue)])

    public static func == (lhs: ParamValue, rhs: ParamValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let v): hasher.combine(v)
        case .int(let v): hasher.combine(v)
        case .double(let v): hasher.combine(v)
        case .bool(let v): hasher.combine(v)
        case .null: hasher.combine(0)
        case .list(let v): hasher.combine(v)
        case .map(let v):
            for pair in v {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// The value as Mustache sees it: strings, numbers, booleans, arrays and dictionaries.
    public var templateValue: TemplateValue {
        switch self {
        case .string(let v): .string(v)
        case .int(let v): .int(v)
        case .double(let v): .double(v)
        case .bool(let v): .bool(v)
        case .null: ""
        case .list(let v): .list(v.map(\.templateValue))
        case .map(let v):
            .object(TemplateFields(keepingFirst: v.lazy.map { ($0.key, $0.value.templateValue) }))
        }
    }

    public static let empty = ParamValue.map([])
}
