/// Escaping for XML text and attributes (feeds, sitemap).
enum XML {
    static func escape(_ text: String) -> String {
        ByteEscaping.escape(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&apos;"
            // Control characters other than tab, newline and return are not allowed in XML 1.0.
            case 0..<9, 11, 12, 14..<32: ""
            default: nil
            }
        }
    }
}
