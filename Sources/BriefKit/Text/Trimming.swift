extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators too):
    /// what `trimmingCharacters(in: .whitespaces)` returns, without bridging through NSString,
    /// which cost a twentieth of a 10k build.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return String(self[first..<scalars.index(after: last)])
    }

    /// The text without leading and trailing white space and line breaks (Unicode's): what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` returns, without NSString.
    var trimmingSpacesAndNewlines: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first..<scalars.index(after: last)])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }
}
