import Yams

/// A string read from YAML with where it was written, so later stages can point at it.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension YAMLDocument {
    /// A text value. Unquoted values that YAML reads as another type (`No`, `2024`, `null`) are
    /// errors with a hint to quote them, since the analyst meant text.
    mutating func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = node(key) else {
            if required {
                diagnostics.append(
                    .error(
                        SourceLocation(path: path, line: firstLine, column: 1),
                        "missing required key '\(key)'"))
            }
            return nil
        }
        return string(node, key: key, required: required)
    }

    mutating func string(_ node: YAMLNode, key: String, required: Bool) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' must be text, found \(Self.describe(node))")
            return nil
        }
        let type = Self.typeName(scalar)
        if type == "empty value" {
            if required { error(node, "'\(key)' is empty") }
            return nil
        }
        if type == "boolean" || type == "number" {
            error(
                node,
                "'\(key)' is read as the \(type) \(scalar.string); quote it if it is text: \(key): \"\(scalar.string)\""
            )
            return nil
        }
        let value = scalar.string
        if required && value.allSatisfy(\.isWhitespace) {
            error(node, "'\(key)' is empty")
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// A list of names; a single text value is an error, since `actors: Russia` is usually a slip
    /// for `actors: [Russia]`.
    mutating func stringList(_ key: String) -> [Located<String>] {
        guard let node = node(key) else { return [] }
        return stringList(node, key: key)
    }

    mutating func stringList(_ node: YAMLNode, key: String) -> [Located<String>] {
        if case .scalar(let scalar) = node, Self.typeName(scalar) == "empty value" { return [] }
        guard case .sequence(let sequence, _) = node else {
            error(node, "'\(key)' must be a list, like \(key): [A, B]; found \(Self.describe(node))")
            return []
        }
        var values: [Located<String>] = []
        for item in sequence {
            guard case .scalar = item else {
                error(item, "each item of '\(key)' must be text, found \(Self.describe(item))")
                continue
            }
            if let value = string(item, key: key, required: true) { values.append(value) }
        }
        return values
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, Self.typeName(scalar) == "boolean" else {
            error(node, "'\(key)' must be true or false, found \(Self.describe(node))")
            return nil
        }
        return ["true", "yes", "on", "y"].contains(scalar.string.lowercased())
    }

    mutating func int(_ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = node(key) else { return nil }
        return int(node, key: key, range: range)
    }

    mutating func int(_ node: YAMLNode, key: String, range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, Self.typeName(scalar) == "number",
            let value = Int(scalar.string),
            range.contains(value)
        else {
            error(
                node,
                "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(Self.describe(node))"
            )
            return nil
        }
        return value
    }

    mutating func date(_ key: String, required: Bool = false) -> Located<EntryDate>? {
        guard let node = node(key) else {
            if required {
                diagnostics.append(
                    .error(
                        SourceLocation(path: path, line: firstLine, column: 1),
                        "missing required key '\(key)'"))
            }
            return nil
        }
        return date(node, key: key)
    }

    mutating func date(_ node: YAMLNode, key: String) -> Located<EntryDate>? {
        guard case .scalar(let scalar) = node, Self.typeName(scalar) != "empty value" else {
            error(node, "'\(key)' must be a date like 2024-10-24, found \(Self.describe(node))")
            return nil
        }
        switch EntryDate.parse(scalar.string.trimmingSpaces) {
        case .success(let date):
            return Located(date, at: location(of: node))
        case .failure(.notOnCalendar(let day)):
            error(node, "'\(key)' is \(day), which is not a day on the calendar")
        case .failure(.missingOffset):
            error(node, "'\(key)' has a time but no UTC offset; add one, like 2024-10-24T09:30:00+09:00")
        case .failure(.format):
            error(
                node,
                "'\(key)' must be YYYY-MM-DD or an ISO 8601 date-time with offset, found '\(scalar.string)'")
        }
        return nil
    }

    /// Free values under `params:`; must be a mapping.
    mutating func params(_ key: String = "params") -> ParamValue {
        guard let node = node(key) else { return .empty }
        if case .scalar(let scalar) = node, Self.typeName(scalar) == "empty value" { return .empty }
        guard case .mapping = node else {
            error(node, "'\(key)' must be a mapping of names to values, found \(Self.describe(node))")
            return .empty
        }
        return Self.paramValue(node)
    }

    static func paramValue(_ node: YAMLNode) -> ParamValue {
        switch node {
        case .scalar(let scalar):
            switch typeName(scalar) {
            case "boolean": return .bool(["true", "yes", "on", "y"].contains(scalar.string.lowercased()))
            case "number":
                if let int = Int(scalar.string) { return .int(int) }
                return Node.scalar(Node.Scalar(scalar.string)).float.map(ParamValue.double)
                    ?? .string(scalar.string)
            case "empty value": return .null
            default: return .string(scalar.string)
            }
        case .sequence(let sequence, _): return .list(sequence.map(paramValue))
        case .mapping(let mapping, _):
            return .map(mapping.map { ($0.key.scalar?.string ?? "", paramValue($0.value)) })
        }
    }
}
