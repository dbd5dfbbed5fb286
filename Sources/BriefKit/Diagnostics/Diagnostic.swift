/// One problem found in a site, printed as `path:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// How bad a problem is; only errors (and warnings under `--strict`) fail a build.
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public static func note(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.note, at: location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Orders diagnostics by file, line and column so that every run prints them the same way.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic fails the build: an error, or a warning when `strict`.
    public func fails(strict: Bool) -> Bool {
        contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    /// The list with warnings promoted to errors (what `--strict` prints).
    public func promotingWarnings() -> [Diagnostic] {
        map { diagnostic in
            var copy = diagnostic
            if copy.severity == .warning { copy.severity = .error }
            return copy
        }
    }

    /// "2 errors, 1 warning" — the count printed after the diagnostics.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = filter { $0.severity == .error }.count
        let warnings = filter { $0.severity == .warning }.count
        let notes = filter { $0.severity == .note }.count
        var parts = [count(errors, "error"), count(warnings, "warning")]
        if notes > 0 { parts.append(count(notes, "note")) }
        return parts.joined(separator: ", ")
    }
}

extension Diagnostic: Error {}

extension Array where Element == Diagnostic {
    /// How many times one message may repeat in one file before the rest are counted instead.
    public static var repeatLimit: Int { 10 }

    /// The sorted list with each message that repeats in one file cut to `repeatLimit`
    /// occurrences, followed by a note that counts the rest ("and 29,990 more like this").
    public func cappingRepeats() -> [Diagnostic] {
        var seen: [RepeatKey: Int] = [:]
        for diagnostic in self {
            seen[
                RepeatKey(
                    path: diagnostic.location.path, severity: diagnostic.severity, message: diagnostic.message
                ), default: 0] += 1
        }
        guard seen.values.contains(where: { $0 > Self.repeatLimit }) else { return self }
        var kept: [Diagnostic] = []
        var counted: [RepeatKey: Int] = [:]
        for diagnostic in self {
            let key = RepeatKey(
                path: diagnostic.location.path, severity: diagnostic.severity, message: diagnostic.message)
            counted[key, default: 0] += 1
            let count = counted[key]!
            if count <= Self.repeatLimit {
                kept.append(diagnostic)
            } else if count == Self.repeatLimit + 1 {
                let more = seen[key]! - Self.repeatLimit
                kept.append(
                    .note(
                        diagnostic.location,
                        "and \(Self.grouped(more)) more of the \(diagnostic.severity.rawValue) above in this file (\(Self.grouped(seen[key]!)) in all)"
                    ))
            }
        }
        return kept
    }

    /// 29990 → "29,990".
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }
}

/// What makes two diagnostics repeats of one another: the file, the severity and the message.
private struct RepeatKey: Hashable {
    var path: String
    var severity: Diagnostic.Severity
    var message: String
}
