/// Escaping for XML text and attributes (feeds, sitemap). Characters XML 1.0 does not allow
/// (controls other than tab, newline and return; U+FFFE and U+FFFF) are dropped, so no
/// content can make a feed unreadable.
enum XML {
    static func escape(_ text: String) -> String {
        ByteEscaping.escape(withoutNonCharacters(text), replacement)
    }

    /// Appends `text` escaped as `escape(_:)` escapes it to `out`.
    static func append(_ text: String, escapedTo out: inout [UInt8]) {
        ByteEscaping.append(withoutNonCharacters(text), into: &out, replacement)
    }

    @inline(__always)
    private static func replacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&apos;"
        case 0..<9, 11, 12, 14..<32: ""
        default: nil
        }
    }

    /// `text` without U+FFFE and U+FFFF (UTF-8 EF BF BE, EF BF BF); itself when it has none.
    static func withoutNonCharacters(_ text: String) -> String {
        let bytes = text.utf8.span
        var found = false
        // Both start with EF BF; EF alone is rare in text, so the loop seldom looks further.
        for i in bytes.indices where bytes[i] == 0xEF {
            if i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                found = true
                break
            }
        }
        guard found else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
    }
}
