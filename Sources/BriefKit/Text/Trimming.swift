extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators too):
    /// what `trimmingCharacters(in: .whitespaces)` returns, without bridging through NSString.
    var trimmingSpaces: String { trimming(Self.isSpace) }

    /// The text without leading and trailing white space and line breaks (Unicode's): what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` returns, without NSString.
    var trimmingSpacesAndNewlines: String { trimming(\.properties.isWhitespace) }

    /// The text without the scalars `drop` matches at either end, sliced rather than rebuilt.
    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(self[first..<scalars.index(after: last)])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }
}
