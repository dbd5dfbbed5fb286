/// A value a template reads. Page contexts are built from these instead of `Any`, so a tag's
/// lookup is a dictionary access and a switch, never a chain of dynamic casts.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object(TemplateFields)

    /// The value of `key` when this is an object; nothing otherwise.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// `text` as a string, or null: an absent field set as null stops a lookup at its object,
    /// where a missing key would let the tag find an enclosing object's field of that name.
    public static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.string) ?? .null
    }

    /// The value of `key` (whose `TemplateFields.hash` is `hash`) when this is an object.
    @inline(__always)
    func child(_ key: String, hash: UInt64) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.value(forKey: key, hash: hash)
    }

    /// The text `{{value}}` writes before escaping.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): "\(value)"
        case .string(let value): value
        case .list, .object: description
        }
    }

    /// Swift's own rendering of arrays (`["a", "b"]`), which is what `{{list}}` wrote before
    /// brief had its own engine; objects list their keys in order, so output stays stable.
    var description: String {
        switch self {
        case .string(let value): value.debugDescription
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let fields):
            fields.isEmpty
                ? "[:]"
                : "["
                    + fields.sortedByKey.map { "\($0.key.debugDescription): \($0.value.description)" }
                    .joined(separator: ", ") + "]"
        default: text
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var fields = TemplateFields()
        fields.reserveCapacity(elements.count)
        for (key, value) in elements { fields[key] = value }
        self = .object(fields)
    }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}
