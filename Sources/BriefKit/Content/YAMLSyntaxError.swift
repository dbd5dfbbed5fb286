import Yams

/// Turns a Yams parse error into a diagnostic at its line and column in the original file,
/// with a hint for the mistakes analysts make most (an unquoted headline with a colon).
enum YAMLSyntaxError {
    static func diagnostic(for error: Error, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(SourceLocation(path: path, line: firstLine, column: 1), "invalid YAML: \(error)")
        }
        var problem: String
        var mark: Mark?
        switch yamlError {
        case .scanner(_, let p, let m, _), .parser(_, let p, let m, _), .composer(_, let p, let m, _):
            problem = p
            mark = m
        case .reader(let p, _, _, _):
            problem = p
        case .duplicatedKeysInMapping(let duplicates, let context):
            problem = "duplicate key \(duplicates.joined(separator: ", "))"
            mark = context.mark
        default:
            problem = "\(yamlError)"
        }
        let line = mark?.line ?? 1
        let location = SourceLocation(path: path, line: line + firstLine - 1, column: mark?.column ?? 1)
        if let hint = hint(problem: problem, line: line, yaml: yaml) { problem += "; \(hint)" }
        return .error(location, "invalid YAML: \(problem)")
    }

    /// "quote the title: it contains ': '" when the failing line is `key: text: more`.
    private static func hint(problem: String, line: Int, yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        guard let colon = text.range(of: ": ") else { return nil }
        let key = text[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        let value = text[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(" "), let first = value.first, first != "\"", first != "'" else {
            return nil
        }
        // Keys that hold a mapping: the value was meant to be nested, not quoted.
        if ["params", "source", "publish"].contains(key) && value.contains(": ") {
            return "'\(key)' holds keys of its own: put each on its own line, indented under '\(key):'"
        }
        if value.contains(": ") { return "quote the \(key): it contains ': '" }
        if value.contains(" #") { return "quote the \(key): it contains ' #', which starts a comment" }
        if first == "\"" || first == "[" || first == "{" || first == "*" || first == "&" || first == "@" {
            return "quote the \(key): it starts with '\(first)'"
        }
        if value.contains("\"") {
            return "quote the \(key) with double quotes and write inner quotes as \\\""
        }
        return nil
    }
}
