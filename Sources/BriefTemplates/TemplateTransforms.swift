import Foundation

/// `{{transform(name)}}`: the transforms swift-mustache offered, with the same meaning, so
/// themes written for it keep working. A transform a value does not have yields nothing.
extension TemplateValue {
    func transformed(_ transform: TemplateTransform) -> TemplateValue? {
        switch self {
        case .string(let value):
            switch transform {
            case .empty: .bool(value.isEmpty)
            case .capitalized: .string(value.capitalized)
            case .lowercased: .string(value.lowercased())
            case .uppercased: .string(value.uppercased())
            case .reversed: .string(String(value.reversed()))
            default: nil
            }
        case .list(let items):
            switch transform {
            case .first: items.first
            case .last: items.last
            case .reversed: .list(items.reversed())
            case .count: .int(items.count)
            case .empty: .bool(items.isEmpty)
            case .sorted: Self.sorted(items)
            default: nil
            }
        case .object(let fields):
            switch transform {
            case .count: .int(fields.count)
            case .empty: .bool(fields.isEmpty)
            case .enumerated, .sorted:
                .list(fields.sortedByKey.map { .object(["key": .string($0.key), "value": $0.value]) })
            default: nil
            }
        case .int(let value):
            switch transform {
            case .equalzero: .bool(value == 0)
            case .plusone: .int(value + 1)
            case .minusone: .int(value - 1)
            case .even: .bool(value & 1 == 0)
            case .odd: .bool(value & 1 == 1)
            default: nil
            }
        case .null, .bool, .double: nil
        }
    }

    /// Lists of strings or of numbers sort; mixed lists have no order, so no `sorted`.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        var strings: [String] = []
        var ints: [Int] = []
        for item in items {
            switch item {
            case .string(let value): strings.append(value)
            case .int(let value): ints.append(value)
            default: return nil
            }
        }
        if ints.isEmpty { return .list(strings.sorted().map(TemplateValue.string)) }
        if strings.isEmpty { return .list(ints.sorted().map(TemplateValue.int)) }
        return nil
    }
}

/// Where an item is in the list a section iterates: `{{#first()}}`, `{{index()}}`…
struct SequencePosition {
    var index: Int
    var isLast: Bool

    func transformed(_ transform: TemplateTransform) -> TemplateValue? {
        switch transform {
        case .first: .bool(index == 0)
        case .last: .bool(isLast)
        case .index: .int(index)
        case .even: .bool(index & 1 == 0)
        case .odd: .bool(index & 1 == 1)
        default: nil
        }
    }
}
