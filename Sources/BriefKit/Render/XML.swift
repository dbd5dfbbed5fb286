/// Escaping for XML text and attributes (feeds, sitemap). Characters XML 1.0 does not allow
/// (controls other than tab, newline and return; U+FFFE and U+FFFF) are dropped, so no
/// content can make a feed unreadable.
enum XML {
    static func escape(_ text: String) -> String {
        ByteEscaping.escape(withoutNonCharacters(text)) { byte in
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
    }

    /// `text` without U+FFFE and U+FFFF (UTF-8 EF BF BE, EF BF BF); itself when it has none.
    static func withoutNonCharacters(_ text: String) -> String {
        let utf8 = text.utf8
        var found = false
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if previous == (0xEF, 0xBF) && (byte == 0xBE || byte == 0xBF) {
                found = true
                break
            }
            previous = (previous.1, byte)
        }
        guard found else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
    }
}
