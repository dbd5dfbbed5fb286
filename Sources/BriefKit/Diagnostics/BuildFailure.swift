/// Thrown when a site cannot be built; carries every diagnostic of the run, sorted.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String {
        (diagnostics.map(\.description) + [diagnostics.summary]).joined(separator: "\n")
    }
}
